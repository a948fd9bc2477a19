import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { summarizeInferenceService } from '@ome-console/plugin-ome-common';
import { OmeActionServices, fields } from './types';

function conditionsOf(status: unknown) {
  const list = (status as { conditions?: unknown } | undefined)?.conditions;
  return (Array.isArray(list) ? list : []).map(c => ({
    type: String(c?.type ?? ''),
    status: String(c?.status ?? 'Unknown'),
    ...(typeof c?.reason === 'string' && { reason: c.reason }),
    ...(typeof c?.message === 'string' && { message: c.message }),
  }));
}

/** `ome:explain-inference-service`: why one service is (not) ready, in plain words. */
export function registerExplainInferenceServiceAction(
  registry: ActionsRegistryService,
  { access }: OmeActionServices,
): void {
  registry.register({
    name: 'explain-inference-service',
    title: 'Explain why an OME inference service is not ready',
    description:
      'Explains the state of one OME InferenceService: Ready or not, and when not, the reason OME ' +
      'gives (the model failed to load, no serving runtime supports the model, not enough ' +
      "resources, ...) in plain words with OME's message, plus every status condition. When " +
      'the reason is about the runtime, explain-runtime-selection on its model tells which ' +
      'runtimes qualify and why the others do not.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          cluster: fields.cluster(z),
          namespace: fields.namespace(z),
          name: fields.name(z),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          name: z.string(),
          model: z.string().optional(),
          runtime: z.string().optional(),
          ready: z.boolean(),
          state: z.string().describe('Ready, NotReady or Unknown'),
          explanation: z.string().describe('The state in plain words'),
          reason: z.string().optional().describe("OME's reason code"),
          message: z.string().optional().describe("OME's message"),
          url: z.string().optional(),
          conditions: z.array(
            z.object({
              type: z.string(),
              status: z.string(),
              reason: z.string().optional(),
              message: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { item } = await access.readable(credentials, {
        cluster: input.cluster,
        kind: 'InferenceService',
        namespace: input.namespace,
        name: input.name,
      });
      const s = summarizeInferenceService(item.object);
      return {
        output: {
          cluster: item.cluster,
          namespace: input.namespace,
          name: input.name,
          model: s.model,
          runtime: s.runtime,
          ready: s.state === 'Ready',
          state: s.state,
          explanation: s.message
            ? `${s.stateText} (${s.message})`
            : s.stateText,
          reason: s.reason,
          message: s.message,
          url: s.url,
          conditions: conditionsOf(item.object.status),
        },
      };
    },
  });
}
