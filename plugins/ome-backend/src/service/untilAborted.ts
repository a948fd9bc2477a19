/**
 * Settles with `work`, or rejects with the signal's reason as soon as `signal` aborts,
 * whichever comes first.
 *
 * Why: an aborted `fetch` is supposed to reject its pending promises, but undici (Node 22)
 * can leave a body read pending forever after its connection went away (seen with gzip
 * bodies on loopback when a backend stops: `res.text()` neither resolved nor rejected, and
 * the abort did not reach it). A watch or a list that never settles keeps the backend's
 * shutdown waiting, so every await on the network is bounded by our own signal as well.
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
