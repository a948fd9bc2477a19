import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  omePermissions,
  omeSecretCreatePermission,
} from '@ome-console/plugin-ome-common';
import { readOmeBackendOptions } from './config';
import {
  omePermissionRules,
  omeResourcePermissionResourceRef,
} from './permissions/rules';
import { createRouter } from './router';
import { registerOmeActions } from './actions';
import { WriteAuditor } from './service/audit';
import { OmeAuthorizer } from './service/authorization';
import { OmeAccess } from './service/OmeAccess';
import { RuntimeSelectionService } from './service/RuntimeSelectionService';
import { OperateService } from './service/OperateService';
import { ClusterService } from './service/ClusterService';
import { KubernetesProxyClient } from './service/KubernetesProxyClient';
import { actingUserOf } from './service/impersonation';
import { OmeResourceService } from './service/OmeResourceService';
import { OmeResourceWriter } from './service/OmeResourceWriter';
import { ImportService } from './service/ImportService';
import { ImportSourceReader } from './service/ImportSourceReader';
import { KindSchemaService } from './service/KindSchemaService';
import { NamespaceLabels } from './permissions/NamespaceLabels';
import { OmeEventHub } from './service/events/OmeEventHub';
import { OmeResourceCache } from './service/cache/OmeResourceCache';
import { ProxyStream } from './service/cache/ProxyStream';

import { HubTokenSecrets } from './service/HubTokenSecrets';
import { HuggingFaceHub } from './service/HuggingFaceHub';
import { HuggingFaceService } from './service/HuggingFaceService';

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
        lifecycle: coreServices.lifecycle,
        urlReader: coreServices.urlReader,
        actionsRegistry: actionsRegistryServiceRef,
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
        lifecycle,
        urlReader,
        actionsRegistry,
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
        // The watch-backed cache: clusters start on first use; watches end at shutdown.
        const cache = new OmeResourceCache({
          client,
          stream: new ProxyStream({
            discovery,
            auth,
            kubernetesPluginId: options.kubernetesPluginId,
          }),
          settings: options.cache,
          logger: logger.child({ component: 'cache' }),
        });
        lifecycle.addShutdownHook(() => cache.stop());
        const clusters = new ClusterService({
          client,
          probeTimeoutMs: options.clusterTimeoutMs,
          cache,
        });
        const resources = new OmeResourceService({ client, clusters, cache });
        const writer = new OmeResourceWriter({
          client,
          reader: resources,
          cache,
        });
        const schemas = new KindSchemaService({ client });
        const importer = new ImportService({ client, writer });
        const importSources = new ImportSourceReader({ urlReader });
        const namespaceLabels = new NamespaceLabels({ client });
        const hubTokens = new HubTokenSecrets({
          client,
          writers: options.secretWriters,
        });
        const huggingFace = new HuggingFaceService({
          hub: new HuggingFaceHub(options.huggingFace),
          secrets: hubTokens,
          writer,
        });
        permissionsRegistry.addPermissions([omeSecretCreatePermission]);
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

        // Actions for automation (AI assistants through the MCP actions backend): the same
        // services and permission decisions as the HTTP routes, for the calling user.
        registerOmeActions(actionsRegistry, {
          access: new OmeAccess({
            authorizer: new OmeAuthorizer({
              permissions,
              ruleset: permissionsRegistry.getPermissionRuleset(
                omeResourcePermissionResourceRef,
              ),
              namespaceLabels,
              clusters,
            }),
            clusters,
            resources,
            writer,
          }),
          selection: new RuntimeSelectionService({ resources }),
          auditor: new WriteAuditor(auditor),
          ...(options.impersonation.size > 0 && {
            actingUser: credentials => actingUserOf(userInfo, credentials),
          }),
        });

        // The browser change stream: one hub per process, fed by the watch-backed cache.
        const events = new OmeEventHub({
          replayCapacity: config.getOptionalNumber('ome.stream.replayEvents'),
          heartbeatMs:
            (config.getOptionalNumber('ome.stream.heartbeatSeconds') ?? 15) *
            1000,
        });
        // Subscribed once the backend has started (the kubernetes plugin answers by then):
        // the cache's first sync fills the hub's view of every object before a tab connects.
        lifecycle.addStartupHook(() => events.start(cache));
        lifecycle.addShutdownHook(() => events.stop());

        httpRouter.use(
          await createRouter({
            events,
            httpAuth,
            permissions,
            ruleset: permissionsRegistry.getPermissionRuleset(
              omeResourcePermissionResourceRef,
            ),
            clusters,
            resources,
            writer,
            importer,
            importSources,
            schemas,
            huggingFace,
            hubTokens,
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
