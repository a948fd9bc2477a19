import {
  OME_ATTENTION_KINDS,
  OmeAttentionInput,
  OmeAttentionResponse,
  OmeClusterError,
  omeAttentionItems,
} from '@ome-console/plugin-ome-common';
import { OmeItemFilter } from './authorization';
import { OmeResourceService } from './OmeResourceService';

/**
 * The dashboard's "needs attention" list. The rules live in ome-common
 * (`omeAttentionItems`); this reads the kinds they look at from every cluster and hands
 * them only the objects the caller may read, so that neither an entry nor the services named
 * in it tell the caller about anything else.
 */
export class AttentionService {
  readonly #resources: OmeResourceService;

  constructor(options: { resources: OmeResourceService }) {
    this.#resources = options.resources;
  }

  async list(
    mayRead: OmeItemFilter,
    options: { clusters?: string[] } = {},
  ): Promise<OmeAttentionResponse> {
    const input: OmeAttentionInput = {};
    const errors: OmeClusterError[] = [];
    await Promise.all(
      OME_ATTENTION_KINDS.map(async kind => {
        const result = await this.#resources.list(kind, {
          clusters: options.clusters,
        });
        input[kind] = result.items.filter(mayRead);
        // A kind not installed on a cluster has nothing to report there; other failures do.
        errors.push(
          ...result.errors.map(e => ({
            ...e,
            message: `${kind}: ${e.message}`,
          })),
        );
      }),
    );
    errors.sort(
      (a, b) =>
        a.cluster.localeCompare(b.cluster) ||
        a.message.localeCompare(b.message),
    );
    return { items: omeAttentionItems(input), errors };
  }
}
