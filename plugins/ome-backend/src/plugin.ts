import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { omePermissions } from '@ome-console/plugin-ome-common';
import { readOmeBackendOptions } from './config';
import {
  omePermissionRules,
  omeResourcePermissionResourceRef,
} from './permissions/rules';
import { createRouter } from './router';
import { ClusterService } from './service/ClusterService';
import { KubernetesProxyClient } from './service/KubernetesProxyClient';
import { OmeResourceService } from './service/OmeResourceService';
import { OmeResourceWriter } from './service/OmeResourceWriter';
import { ImportService } from './service/ImportService';

/**
 * The OME backend plugin: reads (and later writes) OME resources across the clusters of the
 * kubernetes backend plugin, through its proxy, with its own permission checks.
 *
 * @public
 */
export const omePlugin = createBackendPlugin({
  pluginId: 'ome',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        httpRouter,
        logger,
        config,
        discovery,
        auth,
        httpAuth,
        permissions,
        permissionsRegistry,
      }) {
        const options = readOmeBackendOptions(config);
        const client = new KubernetesProxyClient({
          discovery,
          auth,
          logger,
          kubernetesPluginId: options.kubernetesPluginId,
          timeoutMs: options.requestTimeoutMs,
        });
        const clusters = new ClusterService({
          client,
          probeTimeoutMs: options.clusterTimeoutMs,
        });
        const resources = new OmeResourceService({ client, clusters });
        const writer = new OmeResourceWriter({ client });
        const importer = new ImportService({ client, writer });

        permissionsRegistry.addResourceType({
          resourceRef: omeResourcePermissionResourceRef,
          permissions: omePermissions,
          rules: Object.values(omePermissionRules),
          getResources: refs => resources.getByRefs(refs),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            ruleset: permissionsRegistry.getPermissionRuleset(
              omeResourcePermissionResourceRef,
            ),
            clusters,
            resources,
            writer,
            importer,
            config,
            logger,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
