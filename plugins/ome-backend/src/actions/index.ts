import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerDeployInferenceServiceAction } from './deployInferenceService';
import { registerExplainInferenceServiceAction } from './explainInferenceService';
import { registerExplainRuntimeSelectionAction } from './explainRuntimeSelection';
import { registerListInferenceServicesAction } from './listInferenceServices';
import { registerListModelsAction } from './listModels';
import { OmeActionServices } from './types';
import { actAsCaller } from './actAsCaller';

export type { OmeActionServices } from './types';

/**
 * OME's actions in Backstage's actions registry (served to AI assistants by the MCP actions
 * backend as `ome.<action>` once `backend.actions.pluginSources` lists `ome`). Each decides
 * with the calling user's credentials through the same services as the HTTP routes, and
 * reaches the clusters as that user where they impersonate.
 */
export function registerOmeActions(
  actionsRegistry: ActionsRegistryService,
  services: OmeActionServices,
): void {
  const registry = services.actingUser
    ? actAsCaller(actionsRegistry, services.actingUser)
    : actionsRegistry;
  registerListModelsAction(registry, services);
  registerListInferenceServicesAction(registry, services);
  registerExplainInferenceServiceAction(registry, services);
  registerExplainRuntimeSelectionAction(registry, services);
  registerDeployInferenceServiceAction(registry, services);
}
