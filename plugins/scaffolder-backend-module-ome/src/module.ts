import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createInferenceServiceAction } from './actions/createInferenceService';
import { createModelAction } from './actions/createModel';
import { OmeWriteClient } from './actions/OmeWriteClient';

/**
 * Scaffolder module adding the OME template actions `ome:inference-service:create` and
 * `ome:model:create`.
 *
 * @public
 */
export const scaffolderModuleOme = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ome',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, discovery, auth }) {
        const consoleUrl = (
          config.getOptionalString('scaffolder.ome.consoleUrl') ??
          `${config.getString('app.baseUrl')}/ome`
        ).replace(/\/+$/, '');
        const client = new OmeWriteClient({ discovery, auth, consoleUrl });
        scaffolder.addActions(
          createInferenceServiceAction(client),
          createModelAction(client),
        );
      },
    });
  },
});
