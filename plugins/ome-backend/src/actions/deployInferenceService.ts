import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  INFERENCE_SERVICE_NAME_MAX_LENGTH,
  InferenceServiceDeployment,
  inferenceServiceObject,
  summarizeInferenceService,
} from '@ome-console/plugin-ome-common';
import { OmeActionServices, fields } from './types';

/** `ome:deploy-inference-service`: creates an InferenceService as the caller (dry run first). */
export function registerDeployInferenceServiceAction(
  registry: ActionsRegistryService,
  { access, auditor }: OmeActionServices,
): void {
  registry.register({
    name: 'deploy-inference-service',
    title: 'Deploy a model as an OME inference service',
    description:
      'Creates an OME InferenceService that serves a model, as the calling user (their create ' +
      'permission applies). dryRun defaults to true: the cluster validates the object and ' +
      'nothing is written; call again with dryRun false to deploy. Leave runtime out to let OME ' +
      'select one (explain-runtime-selection tells which). Returns the object as created and ' +
      "the cluster's warnings.",
    attributes: { destructive: false, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        z.object({
          cluster: fields.cluster(z),
          namespace: fields.namespace(z),
          name: z
            .string()
            .max(
              INFERENCE_SERVICE_NAME_MAX_LENGTH,
              `name: must be at most ${INFERENCE_SERVICE_NAME_MAX_LENGTH} characters`,
            )
            .regex(
              /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
              'name: must be a DNS-1035 label (a lower-case letter first, then letters, digits and -)',
            )
            .describe('Name of the service'),
          model: fields.name(z).describe('Model to serve'),
          modelKind: z
            .enum(['ClusterBaseModel', 'BaseModel'], {
              errorMap: () => ({
                message: 'modelKind: must be ClusterBaseModel or BaseModel',
              }),
            })
            .optional()
            .describe('Kind of the model (OME looks for a BaseModel first)'),
          runtime: fields
            .name(z)
            .optional()
            .describe('Serving runtime; OME selects one when absent'),
          minReplicas: z
            .number()
            .int('minReplicas: must be a whole number')
            .min(0, 'minReplicas: must be 0 or more')
            .optional(),
          maxReplicas: z
            .number()
            .int('maxReplicas: must be a whole number')
            .min(1, 'maxReplicas: must be 1 or more')
            .optional(),
          dryRun: z
            .boolean()
            .default(true)
            .describe('Validate without writing (default true)'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          name: z.string(),
          dryRun: z.boolean(),
          created: z.boolean().describe('Whether the service now exists'),
          model: z.string().optional(),
          runtime: z.string().optional(),
          warnings: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      // The registry takes object schemas only: cross-field rules are checked here.
      if (
        input.minReplicas !== undefined &&
        input.maxReplicas !== undefined &&
        input.minReplicas > input.maxReplicas
      ) {
        throw new InputError('maxReplicas: must not be less than minReplicas');
      }
      const { cluster, dryRun, ...deployment } = input;
      const place = {
        cluster,
        kind: 'InferenceService' as const,
        namespace: input.namespace,
      };
      const principal = credentials.principal as { userEntityRef?: string };
      const actor = principal?.userEntityRef;
      // Audited like the HTTP create; there is no request, so the actor is recorded in meta.
      const result = await auditor.audited(
        'resource-create',
        undefined,
        { ...place, name: input.name, dryRun, via: 'action', actor },
        () =>
          access.create(
            credentials,
            place,
            inferenceServiceObject(deployment as InferenceServiceDeployment),
            {
              dryRun,
            },
          ),
        r => ({ changed: r.changed }),
      );
      const s = summarizeInferenceService(result.object);
      return {
        output: {
          cluster: result.cluster,
          namespace: input.namespace,
          name: input.name,
          dryRun: result.dryRun,
          created: !result.dryRun && result.changed,
          model: s.model,
          runtime: s.runtime,
          warnings: result.warnings,
        },
      };
    },
  });
}
