import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  KubernetesObject,
  OmeApiPaths,
  OmeErrorDetails,
  OmeKind,
  omeKindInfo,
  omeObjectPagePath,
  OmeWriteResult,
  validateOmeObject,
} from '@ome-console/plugin-ome-common';
import createClient from 'openapi-fetch';

/** Where a created object is, for the actions' outputs. */
export interface OmeCreated {
  name: string;
  cluster: string;
  namespace?: string;
  /** The object's page in the OME console. */
  url: string;
  result: OmeWriteResult;
}

/**
 * Creates OME objects through the OME backend's HTTP API (its OpenAPI contract) on behalf of
 * a user: the token is a plugin token made for the user's credentials, so the OME backend
 * decides the user's `ome.resource.create` permission, never the scaffolder's own.
 */
export class OmeWriteClient {
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** Where the OME pages are mounted, e.g. `http://localhost:3000/ome`. */
      consoleUrl: string;
    },
  ) {}

  async create(options: {
    kind: OmeKind;
    cluster: string;
    object: KubernetesObject;
    credentials: BackstageCredentials;
    dryRun: boolean;
  }): Promise<OmeCreated> {
    const { kind, cluster, object, credentials, dryRun } = options;
    // The API's own rules, checked before anything is sent (the API checks them again).
    const problems = validateOmeObject(kind, object);
    if (!cluster) problems.unshift({ path: 'cluster', message: 'is required' });
    if (problems.length) {
      throw new InputError(
        `Invalid ${kind}: ${problems
          .map(p => `${p.path || '(object)'} ${p.message}`)
          .join('; ')}`,
      );
    }
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'ome',
    });
    const client = createClient<OmeApiPaths>({
      baseUrl: await this.deps.discovery.getBaseUrl('ome'),
    });
    const init = { headers: { Authorization: `Bearer ${token}` } };
    const { name, namespace } = object.metadata;
    const plural = omeKindInfo(kind).plural as any;
    const query = dryRun ? { dryRun: true } : {};
    const answer = namespace
      ? await client.POST(
          '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}',
          {
            params: {
              path: { cluster, namespace, namespacedPlural: plural },
              query,
            },
            body: object as any,
            ...init,
          },
        )
      : await client.POST('/clusters/{cluster}/{clusterPlural}', {
          params: { path: { cluster, clusterPlural: plural }, query },
          body: object as any,
          ...init,
        });
    if (!answer.data) {
      throw backendError(kind, name, answer.response.status, answer.error);
    }
    return {
      name,
      cluster,
      namespace,
      url: `${this.deps.consoleUrl}${omeObjectPagePath({
        kind,
        cluster,
        namespace,
        name,
      })}`,
      result: answer.data as OmeWriteResult,
    };
  }
}

/** The OME backend's refusal as the Backstage error of the same meaning. */
function backendError(
  kind: OmeKind,
  name: string,
  status: number,
  body: unknown,
): Error {
  const details = body as
    | ({ error?: { message?: string } } & OmeErrorDetails)
    | undefined;
  const fields = details?.fieldErrors?.length
    ? ` (${details.fieldErrors.map(f => `${f.path} ${f.message}`).join('; ')})`
    : '';
  const message = `Creating ${kind} ${name} failed with HTTP ${status}: ${
    details?.error?.message ?? 'no details'
  }${fields}`;
  if (status === 400 || status === 422) return new InputError(message);
  if (status === 401 || status === 403) return new NotAllowedError(message);
  if (status === 404) return new NotFoundError(message);
  if (status === 409) return new ConflictError(message);
  return new Error(message);
}
