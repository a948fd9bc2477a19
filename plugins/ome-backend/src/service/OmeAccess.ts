import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  OmeKind,
  OmeObjectRef,
  OmeWriteResult,
  formatOmeResourceRef,
  omeResourceCreatePermission,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import { ClusterListResult } from './OmeResourceService';
import { OmeAuthorizer, OmeDecision } from './authorization';
import { ClusterService } from './ClusterService';
import { OmeResourceService } from './OmeResourceService';
import { OmeResourceWriter } from './OmeResourceWriter';

/**
 * Reads and creates of OME objects under the caller's permission decisions: the one place
 * where the HTTP routes and the actions registry's actions decide, so that both refuse and
 * allow exactly the same things for the same user.
 */
export class OmeAccess {
  readonly #authorizer: OmeAuthorizer;
  readonly #clusters: ClusterService;
  readonly #resources: OmeResourceService;
  readonly #writer: OmeResourceWriter;

  constructor(options: {
    authorizer: OmeAuthorizer;
    clusters: ClusterService;
    resources: OmeResourceService;
    writer: OmeResourceWriter;
  }) {
    this.#authorizer = options.authorizer;
    this.#clusters = options.clusters;
    this.#resources = options.resources;
    this.#writer = options.writer;
  }

  /**
   * The read decision and the decisions of `also`, in ONE decision call; a caller who may
   * read nothing at all is refused (403) before any cluster is asked.
   */
  async decideRead(
    credentials: BackstageCredentials,
    also: ResourcePermission<'ome-resource'>[] = [],
  ): Promise<{ mayRead: OmeDecision; others: OmeDecision[] }> {
    const [mayRead, ...others] = await this.#authorizer.decide(credentials, [
      omeResourceReadPermission,
      ...also,
    ]);
    if (mayRead.denied) {
      throw new NotAllowedError(
        `Not allowed: ${omeResourceReadPermission.name}`,
      );
    }
    return { mayRead, others };
  }

  /** One object the caller may read: 404 for a missing object first, then 403. */
  async readable(
    credentials: BackstageCredentials,
    ref: OmeObjectRef,
    also: ResourcePermission<'ome-resource'>[] = [],
  ) {
    const decisions = await this.decideRead(credentials, also);
    const item = await this.#resources.getOrThrow(ref);
    if (!decisions.mayRead(item)) {
      throw new NotAllowedError(
        `Not allowed: ${
          omeResourceReadPermission.name
        } on ${formatOmeResourceRef(ref)}`,
      );
    }
    return { item, ...decisions };
  }

  /** The objects of `kind` the caller may read, across the (known) clusters asked for. */
  async listReadable(
    credentials: BackstageCredentials,
    kind: OmeKind,
    query: {
      clusters?: string[];
      namespaces?: string[];
      labelSelector?: string;
    },
    also: ResourcePermission<'ome-resource'>[] = [],
  ): Promise<ClusterListResult & { others: OmeDecision[] }> {
    const { mayRead, others } = await this.decideRead(credentials, also);
    const result = await this.#resources.list(kind, {
      clusters: await this.#clusters.known(query.clusters),
      labelSelector: query.labelSelector,
      namespaces: query.namespaces,
    });
    return { ...result, items: result.items.filter(mayRead), others };
  }

  /**
   * Creates `body` (validated by the writer) if the caller's create decision allows the
   * object about to exist; with `dryRun`, the cluster checks it and nothing is written.
   */
  async create(
    credentials: BackstageCredentials,
    place: { cluster: string; kind: OmeKind; namespace?: string },
    body: unknown,
    options: { dryRun: boolean },
  ): Promise<OmeWriteResult> {
    const mayCreate = await this.#authorizer.requireAny(
      credentials,
      omeResourceCreatePermission,
    );
    return this.#writer.create(place, body, {
      dryRun: options.dryRun,
      // The conditional decision applied to the object about to be created.
      authorize: async object =>
        this.#authorizer.assertAllowed(omeResourceCreatePermission, mayCreate, {
          cluster: place.cluster,
          object,
        }),
    });
  }
}
