import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readOmeProviderConfig } from './provider/config';
import { OmeEntityProvider } from './provider/OmeEntityProvider';

/**
 * Catalog module adding the OME entity provider, configured by `catalog.providers.ome`
 * (nothing is added without that key).
 *
 * @public
 */
export const catalogModuleOme = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ome',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ catalog, config, logger, scheduler, discovery, auth }) {
        const options = readOmeProviderConfig(config);
        if (!options) {
          logger.info('No catalog.providers.ome config: no OME entities');
          return;
        }
        catalog.addEntityProvider(
          OmeEntityProvider.fromConfig(options, {
            logger,
            discovery,
            auth,
            taskRunner: () =>
              scheduler.createScheduledTaskRunner(options.schedule),
          }),
        );
      },
    });
  },
});
