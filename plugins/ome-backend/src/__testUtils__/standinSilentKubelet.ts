/*
 * A stand-in kubelet that is stuck: it completes TLS (with the cluster's own apiserver
 * certificate, as controlplane/standin-kubelet.mjs does; kube-apiserver does not verify a
 * kubelet's certificate here), reads each request, and never answers it. A TCP-level silence
 * (standinTcpForwarder's blackhole) is cut by the apiserver's TLS handshake timeout; this one
 * is not, so only the console's own timeout ends a log request to it.
 */
import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StandinSilentKubelet {
  port: number;
  /** Requests it received (and never answered). */
  requests(): number;
  close(): Promise<void>;
}

/** Starts it on 127.0.0.1 with `<clusterDir>/certs/apiserver.{crt,key}`. */
export async function startStandinSilentKubelet(
  clusterDir: string,
): Promise<StandinSilentKubelet> {
  let requests = 0;
  const server = https.createServer(
    {
      cert: fs.readFileSync(path.join(clusterDir, 'certs', 'apiserver.crt')),
      key: fs.readFileSync(path.join(clusterDir, 'certs', 'apiserver.key')),
    },
    () => {
      requests++;
    },
  );
  await new Promise<void>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
