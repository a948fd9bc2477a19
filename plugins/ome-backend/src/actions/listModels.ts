import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { omeObjectState } from '@ome-console/plugin-ome-common';
import { OmeActionServices, clusterErrorsSchema, fields } from './types';

const MODEL_KINDS = ['ClusterBaseModel', 'BaseModel'] as const;

/** `ome:list-models`: the models (both kinds) the caller may read, with their state. */
export function registerListModelsAction(
  registry: ActionsRegistryService,
  { access }: OmeActionServices,
): void {
  registry.register({
    name: 'list-models',
    title: 'List OME models',
    description:
      'Lists the OME models the caller may read, across clusters: ClusterBaseModels (usable from ' +
      'every namespace) and BaseModels (one namespace), with their state (Ready, Importing, ' +
      'In_Transit, Failed, ...), size and architecture. Use a model name from here with ' +
      'explain-runtime-selection or deploy-inference-service.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          cluster: fields.cluster(z).optional(),
          kind: z
            .enum(MODEL_KINDS, {
              errorMap: () => ({
                message: `kind: must be one of ${MODEL_KINDS.join(', ')}`,
              }),
            })
            .optional()
            .describe('Only this kind (both when absent)'),
        }),
      output: z =>
        z.object({
          models: z.array(
            z.object({
              cluster: z.string(),
              kind: z.enum(MODEL_KINDS),
              namespace: z.string().optional(),
              name: z.string(),
              state: z.string(),
              parameterSize: z.string().optional(),
              architecture: z.string().optional(),
            }),
          ),
          clusterErrors: clusterErrorsSchema(z),
        }),
    },
    action: async ({ input, credentials }) => {
      const kinds = input.kind ? [input.kind] : [...MODEL_KINDS];
      const results = await Promise.all(
        kinds.map(async kind => ({
          kind,
          result: await access.listReadable(credentials, kind, {
            clusters: input.cluster ? [input.cluster] : undefined,
          }),
        })),
      );
      return {
        output: {
          models: results.flatMap(({ kind, result }) =>
            result.items.map(item => {
              const spec = (item.object.spec ?? {}) as Record<string, unknown>;
              return {
                cluster: item.cluster,
                kind,
                namespace: item.object.metadata.namespace,
                name: item.object.metadata.name,
                state: omeObjectState(kind, item.object),
                ...(typeof spec.modelParameterSize === 'string' && {
                  parameterSize: spec.modelParameterSize,
                }),
                ...(typeof spec.modelArchitecture === 'string' && {
                  architecture: spec.modelArchitecture,
                }),
              };
            }),
          ),
          clusterErrors: results.flatMap(({ result }) =>
            result.errors.map(({ cluster, reason, message }) => ({
              cluster,
              reason,
              message,
            })),
          ),
        },
      };
    },
  });
}
