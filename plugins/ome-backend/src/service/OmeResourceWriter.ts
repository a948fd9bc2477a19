import {
  KubernetesObject,
  OME_API_GROUP,
  OME_API_VERSION,
  OME_REDACTED_VALUE,
  OmeFieldError,
  OmeKind,
  OmeObjectRef,
  OmePatchOperation,
  OmeWriteResult,
  applyPatch,
  diffObjects,
  omeKindInfo,
  omeResourcePath,
  validateOmeObject,
} from '@ome-console/plugin-ome-common';
import { isDeepStrictEqual } from 'node:util';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { ConflictError, InputError } from '@backstage/errors';
import { clusterFailureOf, unprocessable, withDetails } from './errors';
import { redactPatch, sanitizeObject } from './sanitize';
import { OmeResourceService } from './OmeResourceService';
import { OmeResourceCache } from './cache/OmeResourceCache';

export interface WriteOptions {
  /** Validate with the cluster (`dryRun=All`) and answer the would-be result; write nothing. */
  dryRun?: boolean;
}

/** Metadata the apiserver owns: a client's value there is never a change to write. */
const SERVER_OWNED_METADATA = new Set([
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
]);

/** Whether a patch operation touches something a write of the main resource cannot change. */
function isWritable(op: OmePatchOperation): boolean {
  const [, top, field] = op.path.split('/');
  if (top === 'status' || top === 'apiVersion' || top === 'kind') return false;
  if (top === 'metadata') {
    if (field === undefined) return false;
    if (SERVER_OWNED_METADATA.has(field)) return false;
    if (field === 'name' || field === 'namespace') return false;
  }
  return true;
}

/** Paths of redaction placeholders in an object (a client must not store them). */
function placeholderPaths(value: unknown, path: string[] = []): string[] {
  if (value === OME_REDACTED_VALUE) return [path.join('.')];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as object).flatMap(([k, v]) =>
    placeholderPaths(v, [...path, k]),
  );
}

function dryRunQuery(dryRun: boolean): string {
  return dryRun ? '?dryRun=All' : '';
}

