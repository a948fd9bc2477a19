import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The OME entity provider (`@ome-console/plugin-catalog-backend-module-ome`):
       * InferenceServices as Components of type `model-server`, BaseModels and
       * ClusterBaseModels as Resources of type `ai-model`.
       */
      ome?: {
        /** How often to read the clusters (e.g. `{ frequency: { minutes: 5 }, timeout: { minutes: 3 } }`). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * One provider per listed cluster, so a cluster that cannot be read keeps its
         * entities while the others refresh. Absent: one provider for every cluster the OME
         * backend knows, which changes nothing while any of them cannot be read.
         */
        clusters?: string[];
        /** Which OME kinds become entities; default all three. */
        kinds?: Array<'InferenceService' | 'BaseModel' | 'ClusterBaseModel'>;
        /** Where an entity's owner comes from. */
        owner?: {
          /** Annotation of the OME object holding the owner (an entity ref); default `ome.io/owner`. */
          annotation?: string;
          /** Label of the OME object holding the owner (a group name); default `ome.io/team`. */
          label?: string;
          /** Owner of objects that have neither; default `unknown`. */
          default?: string;
        };
        /** `spec.lifecycle` of the components; default `production`. */
        lifecycle?: string;
        /** URL of the OME pages for entity links; default `${app.baseUrl}/ome`. */
        consoleUrl?: string;
      };
    };
  };
}
