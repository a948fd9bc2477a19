// ValidatingAdmissionPolicies of the local clusters: OME rules the API server itself enforces
// (CEL, no webhook server), so a console meets real admission denials and warnings.
//
//   ome-console-replica-bounds        Deny: engine/decoder/router minReplicas <= maxReplicas
//   ome-console-plaintext-hf-token    Warn: (Cluster)BaseModel with spec.storage.parameters.token
//   ome-console-deprecated-predictor  Warn: InferenceService with spec.predictor
//
// A denial is the API server's default for a validation without `reason`: HTTP 422, Status
// reason "Invalid" (not 403), message `<resource> "<name>" is forbidden: ValidatingAdmissionPolicy
// '<policy>' with binding '<binding>' denied request: <message>`. RBAC's denial is 403 Forbidden,
// `... is forbidden: User "alice" cannot create resource ...`; the CRD schema's 422 Invalid says
// `... is invalid: ...`. A warning is a `Warning: 299 - "Validation failed for
// ValidatingAdmissionPolicy '<policy>' with binding '<binding>': <message>"` response header.
import { sleep } from './kube.mjs';

const ADMISSION = 'admissionregistration.k8s.io/v1';
export const POLICY_PATH = '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies';
export const BINDING_PATH = '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings';

export const REPLICA_POLICY = 'ome-console-replica-bounds';
export const TOKEN_POLICY = 'ome-console-plaintext-hf-token';
export const PREDICTOR_POLICY = 'ome-console-deprecated-predictor';

const COMPONENTS = ['engine', 'decoder', 'router'];

const rules = resources => ({
  resourceRules: [{ apiGroups: ['ome.io'], apiVersions: ['*'], operations: ['CREATE', 'UPDATE'], resources }],
});

/** One component's rule: both bounds set => min <= max. Message names the component and values. */
function replicaValidation(c) {
  const f = `object.spec.${c}`;
  return {
    expression:
      `!has(object.spec) || !has(${f}) || !has(${f}.minReplicas) || !has(${f}.maxReplicas) || ` +
      `${f}.minReplicas <= ${f}.maxReplicas`,
    message: `spec.${c}.minReplicas must not exceed spec.${c}.maxReplicas`,
    messageExpression:
      `'spec.${c}.minReplicas (' + string(${f}.minReplicas) + ') must not exceed spec.${c}.maxReplicas (' + ` +
      `string(${f}.maxReplicas) + ')'`,
  };
}

const binding = (policy, validationActions) => ({
  apiVersion: ADMISSION,
  kind: 'ValidatingAdmissionPolicyBinding',
  metadata: { name: policy, labels: { 'ome-console.dev/controlplane': 'true' } },
  spec: { policyName: policy, validationActions },
});

/** The policies and their bindings (policy and binding share a name). */
export function admissionObjects() {
  const policy = (name, spec) => ({
    apiVersion: ADMISSION,
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name, labels: { 'ome-console.dev/controlplane': 'true' } },
    spec: { failurePolicy: 'Fail', ...spec },
  });
  return [
    // No `reason`: the denial is the default 403 Forbidden (like RBAC's), told apart by the message.
    policy(REPLICA_POLICY, {
      matchConstraints: rules(['inferenceservices']),
      validations: COMPONENTS.map(replicaValidation),
    }),
    binding(REPLICA_POLICY, ['Deny']),
    policy(TOKEN_POLICY, {
      matchConstraints: rules(['basemodels', 'clusterbasemodels']),
      validations: [
        {
          expression:
            "!has(object.spec) || !has(object.spec.storage) || !has(object.spec.storage.parameters) || " +
            "!('token' in object.spec.storage.parameters)",
          message:
            'spec.storage.parameters.token holds a plaintext Hugging Face token: ' +
            'use spec.storage.key naming a Secret instead',
        },
      ],
    }),
    binding(TOKEN_POLICY, ['Warn']),
    policy(PREDICTOR_POLICY, {
      matchConstraints: rules(['inferenceservices']),
      validations: [
        {
          expression: '!has(object.spec) || !has(object.spec.predictor)',
          message: 'spec.predictor is deprecated: use spec.engine (and spec.model, spec.runtime) instead',
        },
      ],
    }),
    binding(PREDICTOR_POLICY, ['Warn']),
  ];
}

/**
 * Creates the policies and bindings on one cluster (after the OME CRDs are Established) and waits
 * until the API server enforces them: dry-run probes must be denied / warned. Returns
 * { ms, typeWarnings } (type-checking warnings the server found in the expressions; none expected).
 * @param {ReturnType<import('./kube.mjs').kubeClient>} api  an ome-admin client
 */
export async function applyAdmissionPolicies(api, { timeoutMs = 60_000, probeNamespace = 'default' } = {}) {
  const t0 = performance.now();
  for (const obj of admissionObjects()) {
    await api.create(obj.kind === 'ValidatingAdmissionPolicy' ? POLICY_PATH : BINDING_PATH, obj);
  }
  const isvcProbe = {
    apiVersion: 'ome.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name: 'admission-probe', namespace: probeNamespace },
    spec: { model: { name: 'probe' }, engine: { minReplicas: 2, maxReplicas: 1 }, predictor: {} },
  };
  const modelProbe = {
    apiVersion: 'ome.io/v1beta1',
    kind: 'BaseModel',
    metadata: { name: 'admission-probe', namespace: probeNamespace },
    spec: {
      modelFormat: { name: 'safetensors' },
      storage: { storageUri: 'hf://probe/probe', parameters: { token: 'probe' } },
    },
  };
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    // the policies become active once the API server's policy informer has them (~1 s)
    const isvc = await api.request(
      'POST',
      `/apis/ome.io/v1beta1/namespaces/${probeNamespace}/inferenceservices?dryRun=All`,
      { ...isvcProbe, spec: { ...isvcProbe.spec, predictor: undefined } },
    );
    const pred = await api.request(
      'POST',
      `/apis/ome.io/v1beta1/namespaces/${probeNamespace}/inferenceservices?dryRun=All`,
      { ...isvcProbe, spec: { ...isvcProbe.spec, engine: { minReplicas: 1, maxReplicas: 1 } } },
    );
    const model = await api.request('POST', `/apis/ome.io/v1beta1/namespaces/${probeNamespace}/basemodels?dryRun=All`, modelProbe);
    const denied = isvc.status === 422 && String(isvc.body?.message).includes(REPLICA_POLICY);
    const predWarned = pred.status === 201 && String(pred.headers.warning || '').includes('spec.predictor');
    const tokenWarned = model.status === 201 && String(model.headers.warning || '').includes('parameters.token');
    if (denied && predWarned && tokenWarned) break;
    last = `replica probe ${isvc.status} ${isvc.body?.message ?? ''}; predictor probe ${pred.status} ` +
      `warning=${pred.headers.warning ?? '-'}; token probe ${model.status} warning=${model.headers.warning ?? '-'}`;
    if (Date.now() > deadline) throw new Error(`admission policies not enforced after ${timeoutMs} ms: ${last}`);
    await sleep(250);
  }
  const typeWarnings = [];
  for (const obj of admissionObjects().filter(o => o.kind === 'ValidatingAdmissionPolicy')) {
    const p = await api.get(`${POLICY_PATH}/${obj.metadata.name}`);
    for (const w of p.status?.typeChecking?.expressionWarnings || []) {
      typeWarnings.push(`${obj.metadata.name} ${w.fieldRef}: ${w.warning}`);
    }
  }
  return { ms: performance.now() - t0, typeWarnings };
}
