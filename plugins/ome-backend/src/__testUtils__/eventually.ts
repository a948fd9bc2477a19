/*
 * Waiting in integration suites for something that happens on its own time (a watch event,
 * a cluster coming back): polled, and bounded by a number of tries rather than by a
 * wall-clock assertion.
 */

/** Polls `check` (every 250 ms, at most `tries` times) until it returns something truthy. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  tries = 480,
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`${what}: not reached${last ? ` (${last})` : ''}`);
}
