/*
 * The stand-in network link of controlplane/standin-tcp-forwarder.mjs, typed for jest
 * suites: put it between the kubernetes backend and an apiserver (or a kubelet) and switch
 * it to forward, delay (a slow link) or blackhole (accepts, answers nothing).
 */
import path from 'node:path';

export type StandinLinkMode = 'forward' | 'delay' | 'blackhole';

export interface StandinTcpForwarder {
  port: number;
  /** `https://127.0.0.1:<port>`: the target's TLS passes through. */
  url: string;
  mode(): StandinLinkMode;
  setMode(mode: StandinLinkMode, options?: { delayMs?: number }): void;
  /** Connections open now. */
  connections(): number;
  /** Connections accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

const MODULE = path.resolve(
  __dirname,
  '../../../../controlplane/standin-tcp-forwarder.mjs',
);

export async function startStandinTcpForwarder(options: {
  target: { host?: string; port: number };
  mode?: StandinLinkMode;
  delayMs?: number;
}): Promise<StandinTcpForwarder> {
  const { startStandinTcpForwarder: start } = await import(MODULE);
  return start(options);
}
