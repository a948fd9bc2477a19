import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { summarizeInferenceService } from '@ome-console/plugin-ome-common';
import { OmeActionServices, clusterErrorsSchema, fields } from './types';

/** `ome:list-inference-services`: the services the caller may read, with their state. */
export function registerListInferenceServicesAction(
  registry: ActionsRegistryService,
  { access }: OmeActionServices,
): void {
  registry.register({
    name: 'list-inference-services',
    title: 'List OME inference services',
    description:
      'Lists the OME InferenceServices (served models) the caller may read, across clusters, with ' +
      'the model and runtime each serves, its state in plain words and its endpoint URL. Narrow ' +
      'by cluster or namespace; set notReadyOnly to find services that need attention, then ' +
      'use explain-inference-service on one of them for the reason.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          cluster: fields.cluster(z).optional(),
          namespace: fields.namespace(z).optional(),
          notReadyOnly: z
            .boolean()
            .optional()
            .describe('Only services that are not Ready'),
        }),
      output: z =>
        z.object({
          services: z.array(
            z.object({
              cluster: z.string(),
              namespace: z.string().optional(),
              name: z.string(),
              model: z.string().optional(),
              runtime: z
                .string()
                .optional()
                .describe('Absent when OME selects the runtime'),
              state: z.string().describe('Ready, NotReady or Unknown'),
              stateText: z.string().describe('The state in plain words'),
              url: z.string().optional(),
            }),
          ),
          clusterErrors: clusterErrorsSchema(z),
        }),
    },
    action: async ({ input, credentials }) => {
      const result = await access.listReadable(
        credentials,
        'InferenceService',
        {
          clusters: input.cluster ? [input.cluster] : undefined,
          namespaces: input.namespace ? [input.namespace] : undefined,
        },
      );
      const services = result.items
        .map(item => {
          const s = summarizeInferenceService(item.object);
          return {
            cluster: item.cluster,
            namespace: s.namespace,
            name: s.name,
            model: s.model,
            runtime: s.runtime,
            state: s.state,
            stateText: s.stateText,
            url: s.url,
          };
        })
        .filter(s => !input.notReadyOnly || s.state !== 'Ready');
      return {
        output: {
          services,
          clusterErrors: result.errors.map(({ cluster, reason, message }) => ({
            cluster,
            reason,
            message,
          })),
        },
      };
    },
  });
}
