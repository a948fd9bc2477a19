/*
 * Starts the STAND-IN MODEL HUB (controlplane/standin-model-hub.mjs) for a suite: a loopback
 * server answering like the HuggingFace hub's API. Run as its own Node process (the suites
 * are CommonJS under jest; the hub is an ES module shared with `npm start`).
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { plantSecret } from './plantedSecrets';

/** The token the stand-in hub's gated models accept (see the hub's source). */
export const STANDIN_HUB_TOKEN = plantSecret(
  'hf_standin_gated_token_0123456789',
  'the standin hub token',
);

const HUB = path.resolve(
  __dirname,
  '../../../../controlplane/standin-model-hub.mjs',
);

export interface StandinModelHub {
  url: string;
  stop: () => Promise<void>;
}

export async function startStandinModelHub(): Promise<StandinModelHub> {
  const child: ChildProcess = spawn(process.execPath, [HUB, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`the stand-in model hub did not start: ${out}`)),
      30_000,
    );
    child.stdout!.on('data', chunk => {
      out += String(chunk);
      const m = /standin-model-hub: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`the stand-in model hub exited (${code}): ${out}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>(resolve => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
