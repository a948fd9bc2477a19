import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { OmeKind } from '@ome-console/plugin-ome-common';
import { OmeProviderConfig } from './config';
import { OmeClusterObject, omeEntities } from './entities';
import { OmeApiReader } from './OmeApiReader';

/**
 * Emits OME objects as catalog entities: InferenceServices as Components (`model-server`),
 * BaseModels and ClusterBaseModels as Resources (`ai-model`), replacing all of its entities
 * on each refresh (a full mutation). One provider covers one cluster, or every cluster when
 * `catalog.providers.ome.clusters` is not set; when any of its clusters cannot be read it
 * applies nothing, so that the entities it emitted before stay.
 */
export class OmeEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly reader: OmeApiReader;

  /** One provider per configured cluster, or one for all clusters. */
  static fromConfig(
    config: OmeProviderConfig,
    deps: {
      logger: LoggerService;
      discovery: DiscoveryService;
      auth: AuthService;
      taskRunner: (providerName: string) => SchedulerServiceTaskRunner;
    },
  ): OmeEntityProvider[] {
    const scopes: Array<string[] | undefined> = config.clusters
      ? config.clusters.map(c => [c])
      : [undefined];
    return scopes.map(clusters => {
      const name = `ome-provider:${clusters ? clusters[0] : 'all-clusters'}`;
      return new OmeEntityProvider({
        name,
        clusters,
        config,
        logger: deps.logger.child({ target: name }),
        discovery: deps.discovery,
        auth: deps.auth,
        taskRunner: deps.taskRunner(name),
      });
    });
  }

  constructor(
    private readonly options: {
      name: string;
      /** Undefined: every cluster the OME backend knows. */
      clusters?: string[];
      config: OmeProviderConfig;
      logger: LoggerService;
      discovery: DiscoveryService;
      auth: AuthService;
      /** Undefined: refreshes only when `refresh()` is called. */
      taskRunner?: SchedulerServiceTaskRunner;
    },
  ) {
    this.reader = new OmeApiReader(options);
  }

  getProviderName(): string {
    return this.options.name;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner?.run({
      id: `${this.options.name}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
        } catch (error) {
          this.options.logger.warn(
            `Kept the previous OME entities: ${(error as Error).message}`,
          );
        }
      },
    });
  }

  /**
   * Reads every configured kind and replaces the provider's entities. Rejects, applying
   * nothing, when a cluster or the OME backend could not answer.
   */
  async refresh(): Promise<{ entities: number }> {
    if (!this.connection) {
      throw new Error(`${this.options.name} is not connected to the catalog`);
    }
    const { config, clusters } = this.options;
    const objects: Partial<Record<OmeKind, OmeClusterObject[]>> = {};
    for (const kind of config.kinds) {
      objects[kind] = await this.reader.list(kind, clusters);
    }
    const entities = omeEntities(objects, config);
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.options.name,
      })),
    });
    this.options.logger.info(`Emitted ${entities.length} OME entities`);
    return { entities: entities.length };
  }
}
