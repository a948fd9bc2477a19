import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  INFERENCE_SERVICE_NAME_MAX_LENGTH,
  inferenceServiceObject,
} from '@ome-console/plugin-ome-common';
import { OmeWriteClient } from './OmeWriteClient';

/**
 * `ome:inference-service:create`: creates an InferenceService through the OME backend as the
 * user who runs the template (dry runs ask the cluster without writing).
 */
export function createInferenceServiceAction(client: OmeWriteClient) {
  return createTemplateAction({
    id: 'ome:inference-service:create',
    description:
      'Creates an OME InferenceService that serves a model, as the user who runs the template',
    supportsDryRun: true,
    examples: [
      {
        description: 'Serve a ClusterBaseModel with OME choosing the runtime',
        example: [
          'steps:',
          '  - id: serve',
          '    action: ome:inference-service:create',
          '    input:',
          '      cluster: ome-dev-a',
          '      namespace: team-a',
          '      name: team-a-llama',
          '      model: llama-3-2-1b-instruct',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        cluster: z =>
          z.string().describe('Cluster, as the kubernetes backend names it'),
        namespace: z => z.string().describe('Namespace of the service'),
        name: z =>
          z
            .string()
            .describe(
              `Name of the service: a DNS-1035 label of at most ${INFERENCE_SERVICE_NAME_MAX_LENGTH} characters`,
            ),
        model: z =>
          z
            .string()
            .describe(
              'Model to serve: a BaseModel in the namespace, else a ClusterBaseModel',
            ),
        modelKind: z =>
          z
            .enum(['ClusterBaseModel', 'BaseModel'])
            .optional()
            .describe('Kind of the model (OME looks for a BaseModel first)'),
        runtime: z =>
          z
            .string()
            .optional()
            .describe('Serving runtime; OME selects one when absent'),
        minReplicas: z =>
          z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('Engine minimum replicas'),
        maxReplicas: z =>
          z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Engine maximum replicas'),
        labels: z =>
          z.record(z.string()).optional().describe('Labels of the service'),
      },
      output: {
        name: z => z.string().describe('Name of the InferenceService'),
        cluster: z => z.string().describe('Its cluster'),
        namespace: z => z.string().describe('Its namespace'),
        url: z => z.string().describe('Its page in the OME console'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const object = inferenceServiceObject(input);
      const created = await client.create({
        kind: 'InferenceService',
        cluster: input.cluster,
        object,
        credentials: await ctx.getInitiatorCredentials(),
        dryRun: ctx.isDryRun === true,
      });
      ctx.logger.info(
        `${
          ctx.isDryRun ? 'Dry run: would create' : 'Created'
        } InferenceService ${input.namespace}/${input.name} on ${
          input.cluster
        }${
          created.result.warnings.length
            ? ` (warnings: ${created.result.warnings.join('; ')})`
            : ''
        }`,
      );
      ctx.output('name', created.name);
      ctx.output('cluster', created.cluster);
      ctx.output('namespace', input.namespace);
      ctx.output('url', created.url);
    },
  });
}
