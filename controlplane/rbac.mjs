// What each token user (users.mjs) may do: the RBAC objects, and the team namespaces they
// refer to, applied to every cluster right after its kube-apiserver is ready.
import { OME_KINDS } from './kube.mjs';

const OME_PLURALS = OME_KINDS.map(k => k.plural);

/** RBAC (and the namespaces it needs) applied to every cluster. */
export function rbacObjects() {
  const rbac = 'rbac.authorization.k8s.io/v1';
  const read = ['get', 'list', 'watch'];
  const edit = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
  const clusterRole = (name, rules) => ({ apiVersion: rbac, kind: 'ClusterRole', metadata: { name }, rules });
  const crb = (name, role, subjects) => ({
    apiVersion: rbac,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects,
  });
  const user = name => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name });
  const group = name => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name });
  const teamNs = ['team-a', 'team-b'];
  return [
    // labelled with their team, for policies that select namespaces (ome.io/team: team-a)
    ...teamNs.map(name => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'ome.io/team': name } } })),
    // The Backstage kubernetes backend's cluster credential: full ome.io, namespaces, read of
    // workload diagnostics, SubjectAccessReviews. Deliberately NO impersonate verb: the
    // kubernetes proxy passes Impersonate-* headers through from any caller.
    clusterRole('ome-console:backstage-kubernetes', [
      { apiGroups: ['ome.io'], resources: ['*'], verbs: ['*'] },
      { apiGroups: [''], resources: ['namespaces'], verbs: ['*'] },
      { apiGroups: [''], resources: ['pods', 'pods/log', 'events', 'configmaps', 'nodes'], verbs: read },
      { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: read },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    ]),
    crb('ome-console:backstage-kubernetes', 'ome-console:backstage-kubernetes', [user('backstage-kubernetes')]),
    // Only impersonation, for the OME backend's own defence-in-depth credential.
    clusterRole('ome-console:impersonator', [
      { apiGroups: [''], resources: ['users', 'groups', 'serviceaccounts'], verbs: ['impersonate'] },
    ]),
    crb('ome-console:impersonator', 'ome-console:impersonator', [user('ome-impersonator')]),
    // Only creating and deleting Secrets (HuggingFace tokens of imported models), for the OME
    // backend's own credential: the kubernetes plugin's credential gets no rights on Secrets
    // (everyone holding kubernetes.proxy could read them). deletecollection lets the console
    // delete a Secret only when it carries the console's label (a label selector), without get.
    clusterRole('ome-console:secret-writer', [
      { apiGroups: [''], resources: ['secrets'], verbs: ['create', 'delete', 'deletecollection'] },
    ]),
    crb('ome-console:secret-writer', 'ome-console:secret-writer', [user('ome-secret-writer')]),
    // OME's own namespace: the model-agent reads a ClusterBaseModel's hub-token Secret there.
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ome' } },
    // Ordinary users: everyone in team-a/team-b reads ome.io cluster-wide (and namespaces) ...
    clusterRole('ome-console:ome-viewer', [
      { apiGroups: ['ome.io'], resources: ['*'], verbs: read },
      { apiGroups: [''], resources: ['namespaces'], verbs: read },
    ]),
    crb('ome-console:ome-viewers', 'ome-console:ome-viewer', [group('team-a'), group('team-b')]),
    // ... and edits ome.io objects (not their status) in its own namespace only.
    clusterRole('ome-console:ome-editor', [{ apiGroups: ['ome.io'], resources: OME_PLURALS, verbs: edit }]),
    ...teamNs.map(ns => ({
      apiVersion: rbac,
      kind: 'RoleBinding',
      metadata: { name: 'ome-editors', namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ome-console:ome-editor' },
      subjects: [group(ns)],
    })),
  ];
}
