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
import { OperateService } from './service/OperateService';
import { ClusterService } from './service/ClusterService';
import { KubernetesProxyClient } from './service/KubernetesProxyClient';
import { OmeResourceService } from './service/OmeResourceService';
import { OmeResourceWriter } from './service/OmeResourceWriter';
import { ImportService } from './service/ImportService';
import { KindSchemaService } from './service/KindSchemaService';
import { NamespaceLabels } from './permissions/NamespaceLabels';

/**
 * The OME backend plugin: reads and writes OME resources across the clusters of the
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
        auditor: coreServices.auditor,
        userInfo: coreServices.userInfo,
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
        auditor,
        userInfo,
      }) {
        const options = readOmeBackendOptions(config);
        const client = new KubernetesProxyClient({
          discovery,
          auth,
          logger,
          kubernetesPluginId: options.kubernetesPluginId,
          timeoutMs: options.requestTimeoutMs,
          impersonation: options.impersonation,
        });
        if (options.impersonation.size) {
          logger.info(
            `Impersonating Backstage users on cluster(s) ${[
              ...options.impersonation.keys(),
            ].join(', ')}`,
          );
        }
        const clusters = new ClusterService({
          client,
          probeTimeoutMs: options.clusterTimeoutMs,
        });
        const resources = new OmeResourceService({ client, clusters });
        const writer = new OmeResourceWriter({ client, reader: resources });
        const schemas = new KindSchemaService({ client });
        const importer = new ImportService({ client, writer });
        const namespaceLabels = new NamespaceLabels({ client });
        const operate = new OperateService({ client, resources });

        permissionsRegistry.addResourceType({
          resourceRef: omeResourcePermissionResourceRef,
          permissions: omePermissions,
          rules: Object.values(omePermissionRules),
          // Loaded as the OME backend itself (the permission backend asks as a service), with
          // their namespaces' labels for NAMESPACE_HAS_LABEL.
          getResources: async refs => {
            const found = await resources.getByRefs(refs);
            const enriched = await namespaceLabels.enrich(
              found.filter((i): i is NonNullable<typeof i> => !!i),
            );
            let next = 0;
            return found.map(i => (i ? enriched[next++] : undefined));
          },
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
            schemas,
            namespaceLabels,
            operate,
            auditor,
            userInfo,
            impersonating: options.impersonation.size > 0,
            config,
            logger,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
