import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  KubernetesObject,
  OME_API_GROUP,
  OME_API_VERSION,
} from '@ome-console/plugin-ome-common';
import { OmeWriteClient } from './OmeWriteClient';

/**
 * `ome:model:create`: creates a BaseModel (with a namespace) or a ClusterBaseModel (without)
 * through the OME backend as the user who runs the template.
 */
export function createModelAction(client: OmeWriteClient) {
  return createTemplateAction({
    id: 'ome:model:create',
    description:
      'Creates an OME model (a BaseModel in a namespace, or a ClusterBaseModel without one), as the user who runs the template',
    supportsDryRun: true,
    examples: [
      {
        description: 'A namespaced model from Hugging Face',
        example: [
          'steps:',
          '  - id: model',
          '    action: ome:model:create',
          '    input:',
          '      cluster: ome-dev-a',
          '      namespace: team-a',
          '      name: team-a-qwen',
          '      storageUri: hf://Qwen/Qwen2.5-0.5B-Instruct',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        cluster: z =>
          z.string().describe('Cluster, as the kubernetes backend names it'),
        namespace: z =>
          z
            .string()
            .optional()
            .describe('Namespace of a BaseModel; absent: a ClusterBaseModel'),
        name: z =>
          z.string().describe('Name of the model: a DNS-1123 subdomain'),
        storageUri: z =>
          z
            .string()
            .describe(
              'Where the weights are, e.g. hf://<org>/<model> or oci://...',
            ),
        storageKey: z =>
          z
            .string()
            .optional()
            .describe('Secret holding the storage credentials (key `token`)'),
        displayName: z => z.string().optional().describe('Display name'),
        vendor: z => z.string().optional().describe('Vendor, e.g. meta'),
        modelFormat: z =>
          z.string().optional().describe('Format name, e.g. safetensors'),
        modelParameterSize: z =>
          z.string().optional().describe('Parameter size, e.g. 8B'),
        labels: z =>
          z.record(z.string()).optional().describe('Labels of the model'),
      },
      output: {
        name: z => z.string().describe('Name of the model'),
        kind: z => z.string().describe('BaseModel or ClusterBaseModel'),
        cluster: z => z.string().describe('Its cluster'),
        url: z => z.string().describe('Its page in the OME console'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const kind = input.namespace ? 'BaseModel' : 'ClusterBaseModel';
      const object: KubernetesObject = {
        apiVersion: `${OME_API_GROUP}/${OME_API_VERSION}`,
        kind,
        metadata: {
          name: input.name,
          ...(input.namespace && { namespace: input.namespace }),
          ...(input.labels && { labels: input.labels }),
        },
        spec: {
          storage: {
            storageUri: input.storageUri,
            ...(input.storageKey && { key: input.storageKey }),
          },
          ...(input.displayName && { displayName: input.displayName }),
          ...(input.vendor && { vendor: input.vendor }),
          ...(input.modelFormat && {
            modelFormat: { name: input.modelFormat },
          }),
          ...(input.modelParameterSize && {
            modelParameterSize: input.modelParameterSize,
          }),
        },
      };
      const created = await client.create({
        kind,
        cluster: input.cluster,
        object,
        credentials: await ctx.getInitiatorCredentials(),
        dryRun: ctx.isDryRun === true,
      });
      ctx.logger.info(
        `${ctx.isDryRun ? 'Dry run: would create' : 'Created'} ${kind} ${
          input.name
        } on ${input.cluster}`,
      );
      ctx.output('name', created.name);
      ctx.output('kind', kind);
      ctx.output('cluster', created.cluster);
      ctx.output('url', created.url);
    },
  });
}
