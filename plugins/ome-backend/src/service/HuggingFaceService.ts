import { InputError } from '@backstage/errors';
import {
  HfImportRequest,
  HfImportResult,
  HfInspection,
  HfModelInfo,
  KubernetesObject,
  detectHfModel,
  hfModelIdProblem,
  hfModelObject,
  hfModelObjectName,
  hfRevisionProblem,
  hfStorageUri,
} from '@ome-console/plugin-ome-common';
import { HubTokenSecrets, secretNamespaceOf } from './HubTokenSecrets';
import { HuggingFaceHub } from './HuggingFaceHub';
import { OmeResourceWriter } from './OmeResourceWriter';

/** Checks what goes into the hub's URLs and headers before anything is sent. */
function checkRequest(
  modelId: string,
  revision?: string,
  token?: string,
): void {
  const idProblem = hfModelIdProblem(modelId);
  if (idProblem) throw new InputError(`modelId: ${idProblem}`);
  if (revision !== undefined) {
    const revProblem = hfRevisionProblem(revision);
    if (revProblem) throw new InputError(`revision: ${revProblem}`);
  }
  // The token travels in an Authorization header: a character a header cannot carry made
  // fetch throw, which read as "hub unreachable" (503) instead of the caller's mistake.
  if (token !== undefined && !/^[\x21-\x7e]{8,512}$/.test(token)) {
    throw new InputError(
      'token: must be 8 to 512 printable characters without spaces',
    );
  }
}

/**
 * HuggingFace import: inspects hub models (card details and what their config.json and
 * files say in OME's terms) and creates a ClusterBaseModel or BaseModel for one, with its
 * token (gated models) in a Secret created with the model: if the model cannot be created,
 * the Secret is deleted again, so a failure leaves neither behind.
 */
export class HuggingFaceService {
  readonly #hub: HuggingFaceHub;
  readonly #secrets: HubTokenSecrets;
  readonly #writer: OmeResourceWriter;

  constructor(options: {
    hub: HuggingFaceHub;
    secrets: HubTokenSecrets;
    writer: OmeResourceWriter;
  }) {
    this.#hub = options.hub;
    this.#secrets = options.secrets;
    this.#writer = options.writer;
  }

  search(search: string, limit: number): Promise<HfModelInfo[]> {
    return this.#hub.search(search, limit);
  }

  async inspect(
    modelId: string,
    revision?: string,
    token?: string,
  ): Promise<HfInspection> {
    checkRequest(modelId, revision, token);
    const model = await this.#hub.model(modelId, revision, token);
    const config = await this.#hub.config(modelId, revision, token);
    const detection = detectHfModel(model, config.ok ? config.json : undefined);
    if (!config.ok && config.status === 'refused') {
      detection.notes.unshift(
        `${config.message}. Give a token to detect its architecture and context length.`,
      );
    }
    return {
      model,
      detection,
      config: config.ok ? 'read' : config.status,
      ...(!config.ok && { configMessage: config.message }),
      storageUri: hfStorageUri(modelId, revision),
      suggestedName: hfModelObjectName(modelId),
    };
  }

  /**
   * Creates the model (and its token Secret). `authorize` decides the model object about to
   * be created (and throws when it may not be), `authorizeSecret` the Secret; both run
   * before anything is written.
   */
  async import(
    request: HfImportRequest,
    options: {
      dryRun: boolean;
      authorize: (object: KubernetesObject) => Promise<void>;
      authorizeSecret: () => Promise<void>;
    },
  ): Promise<HfImportResult> {
    const { cluster, kind, name, modelId, revision, token } = request;
    checkRequest(modelId, revision, token);
    if (kind === 'BaseModel' && !request.namespace) {
      throw new InputError('namespace: is required for a BaseModel');
    }
    if (kind === 'ClusterBaseModel' && request.namespace) {
      throw new InputError('namespace: a ClusterBaseModel is cluster-scoped');
    }
    const inspection = await this.inspect(modelId, revision, token);
    if (inspection.model.gated && !token) {
      throw new InputError(
        `token: '${modelId}' is gated on the hub: give a hub token with access (it is stored in a Secret the model-agent reads)`,
      );
    }
    if (inspection.config === 'refused') {
      throw new InputError(`token: ${inspection.configMessage}`);
    }
    const namespace = kind === 'BaseModel' ? request.namespace : undefined;
    const target = { kind, name, namespace, modelId, revision };
    // Decided (and validated by the writer) on the object as it will be, before any write.
    const planned = hfModelObject(
      { ...target, ...(token && { secretName: 'planned' }) },
      inspection.model,
      inspection.detection,
    );
    await options.authorize(planned);
    if (token) {
      await options.authorizeSecret();
      this.#secrets.assertWritable(cluster);
    }

    const secretNamespace = secretNamespaceOf(planned);
    const secretName = token
      ? await this.#secrets.create(
          cluster,
          { kind, name, namespace: secretNamespace },
          token,
          options.dryRun,
        )
      : undefined;
    const object = hfModelObject(
      { ...target, ...(secretName && { secretName }) },
      inspection.model,
      inspection.detection,
    );
    try {
      const model = await this.#writer.create(
        { cluster, kind, namespace },
        object,
        { dryRun: options.dryRun, authorize: options.authorize },
      );
      return {
        model,
        ...(secretName && {
          secret: { name: secretName, namespace: secretNamespace },
        }),
        detection: inspection.detection,
      };
    } catch (error) {
      // All or nothing: the Secret made for this model goes when the model cannot be made.
      if (secretName && !options.dryRun) {
        await this.#secrets
          .deleteOwn(cluster, secretNamespace, secretName)
          .catch(() => undefined);
      }
      throw error;
    }
  }
}
