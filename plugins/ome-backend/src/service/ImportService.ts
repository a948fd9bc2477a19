import {
  KubernetesObject,
  OME_API_GROUP,
  OME_API_VERSION,
  OME_KINDS,
  OmeImportDocumentResult,
  OmeImportRequest,
  OmeImportResponse,
  OmeKind,
  parseYamlDocuments,
  yamlNestingProblem,
  validateNamespaceName,
  validateOmeObject,
} from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { OmeResourceWriter } from './OmeResourceWriter';
import { NotAllowedError } from '@backstage/errors';
import { badRequest, clusterFailureOf, detailsOf } from './errors';
import type { ImportRights } from './authorization';

/** Most documents one import may hold. */
const MAX_DOCUMENTS = 500;

type Plan =
  | {
      kind: 'Namespace';
      name: string;
      labels?: Record<string, string>;
      exists: boolean;
    }
  | { kind: OmeKind; namespace?: string; object: KubernetesObject };

function firstLine(message: string): string {
  // The yaml parser appends the offending source lines; they can hold secret values.
  return message.split('\n')[0].trim();
}

function describe(
  error: unknown,
): Pick<OmeImportDocumentResult, 'message' | 'fieldErrors'> {
  const fieldErrors = detailsOf(error)?.fieldErrors;
  return {
    message: (error as Error)?.message ?? String(error),
    ...(fieldErrors && { fieldErrors }),
  };
}

/**
 * Applies a multi-document YAML to one cluster: OME objects (created, or updated field by
 * field) and Namespaces. Every document is checked first (schemas, then a server-side dry
 * run); only when all pass is anything written, namespaces first, and a failure while
 * writing rolls back what this import did.
 */
export class ImportService {
  readonly #client: KubernetesProxyClient;
  readonly #writer: OmeResourceWriter;

  constructor(options: {
    client: KubernetesProxyClient;
    writer: OmeResourceWriter;
  }) {
    this.#client = options.client;
    this.#writer = options.writer;
  }