/** Throws 422 with the field errors of ome-common's schemas, if any. */
function assertValid(
  kind: OmeKind,
  object: unknown,
  expect: { name?: string; namespace?: string },
) {
  const fieldErrors: OmeFieldError[] = validateOmeObject(kind, object, {
    expectName: expect.name,
    expectNamespace: expect.namespace,
  });
  if (fieldErrors.length) {
    throw unprocessable(
      `Invalid ${kind}: ${fieldErrors
        .slice(0, 3)
        .map(e => `${e.path || '(object)'} ${e.message}`)
        .join('; ')}${
        fieldErrors.length > 3 ? ` (and ${fieldErrors.length - 3} more)` : ''
      }`,
      { rejectedBy: 'schema', fieldErrors },
    );
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Creates, updates, deletes and clones OME objects. An update applies only what the client
 * changed to the object as it is stored (never a schema-parsed copy), writes it with the
 * resourceVersion the client read, and writes nothing when nothing changed.
 */
export class OmeResourceWriter {
  readonly #client: KubernetesProxyClient;
  readonly #reader: OmeResourceService;
  readonly #cache?: OmeResourceCache;
  /** The unredacted object the cluster answered to each write (for an import's rollback). */
  readonly #answers = new WeakMap<OmeWriteResult, KubernetesObject>();

  constructor(options: {
    client: KubernetesProxyClient;
    /** The one reader of single objects. */
    reader: OmeResourceService;
    /** Told of every write, so that a read right after it sees it (read-your-writes). */
    cache?: OmeResourceCache;
  }) {
    this.#client = options.client;
    this.#reader = options.reader;
    this.#cache = options.cache;
  }

  /** Read-your-writes: returns once the cache holds the write's answer (see OmeResourceCache.written). */
  async #written(
    cluster: string,
    kind: OmeKind,
    answer: unknown,
    deleted = false,
  ): Promise<void> {
    const object = answer as KubernetesObject | undefined;
    if (!this.#cache || !object?.metadata?.name) return;
    // A delete answers with the object; one held by finalizers is still there (updated).
    const gone =
      deleted &&
      !(
        object.metadata.deletionTimestamp &&
        Array.isArray(object.metadata.finalizers) &&
        object.metadata.finalizers.length
      );
    await this.#cache.written(cluster, kind, object, { deleted: gone });
  }

  /** The object as stored (unredacted), or a 404. */
  getStored(target: OmeObjectRef): Promise<KubernetesObject> {
    return this.#reader.getStored(target);
  }

  /** A 409 carrying the object as it is now. */
  async #conflict(
    target: OmeObjectRef,
    message: string,
  ): Promise<ConflictError> {
    const live = await this.getStored(target).catch(() => undefined);
    return withDetails(new ConflictError(message), {
      details: {
        cluster: target.cluster,
        ...(live && { live: sanitizeObject(target.kind, live) }),
      },
    });
  }

  async create(
    target: { cluster: string; kind: OmeKind; namespace?: string },
    input: unknown,
    options: WriteOptions & {
      authorize?: (object: KubernetesObject) => Promise<void>;
    } = {},
  ): Promise<OmeWriteResult> {
    const { kind, namespace } = target;
    const info = omeKindInfo(kind);
    if (!isPlainObject(input))
      throw new InputError('body: must be a JSON object');
    const metadata = isPlainObject(input.metadata) ? input.metadata : {};
    // The path names the namespace; an object may omit it.
    const object = {
      ...input,
      metadata: {
        ...metadata,
        ...(info.namespaced &&
          metadata.namespace === undefined && { namespace }),
      },
    } as KubernetesObject;
    assertValid(kind, object, {
      namespace: info.namespaced ? namespace : undefined,
    });
    for (const field of ['resourceVersion', 'uid']) {
      if (object.metadata[field] !== undefined) {
        throw unprocessable(
          `metadata.${field}: must not be set on a new object`,
          {
            rejectedBy: 'schema',
            fieldErrors: [
              {
                path: `metadata.${field}`,
                message: 'must not be set on a new object',
              },
            ],
          },
        );
      }
    }
    const placeholders = placeholderPaths(object);
    if (placeholders.length) {
      throw unprocessable(
        `${placeholders.join(
          ', ',
        )}: holds the redaction placeholder ${OME_REDACTED_VALUE}; give the value or remove the field`,
        {
          rejectedBy: 'schema',
          fieldErrors: placeholders.map(path => ({
            path,
            message: `holds the redaction placeholder ${OME_REDACTED_VALUE}`,
          })),
        },
      );
    }
    await options.authorize?.(object);
    return this.#createStored(target, object, !!options.dryRun);
  }

  async #createStored(
    target: { cluster: string; kind: OmeKind; namespace?: string },
    object: KubernetesObject,
    dryRun: boolean,
  ): Promise<OmeWriteResult> {
    const { cluster, kind } = target;
    const { body, warnings } = await this.#client.exchange<KubernetesObject>(
      cluster,
      `${omeResourcePath(kind, {
        namespace: object.metadata.namespace,
      })}${dryRunQuery(dryRun)}`,
      { method: 'POST', body: object },
    );
    if (!dryRun) await this.#written(cluster, kind, body);
    const result = sanitizeObject(kind, body);
    const answer: OmeWriteResult = {
      cluster,
      object: result,
      changed: true,
      dryRun,
      patch: [{ op: 'add', path: '', value: result }],
      warnings,
    };
    this.#answers.set(answer, body);
    return answer;
  }

  /**
   * Applies the difference between the object as the client read it (its resourceVersion)
   * and as the client sent it to the object as stored.
   */
  async update(
    target: OmeObjectRef,
    input: unknown,
    options: WriteOptions & {
      /** Decides on the object as stored and as it will be; throws to refuse. */
      authorize?: (
        before: KubernetesObject,
        after: KubernetesObject,
      ) => Promise<void>;
    } = {},
  ): Promise<OmeWriteResult> {
    const { cluster, kind } = target;
    const dryRun = !!options.dryRun;
    if (!isPlainObject(input))
      throw new InputError('body: must be a JSON object');
    assertValid(kind, input, {
      name: target.name,
      namespace: target.namespace,
    });
    const edited = input as unknown as KubernetesObject;
    const readVersion = edited.metadata.resourceVersion;
    if (typeof readVersion !== 'string' || !readVersion) {
      throw unprocessable(
        'metadata.resourceVersion: is required (the version the edit started from)',
        {
          rejectedBy: 'schema',
          fieldErrors: [
            {
              path: 'metadata.resourceVersion',
              message: 'is required (the version the edit started from)',
            },
          ],
        },
      );
    }
    const stored = await this.getStored(target);
    if (stored.metadata.resourceVersion !== readVersion) {
      // Decided first, so that a 409 (which carries the live object) only reaches callers
      // who may update it.
      await options.authorize?.(stored, stored);
      throw await this.#conflict(
        target,
        `${kind} '${target.name}' on cluster '${cluster}' was changed by someone else (your edit started from resourceVersion ${readVersion}, it is now ${stored.metadata.resourceVersion}); reload and apply your change again`,
      );
    }
    const shown = sanitizeObject(kind, stored);
    const patch = diffObjects(shown, edited).filter(isWritable);
    const next = patch.length ? applyPatch(stored, patch) : stored;
    await options.authorize?.(stored, next);
    if (patch.length === 0) {
      return {
        cluster,
        object: shown,
        changed: false,
        dryRun,
        patch: [],
        warnings: [],
      };
    }
    let answer: { body: KubernetesObject; warnings: string[] };
    try {
      answer = await this.#client.exchange<KubernetesObject>(
        cluster,
        `${omeResourcePath(kind, {
          namespace: target.namespace,
          name: target.name,
        })}${dryRunQuery(dryRun)}`,
        { method: 'PUT', body: next },
      );
      if (!dryRun) await this.#written(cluster, kind, answer.body);
    } catch (error) {
      if (error instanceof ConflictError) {
        throw await this.#conflict(
          target,
          `${kind} '${target.name}' on cluster '${cluster}' was changed by someone else while saving; reload and apply your change again`,
        );
      }
      throw error;
    }
    const result: OmeWriteResult = {
      cluster,
      object: sanitizeObject(kind, answer.body),
      changed: true,
      dryRun,
      patch: redactPatch(kind, patch),
      warnings: answer.warnings,
    };
    this.#answers.set(result, answer.body);
    return result;
  }

  async delete(
    target: OmeObjectRef,
    options: WriteOptions & {
      resourceVersion?: string;
      authorize?: (stored: KubernetesObject) => Promise<void>;
    } = {},
  ): Promise<OmeWriteResult> {
    const { cluster, kind } = target;
    const dryRun = !!options.dryRun;
    const stored = await this.getStored(target);
    await options.authorize?.(stored);
    if (
      options.resourceVersion &&
      stored.metadata.resourceVersion !== options.resourceVersion
    ) {
      throw await this.#conflict(
        target,
        `${kind} '${target.name}' on cluster '${cluster}' changed since resourceVersion ${options.resourceVersion}; not deleted`,
      );
    }
    const deleteOptions = {
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      propagationPolicy: 'Background',
      preconditions: {
        uid: stored.metadata.uid,
        ...(options.resourceVersion && {
          resourceVersion: options.resourceVersion,
        }),
      },
      ...(dryRun && { dryRun: ['All'] }),
    };
    let warnings: string[];
    let answer: unknown;
    try {
      ({ body: answer, warnings } = await this.#client.exchange(
        cluster,
        `${omeResourcePath(kind, {
          namespace: target.namespace,
          name: target.name,
        })}${dryRunQuery(dryRun)}`,
        { method: 'DELETE', body: deleteOptions },
      ));
    } catch (error) {
      if (error instanceof ConflictError) {
        throw await this.#conflict(
          target,
          `${kind} '${target.name}' on cluster '${cluster}' changed; not deleted`,
        );
      }
      throw error;
    }
    if (!dryRun) {
      const deletedObject =
        (answer as KubernetesObject | undefined)?.metadata?.name !== undefined
          ? answer
          : stored; // a Status answer: the object is gone
      await this.#written(cluster, kind, deletedObject, true);
    }
    const shown = sanitizeObject(kind, stored);
    return {
      cluster,
      object: shown,
      changed: true,
      dryRun,
      patch: [{ op: 'remove', path: '', oldValue: shown }],
      warnings,
    };
  }

  /** The stored object under a new name (and optionally cluster/namespace), as a new object. */
  async cloneObject(
    source: OmeObjectRef,
    request: { name: string; cluster?: string; namespace?: string },
  ): Promise<{
    target: { cluster: string; kind: OmeKind; namespace?: string };
    object: KubernetesObject;
    stored: KubernetesObject;
  }> {
    const { kind } = source;
    const info = omeKindInfo(kind);
    const stored = await this.getStored(source);
    const cluster = request.cluster ?? source.cluster;
    const namespace = info.namespaced
      ? request.namespace ?? source.namespace
      : undefined;
    const { annotations, labels } = stored.metadata;
    const keptAnnotations = Object.fromEntries(
      Object.entries(annotations ?? {}).filter(
        ([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration',
      ),
    );
    const { status: _status, metadata: _metadata, ...rest } = stored;
    const object: KubernetesObject = {
      ...rest,
      apiVersion: stored.apiVersion ?? `${OME_API_GROUP}/${OME_API_VERSION}`,
      kind,
      metadata: {
        name: request.name,
        ...(namespace && { namespace }),
        ...(labels && { labels }),
        ...(Object.keys(keptAnnotations).length && {
          annotations: keptAnnotations,
        }),
      },
    };
    return { target: { cluster, kind, namespace }, object, stored };
  }

  async clone(
    source: OmeObjectRef,
    request: { name: string; cluster?: string; namespace?: string },
    options: WriteOptions & {
      /** Decides on reading the source and creating the copy; throws to refuse. */
      authorize?: (
        source: KubernetesObject,
        copy: KubernetesObject,
        copyCluster: string,
      ) => Promise<void>;
    } = {},
  ): Promise<OmeWriteResult> {
    const { target, object, stored } = await this.cloneObject(source, request);
    assertValid(source.kind, object, { namespace: target.namespace });
    await options.authorize?.(stored, object, target.cluster);
    return this.#createStored(target, object, !!options.dryRun);
  }

  /**
   * The object as stored now, if it still is what our write `ours` left (status and the
   * metadata the apiserver owns aside: a controller's status update is no change of
   * anyone's); otherwise a 409 saying someone else changed it and what is `not` done.
   */
  async #unchangedSince(
    target: OmeObjectRef,
    ours: KubernetesObject,
    notDone: string,
  ): Promise<KubernetesObject> {
    const now = await this.getStored(target);
    if (
      now.metadata.uid !== ours.metadata.uid ||
      !isDeepStrictEqual(writtenContent(now), writtenContent(ours))
    ) {
      throw new ConflictError(
        `${target.kind} '${target.name}' on cluster '${target.cluster}' was changed by someone else since this import wrote it; ${notDone}`,
      );
    }
    return now;
  }

  /**
   * Deletes an object an import created (`ours`: the cluster's answer to that create),
   * unless someone else changed it since (409).
   */
  async undoCreate(target: OmeObjectRef, ours: KubernetesObject) {
    const now = await this.#unchangedSince(target, ours, 'not deleted');
    return this.delete(target, {
      resourceVersion: now.metadata.resourceVersion,
    });
  }

  /**
   * Puts `before` (the object as stored before an import's update, unredacted) back, unless
   * someone else changed it since that update (`ours`: the cluster's answer to it): their
   * change is kept and this answers 409. Restoring the redacted copy instead would leave a
   * token the import changed changed.
   */
  async restore(
    target: OmeObjectRef,
    before: KubernetesObject,
    ours: KubernetesObject,
  ): Promise<void> {
    const { cluster, kind, name } = target;
    const notDone = 'not restored';
    const now = await this.#unchangedSince(target, ours, notDone);
    const { managedFields: _managedFields, ...metadata } = before.metadata;
    try {
      const { body } = await this.#client.exchange<KubernetesObject>(
        cluster,
        omeResourcePath(kind, { namespace: target.namespace, name }),
        {
          method: 'PUT',
          body: {
            ...before,
            metadata: {
              ...metadata,
              resourceVersion: now.metadata.resourceVersion,
            },
          },
        },
      );
      await this.#written(cluster, kind, body);
    } catch (error) {
      if (error instanceof ConflictError) {
        throw new ConflictError(
          `${kind} '${name}' on cluster '${cluster}' was changed by someone else since this import wrote it; ${notDone}`,
        );
      }
      throw error;
    }
  }

  /**
   * Creates, or updates to match `object`, for the import of one document. For a rollback:
   * `before` is the stored object an update was applied over, `written` the cluster's answer
   * to the write (both unredacted).
   */
  async upsert(
    target: { cluster: string; kind: OmeKind; namespace?: string },
    object: KubernetesObject,
    options: WriteOptions & {
      authorizeCreate?: (object: KubernetesObject) => Promise<void>;
      authorizeUpdate?: (
        before: KubernetesObject,
        after: KubernetesObject,
      ) => Promise<void>;
    },
  ): Promise<
    OmeWriteResult & {
      outcome: 'created' | 'updated' | 'unchanged';
      before?: KubernetesObject;
      written?: KubernetesObject;
    }
  > {
    const name = object.metadata?.name;
    const existing = await this.getStored({ ...target, name }).catch(error => {
      if (clusterFailureOf(error)?.reason === 'not-found') return undefined;
      throw error;
    });
    if (!existing) {
      const result = await this.create(target, object, {
        dryRun: options.dryRun,
        authorize: options.authorizeCreate,
      });
      return {
        ...result,
        outcome: 'created',
        written: this.#answers.get(result),
      };
    }
    // An import names the desired state of the fields it gives: those change, others stay.
    const shown = sanitizeObject(target.kind, existing);
    const merged = mergeInto(shown, object);
    const result = await this.update(
      { ...target, name },
      {
        ...merged,
        metadata: {
          ...merged.metadata,
          resourceVersion: existing.metadata.resourceVersion,
        },
      },
      { dryRun: options.dryRun, authorize: options.authorizeUpdate },
    );
    return {
      ...result,
      outcome: result.changed ? 'updated' : 'unchanged',
      before: existing,
      written: this.#answers.get(result),
    };
  }
}

/** What a write of the main resource sets: all but status and the metadata the apiserver owns. */
function writtenContent(object: KubernetesObject): unknown {
  const { status: _status, metadata, ...rest } = object;
  return {
    ...rest,
    metadata: Object.fromEntries(
      Object.entries(metadata ?? {}).filter(
        ([key]) => !SERVER_OWNED_METADATA.has(key),
      ),
    ),
  };
}

/** `overlay`'s fields over `base`, recursively for plain objects; lists and scalars replace. */
function mergeInto(
  base: KubernetesObject,
  overlay: KubernetesObject,
): KubernetesObject {
  const merge = (a: unknown, b: unknown): unknown => {
    if (isPlainObject(a) && isPlainObject(b)) {
      const out: Record<string, unknown> = { ...a };
      for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
      return out;
    }
    return b;
  };
  return merge(base, overlay) as KubernetesObject;
}
