import { untilAborted } from './untilAborted';

describe('untilAborted', () => {
  it('settles with the work when the signal does not abort', async () => {
    const ac = new AbortController();
    await expect(untilAborted(Promise.resolve(7), ac.signal)).resolves.toBe(7);
    await expect(
      untilAborted(Promise.reject(new Error('failed')), ac.signal),
    ).rejects.toThrow('failed');
  });

  it('rejects with the reason when the signal aborts before the work settles', async () => {
    const ac = new AbortController();
    const never = new Promise<number>(() => {});
    const pending = untilAborted(never, ac.signal);
    ac.abort(new Error('stopped'));
    await expect(pending).rejects.toThrow('stopped');
  });

  it('rejects at once for a signal that already aborted', async () => {
    const signal = AbortSignal.abort(new Error('already'));
    await expect(untilAborted(new Promise(() => {}), signal)).rejects.toThrow(
      'already',
    );
  });
});
