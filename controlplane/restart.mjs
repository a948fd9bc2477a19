// Restart in place: stop and start one cluster's kube-apiserver or etcd again keeping its
// ports, serving certificate (so its CA), tokens and data, so that clients (the kubernetes
// plugin, watches) reconnect to the same URL with the same credentials. For fault tests:
// "the apiserver went away", "etcd went away", and back.
import { startApiserver } from './apiserver.mjs';
import { startEtcd } from './etcd.mjs';

/**
 * The restart controls of one started cluster.
 * @param {object} opts  what startCluster started the cluster with, and its processes
 * @param {object} opts.info  the cluster's description (its `pids` are kept current)
 */
export function clusterControl({ info, dir, dataDir, tokenFile, serviceAccountKey, bins, processes, etcd, apiserver }) {
  const { name } = info;
  let etcdProc = etcd.proc;
  let apiserverProc = apiserver.proc;
  const etcdPorts = { clientPort: etcd.clientPort, peerPort: etcd.peerPort };
  const securePort = apiserver.securePort;
  // one action at a time per cluster
  let queue = Promise.resolve();
  const serial = fn => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };

  const control = {
    /** Whether each part runs now. */
    state: () => ({ apiserver: !apiserverProc.exited, etcd: !etcdProc.exited }),
    stopApiserver: () =>
      serial(async () => {
        await processes.stopOne(apiserverProc);
      }),
    startApiserver: () =>
      serial(async () => {
        if (!apiserverProc.exited) return;
        const started = await startApiserver({
          name,
          dir,
          etcdUrl: info.etcdUrl,
          tokenFile,
          serviceAccountKey,
          adminToken: info.tokens['ome-admin'],
          binary: bins.kubeApiserver,
          processes,
          restart: { securePort },
        });
        if (started.url !== info.url) throw new Error(`${name}: kube-apiserver came back at ${started.url}, not ${info.url}`);
        apiserverProc = started.proc;
        info.pids.apiserver = apiserverProc.pid;
      }),
    stopEtcd: () =>
      serial(async () => {
        await processes.stopOne(etcdProc);
      }),
    startEtcd: () =>
      serial(async () => {
        if (!etcdProc.exited) return;
        const started = await startEtcd({ name, dir, dataDir, binary: bins.etcd, processes, restart: etcdPorts });
        etcdProc = started.proc;
        info.pids.etcd = etcdProc.pid;
      }),
    async restartApiserver() {
      await control.stopApiserver();
      await control.startApiserver();
    },
    async restartEtcd() {
      await control.stopEtcd();
      await control.startEtcd();
    },
  };
  return control;
}
