import { useCallback, useState } from 'react';

/**
 * The state of a write that is reviewed by a server dry run first (imports): `run(true)`
 * asks for the dry run, `run(false)` writes; the last answer or error, and whether a call
 * is under way. `clear()` forgets the answer (the input changed, so it no longer applies).
 */
export function useDryRunThenWrite<T>(write: (dryRun: boolean) => Promise<T>) {
  const [result, setResult] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (dryRun: boolean) => {
      setBusy(true);
      setError(undefined);
      try {
        setResult(await write(dryRun));
      } catch (e) {
        setError(e);
        setResult(undefined);
      }
      setBusy(false);
    },
    [write],
  );
  const clear = useCallback(() => setResult(undefined), []);
  return { result, error, busy, run, clear };
}
