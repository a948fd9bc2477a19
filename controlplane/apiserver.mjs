// One cluster's kube-apiserver: token users, RBAC authorization, its own self-signed serving
// certificate, on a free loopback port.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { kubeClient } from './kube.mjs';
import { freePorts, tailFile, waitFor } from './processes.mjs';

/** Writes a fresh RSA key for signing and verifying service account tokens. */
export function writeServiceAccountKey(file) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
}

/** The self-signed serving cert file holds the leaf then its CA; the CA is what clients trust. */
function readServingCa(certFile) {
  const pem = fs.readFileSync(certFile, 'utf8');
  const certs = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) || [];
  if (!certs.length) return undefined;
  return certs[certs.length - 1].trimEnd() + '\n';
}

/**
 * Starts kube-apiserver for cluster `name` against `etcdUrl` and waits for /readyz (as
 * `adminToken`). Retries on another port when the reserved one was taken in the meantime.
 * Extra flags for experiments: OME_CP_APISERVER_ARGS="--v=2 --profiling=true".
 * With `restart: { securePort }`: starts it again on that port with the certificate it had.
 *
 * @returns {Promise<{ proc: object, url: string, ca: string, securePort: number }>}  ca: the serving CA (PEM)
 */
export async function startApiserver({ name, dir, etcdUrl, tokenFile, serviceAccountKey, adminToken, binary, processes, restart }) {
  const certDir = path.join(dir, 'certs');
  const certFile = path.join(certDir, 'apiserver.crt');
  for (let attempt = 1; ; attempt++) {
    // A restart in place keeps its port and its serving certificate (kube-apiserver reuses
    // the key pair it finds in --cert-dir), so clients keep their URL and trusted CA.
    if (!restart) {
      fs.rmSync(certDir, { recursive: true, force: true });
      fs.mkdirSync(certDir, { recursive: true });
    }
    const [securePort] = restart ? [restart.securePort] : await freePorts(1);
    const url = `https://127.0.0.1:${securePort}`;
    const proc = processes.spawn(
      binary,
      [
        '--advertise-address=127.0.0.1',
        '--bind-address=127.0.0.1',
        `--secure-port=${securePort}`,
        `--etcd-servers=${etcdUrl}`,
        '--authorization-mode=RBAC',
        `--token-auth-file=${tokenFile}`,
        '--service-account-issuer=https://kubernetes.default.svc',
        `--service-account-key-file=${serviceAccountKey}`,
        `--service-account-signing-key-file=${serviceAccountKey}`,
        `--cert-dir=${certDir}`,
        '--service-cluster-ip-range=10.96.0.0/16',
        '--endpoint-reconciler-type=none', // no nodes or controllers: nothing to reconcile
        '--profiling=false',
        '--v=0',
        ...(process.env.OME_CP_APISERVER_ARGS || '').split(/\s+/).filter(Boolean),
      ],
      path.join(dir, 'kube-apiserver.log'),
    );
    let ca;
    let api;
    try {
      await waitFor(`kube-apiserver of ${name}`, proc, 240_000, async () => {
        if (!ca) {
          if (!fs.existsSync(certFile)) return false;
          ca = readServingCa(certFile);
          if (!ca) return false;
          api = kubeClient({ url, ca, token: adminToken, timeoutMs: 10_000 });
        }
        const r = await api.request('GET', '/readyz');
        return r.status === 200;
      });
      return { proc, url, ca, securePort };
    } catch (err) {
      if (!restart && attempt < 3 && /address already in use/.test(tailFile(proc.logFile, 50))) continue; // port race
      throw err;
    } finally {
      api?.close();
    }
  }
}
