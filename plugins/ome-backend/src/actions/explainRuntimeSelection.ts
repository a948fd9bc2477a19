import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { OmeActionServices, fields } from './types';

/** `ome:explain-runtime-selection`: which runtime OME would pick for a model, and why not the others. */
export function registerExplainRuntimeSelectionAction(
  registry: ActionsRegistryService,
  { access, selection }: OmeActionServices,
): void {
  registry.register({
    name: 'explain-runtime-selection',
    title: 'Explain OME runtime selection for a model',
    description:
      'Explains which serving runtime OME would select for a model on a cluster (as its ' +
      'controller does when an InferenceService names no runtime): the winner, the other ' +
      'runtimes ranked with the first reason each is not picked (format, architecture, size ' +
      'range, disabled, ...), and model fields not known yet. Give namespace for a BaseModel ' +
      '(or for a ClusterBaseModel served in that namespace: its ServingRuntimes then count). ' +
      'Runtimes the caller may not read are only counted.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          cluster: fields.cluster(z),
          model: fields.name(z).describe('Name of the model'),
          modelKind: z
            .enum(['ClusterBaseModel', 'BaseModel'], {
              errorMap: () => ({
                message: 'modelKind: must be ClusterBaseModel or BaseModel',
              }),
            })
            .default('ClusterBaseModel')
            .describe('Kind of the model (BaseModel needs namespace)'),
          namespace: fields
            .namespace(z)
            .optional()
            .describe('Namespace the service would live in'),
        }),
      output: z => {
        const candidate = z.object({
          name: z.string(),
          namespace: z.string().optional(),
          clusterScoped: z.boolean(),
          compatible: z.boolean(),
          rank: z.number().optional(),
          score: z.number(),
          notPickedBecause: z.string().optional(),
        });
        return z.object({
          cluster: z.string(),
          selected: candidate.optional().describe('The runtime OME would pick'),
          selectedHidden: z
            .boolean()
            .describe('OME would pick a runtime the caller may not read'),
          explanation: z.string(),
          candidates: z.array(candidate),
          unknownModelFields: z.array(z.string()),
          modelProblem: z.string().optional(),
          hiddenRuntimes: z.number(),
        });
      },
    },
    action: async ({ input, credentials }) => {
      // The registry takes object schemas only: cross-field rules are checked here.
      if (input.modelKind === 'BaseModel' && !input.namespace) {
        throw new InputError('namespace: is required for a BaseModel');
      }
      const { item, mayRead } = await access.readable(credentials, {
        cluster: input.cluster,
        kind: input.modelKind,
        ...(input.modelKind === 'BaseModel' && { namespace: input.namespace }),
        name: input.model,
      });
      const r = await selection.forModel(item, mayRead, input.namespace);
      const view = (c: (typeof r.candidates)[number]) => ({
        name: c.name,
        ...(c.namespace && { namespace: c.namespace }),
        clusterScoped: c.isCluster,
        compatible: c.compatible,
        ...(c.rank !== undefined && { rank: c.rank }),
        score: c.score,
        ...(c.reason && { notPickedBecause: c.reason.message }),
      });
      let explanation: string;
      if (r.modelProblem) {
        explanation = `OME selects no runtime: ${r.modelProblem.message}`;
      } else if (r.winner) {
        explanation = `OME would select ${
          r.winner.isCluster ? 'ClusterServingRuntime' : 'ServingRuntime'
        } ${r.winner.name}`;
      } else if (r.winnerHidden) {
        explanation = 'OME would select a runtime you may not read';
      } else {
        explanation = 'No runtime qualifies for this model';
      }
      if (r.unknownModelFields.length) {
        explanation += ` (not known yet: ${r.unknownModelFields.join(
          ', ',
        )}; selection may change once the model-agent fills them in)`;
      }
      return {
        output: {
          cluster: r.cluster,
          ...(r.winner && { selected: view(r.winner) }),
          selectedHidden: r.winnerHidden,
          explanation,
          candidates: r.candidates.map(view),
          unknownModelFields: r.unknownModelFields,
          ...(r.modelProblem && { modelProblem: r.modelProblem.message }),
          hiddenRuntimes: r.hiddenRuntimes,
        },
      };
    },
  });
}
