import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** The OME kinds the provider can turn into entities. */
export const OME_ENTITY_KINDS = [
  'InferenceService',
  'BaseModel',
  'ClusterBaseModel',
] as const;
/** One of {@link OME_ENTITY_KINDS}. */
export type OmeEntityKind = (typeof OME_ENTITY_KINDS)[number];

/** `catalog.providers.ome`, read and defaulted (see config.d.ts). */
export interface OmeProviderConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Undefined: one provider for every cluster. */
  clusters?: string[];
  kinds: OmeEntityKind[];
  ownerAnnotation: string;
  ownerLabel: string;
  defaultOwner: string;
  lifecycle: string;
  consoleUrl: string;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 15 },
};

/** Reads `catalog.providers.ome`; undefined when the key is absent. */
export function readOmeProviderConfig(
  config: Config,
): OmeProviderConfig | undefined {
  const c = config.getOptionalConfig('catalog.providers.ome');
  if (!c) return undefined;
  const kinds = c.getOptionalStringArray('kinds') ?? [...OME_ENTITY_KINDS];
  for (const kind of kinds) {
    if (!(OME_ENTITY_KINDS as readonly string[]).includes(kind)) {
      throw new Error(
        `catalog.providers.ome.kinds: ${kind} is not one of ${OME_ENTITY_KINDS.join(
          ', ',
        )}`,
      );
    }
  }
  const clusters = c.getOptionalStringArray('clusters');
  if (clusters && new Set(clusters).size !== clusters.length) {
    throw new Error(
      'catalog.providers.ome.clusters: a cluster is listed twice',
    );
  }
  return {
    schedule: c.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          c.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    clusters,
    kinds: kinds as OmeEntityKind[],
    ownerAnnotation: c.getOptionalString('owner.annotation') ?? 'ome.io/owner',
    ownerLabel: c.getOptionalString('owner.label') ?? 'ome.io/team',
    defaultOwner: c.getOptionalString('owner.default') ?? 'unknown',
    lifecycle: c.getOptionalString('lifecycle') ?? 'production',
    consoleUrl: (
      c.getOptionalString('consoleUrl') ??
      `${config.getString('app.baseUrl')}/ome`
    ).replace(/\/+$/, ''),
  };
}