  async #namespaceExists(cluster: string, name: string): Promise<boolean> {
    try {
      await this.#client.request(
        cluster,
        `/api/v1/namespaces/${encodeURIComponent(name)}`,
      );
      return true;
    } catch (error) {
      if (clusterFailureOf(error)?.reason === 'not-found') return false;
      throw error;
    }
  }

  /**
   * @param request.field - where the YAML came from, named in errors (`body.yaml`, or the
   *   URL it was read from)
   */
  async import(
    request: Omit<OmeImportRequest, 'url'> & {
      yaml: string;
      dryRun: boolean;
      field?: string;
    },
    rights: ImportRights,
  ): Promise<OmeImportResponse> {
    const refuse = (what: string) => async () => {
      throw new NotAllowedError(`Not allowed to ${what}`);
    };
    const authorizeCreate = async (object: KubernetesObject) => {
      if (!rights.mayCreate(object))
        await refuse(`create ${object.kind} '${object.metadata.name}'`)();
    };
    const authorizeUpdate = async (
      before: KubernetesObject,
      after: KubernetesObject,
    ) => {
      if (!rights.mayUpdate(before, after))
        await refuse(`update ${before.kind} '${before.metadata.name}'`)();
    };
    const { cluster, namespace, yaml, dryRun } = request;
    const field = request.field ?? 'body.yaml';
    if (!yaml.trim())
      throw badRequest(`${field}: is required (one or more YAML documents)`);
    const namespaceProblem =
      namespace === undefined ? undefined : validateNamespaceName(namespace);
    if (namespaceProblem)
      throw badRequest(`body.namespace: ${namespaceProblem}`);

    const nesting = yamlNestingProblem(yaml);
    if (nesting) throw badRequest(`${field}: ${nesting}`);
    const documents = parseYamlDocuments(yaml);
    if (documents.length === 0)
      throw badRequest(`${field}: holds no documents`);
    if (documents.length > MAX_DOCUMENTS) {
      throw badRequest(
        `${field}: holds ${documents.length} documents; at most ${MAX_DOCUMENTS} per import`,
      );
    }
    const overLimit = documents.find(d => d.error?.limitExceeded);
    if (overLimit) {
      // Refused whole: such input is an attack on the parser, not a document to report on.
      throw badRequest(
        `${field}: document ${overLimit.index + 1}: ${firstLine(
          overLimit.error!.message,
        )}`,
      );
    }

    const results: OmeImportDocumentResult[] = [];
    const plans: Array<Plan | undefined> = [];
    const createdNamespaces = new Set<string>();
    for (const doc of documents) {
      const result: OmeImportDocumentResult = {
        index: doc.index,
        outcome: 'valid',
      };
      results.push(result);
      plans.push(undefined);
      if (doc.error) {
        Object.assign(result, {
          outcome: 'failed',
          message: `YAML: ${firstLine(doc.error.message)}${
            doc.error.line ? ` (line ${doc.error.line})` : ''
          }`,
        });
        continue;
      }
      const value = doc.value as Partial<KubernetesObject> | null;
      if (
        !value ||
        typeof value !== 'object' ||
        Array.isArray(value) ||
        typeof value.kind !== 'string'
      ) {
        Object.assign(result, {
          outcome: 'failed',
          message: 'not a Kubernetes object (no kind)',
        });
        continue;
      }
      const name =
        typeof value.metadata?.name === 'string'
          ? value.metadata.name
          : undefined;
      Object.assign(result, { kind: value.kind, ...(name && { name }) });
      if (value.kind === 'Secret' || value.kind === 'SecretList') {
        Object.assign(result, {
          outcome: 'refused',
          message:
            'Secrets are not imported (their data is neither read back nor shown): create them with your secret manager or kubectl',
        });
        continue;
      }
      if (value.kind === 'Namespace' && value.apiVersion === 'v1') {
        const problem = validateNamespaceName(name);
        if (problem) {
          Object.assign(result, {
            outcome: 'failed',
            message: `metadata.name: ${problem}`,
            fieldErrors: [{ path: 'metadata.name', message: problem }],
          });
          continue;
        }
        const exists = await this.#namespaceExists(cluster, name!);
        if (!exists && !rights.mayCreateNamespace) {
          Object.assign(result, {
            outcome: 'refused',
            message: `Not allowed to create namespace '${name}' (needs an unconditional create permission for OME resources)`,
          });
          continue;
        }
        if (!exists) createdNamespaces.add(name!);
        plans[plans.length - 1] = {
          kind: 'Namespace',
          name: name!,
          labels: value.metadata?.labels,
          exists,
        };
        continue;
      }
      const info = OME_KINDS.find(k => k.kind === value.kind);
      if (!info || value.apiVersion !== `${OME_API_GROUP}/${OME_API_VERSION}`) {
        Object.assign(result, {
          outcome: 'refused',
          message: `${value.apiVersion ?? '(no apiVersion)'} ${
            value.kind
          }: only OME kinds (${OME_API_GROUP}/${OME_API_VERSION}) and Namespaces are imported`,
        });
        continue;
      }
      const object = {
        ...value,
        metadata: {
          ...value.metadata,
          ...(info.namespaced &&
            !value.metadata?.namespace &&
            namespace && { namespace }),
        },
      } as KubernetesObject;
      if (info.namespaced) result.namespace = object.metadata.namespace;
      const fieldErrors = validateOmeObject(info.kind, object);
      if (info.namespaced && !object.metadata.namespace) {
        fieldErrors.push({
          path: 'metadata.namespace',
          message: 'is required (or give a default namespace)',
        });
      }
      if (fieldErrors.length) {
        Object.assign(result, {
          outcome: 'failed',
          message: fieldErrors.map(e => `${e.path} ${e.message}`).join('; '),
          fieldErrors,
        });
        continue;
      }
      const target = {
        cluster,
        kind: info.kind,
        namespace: object.metadata.namespace,
      };
      plans[plans.length - 1] = {
        kind: info.kind,
        namespace: target.namespace,
        object,
      };
      if (target.namespace && createdNamespaces.has(target.namespace)) {
        // Its namespace is created by this import: the cluster cannot dry-run it before that.
        continue;
      }
      try {
        const check = await this.#writer.upsert(target, object, {
          dryRun: true,
          authorizeCreate,
          authorizeUpdate,
        });
        if (check.warnings.length) result.warnings = check.warnings;
        if (check.outcome === 'unchanged') result.outcome = 'unchanged';
      } catch (error) {
        Object.assign(result, {
          outcome: error instanceof NotAllowedError ? 'refused' : 'failed',
          ...describe(error),
        });
      }
    }

    const allValid = results.every(
      r => r.outcome === 'valid' || r.outcome === 'unchanged',
    );
    if (!allValid || dryRun) {
      return { cluster, dryRun: !!dryRun, applied: allValid, results };
    }

    // Write: namespaces first, then the objects in document order.
    const order = plans
      .map((plan, i) => ({ plan, i }))
      .filter((p): p is { plan: Plan; i: number } => !!p.plan)
      .sort(
        (a, b) =>
          Number(b.plan.kind === 'Namespace') -
          Number(a.plan.kind === 'Namespace'),
      );
    const undo: Array<{ i: number; run: () => Promise<unknown> }> = [];
    for (const { plan, i } of order) {
      const result = results[i];
      try {
        if (plan.kind === 'Namespace') {
          if (plan.exists) {
            result.outcome = 'unchanged';
            continue;
          }
          await this.#client.request(cluster, '/api/v1/namespaces', {
            method: 'POST',
            body: {
              apiVersion: 'v1',
              kind: 'Namespace',
              metadata: {
                name: plan.name,
                ...(plan.labels && { labels: plan.labels }),
              },
            },
          });
          result.outcome = 'created';
          undo.push({
            i,
            run: () =>
              this.#client.request(
                cluster,
                `/api/v1/namespaces/${encodeURIComponent(plan.name)}`,
                { method: 'DELETE' },
              ),
          });
          continue;
        }
        const target = { cluster, kind: plan.kind, namespace: plan.namespace };
        const name = plan.object.metadata.name;
        const written = await this.#writer.upsert(target, plan.object, {
          dryRun: false,
          authorizeCreate,
          authorizeUpdate,
        });
        result.outcome = written.outcome;
        if (written.warnings.length) result.warnings = written.warnings;
        // Undone only while the object is as this import wrote it: someone else's change stays.
        const ours = written.written;
        const ref = { ...target, name };
        if (written.outcome === 'created' && ours) {
          undo.push({ i, run: () => this.#writer.undoCreate(ref, ours) });
        } else if (written.outcome === 'updated' && written.before && ours) {
          const before = written.before;
          undo.push({
            i,
            run: () => this.#writer.restore(ref, before, ours),
          });
        }
      } catch (error) {
        Object.assign(result, { outcome: 'failed', ...describe(error) });
        for (const step of undo.reverse()) {
          try {
            await step.run();
            results[step.i].outcome = 'rolled-back';
            results[
              step.i
            ].message = `rolled back because document ${result.index} failed`;
          } catch (undoError) {
            results[step.i].message = `could not be rolled back: ${
              describe(undoError).message
            }`;
          }
        }
        for (const r of results) {
          if (r.outcome === 'valid') {
            r.message = `not applied because document ${result.index} failed`;
          }
        }
        return { cluster, dryRun: false, applied: false, results };
      }
    }
    return { cluster, dryRun: false, applied: true, results };
  }
}
