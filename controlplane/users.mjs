// Who may talk to each cluster: static token users (kube-apiserver's --token-auth-file), with
// fresh random tokens per start and per cluster (a cluster-A token gets 401 on cluster B).
import crypto from 'node:crypto';
import fs from 'node:fs';

/** Token users created on every cluster. */
export const USERS = [
  { name: 'ome-admin', groups: ['system:masters'] },
  { name: 'backstage-kubernetes', groups: ['ome-console:backstage'] },
  { name: 'ome-impersonator', groups: ['ome-console:impersonators'] },
  // The OME backend's own credential for the hub-token Secrets of HuggingFace imports.
  { name: 'ome-secret-writer', groups: ['ome-console:secret-writers'] },
  { name: 'alice', groups: ['team-a'] },
  { name: 'bob', groups: ['team-b'] },
];

function csvField(s) {
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Makes a random token per user and writes them as kube-apiserver's token file (mode 0600).
 * @returns {Record<string, string>} user name -> token
 */
export function writeTokenFile(file) {
  const tokens = Object.fromEntries(USERS.map(u => [u.name, crypto.randomBytes(24).toString('hex')]));
  fs.writeFileSync(
    file,
    USERS.map(u => [tokens[u.name], u.name, `uid-${u.name}`, csvField(u.groups.join(','))].join(',')).join('\n') + '\n',
    { mode: 0o600 },
  );
  return tokens;
}

/** The users' groups as controlplane.json lists them (`clusters[].users`). */
export function userGroups() {
  return Object.fromEntries(USERS.map(u => [u.name, { groups: u.groups }]));
}
