/*
 * A watch straight on a cluster's apiserver (as ome-admin, bypassing Backstage): what the
 * tests use to see which writes really reached the cluster, e.g. that a no-op write wrote
 * nothing.
 */
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import type { ClientRequest } from 'node:http';
import { KubeRequestCluster } from './kubeRequest';

/** One event of a Kubernetes watch. */
export interface KubeWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubernetesObject;
}

export interface KubeWatch {
  /** Every event received so far, in order. */
  events: KubeWatchEvent[];
  /** Waits until an event matching `predicate` has arrived; returns it. Throws if the watch ends first. */
  next(predicate: (event: KubeWatchEvent) => boolean): Promise<KubeWatchEvent>;
  /** Ends the watch. */
  close(): void;
}

/**
 * Watches the collection at `path` (e.g. `/apis/ome.io/v1beta1/clusterservingruntimes`) from
 * `resourceVersion` on, optionally for one object (`name`, a field selector); resolves once
 * the apiserver has answered 200.
 */
export async function kubeWatch(
  cluster: KubeRequestCluster,
  path: string,
  options: { resourceVersion: string; name?: string },
): Promise<KubeWatch> {
  const https = await import('node:https');
  const url = new URL(path, cluster.url);
  url.searchParams.set('watch', '1');
  url.searchParams.set('resourceVersion', options.resourceVersion);
  // the watch outlives no test: the apiserver ends it after this
  url.searchParams.set('timeoutSeconds', '300');
  if (options.name) {
    url.searchParams.set('fieldSelector', `metadata.name=${options.name}`);
  }
  const events: KubeWatchEvent[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
    waiters.clear();
  };
  let ended = false;
  let closing = false;
  let failure: Error | undefined;
  let req: ClientRequest | undefined;
  await new Promise<void>((resolve, reject) => {
    req = https.get(
      url,
      {
        ca: cluster.caData ? Buffer.from(cluster.caData, 'base64') : undefined,
        headers: {
          Authorization: `Bearer ${cluster.tokens['ome-admin']}`,
          Accept: 'application/json',
        },
      },
      res => {
        if (res.statusCode !== 200) {
          reject(new Error(`watch ${path}: HTTP ${res.statusCode}`));
          res.resume();
          return;
        }
        resolve();
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) {
            if (line.trim()) events.push(JSON.parse(line));
          }
          wake();
        });
        const end = (error?: Error) => {
          if (error && !closing) failure = error;
          ended = true;
          wake();
        };
        res.on('end', () => end());
        res.on('error', end);
        res.on('close', () => end());
      },
    );
    req.on('error', error => {
      if (!closing) failure = error;
      ended = true;
      wake();
      reject(error);
    });
  });
  return {
    events,
    async next(predicate) {
      // bounded by the watch: each pass waits for new data or the end
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (ended) {
          throw (
            failure ?? new Error(`watch ${path} ended before the awaited event`)
          );
        }
        await new Promise<void>(r => waiters.add(r));
      }
    },
    close() {
      closing = true;
      req?.destroy();
    },
  };
}
