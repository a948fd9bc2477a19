import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { KubernetesProxyClient } from '../service/KubernetesProxyClient';
import { ActingUser } from '../service/impersonation';

/**
 * The registry as the OME actions see it: every action runs with its caller as the acting
 * user of its cluster requests, so that clusters with impersonation see the Backstage user
 * (the HTTP routes do the same in the router). Without this, an action's writes would reach
 * an impersonating cluster as the OME backend itself and skip the cluster's RBAC for the user.
 */
export function actAsCaller(
  registry: ActionsRegistryService,
  actingUser: (
    credentials: BackstageCredentials,
  ) => Promise<ActingUser | undefined>,
): ActionsRegistryService {
  return {
    register(options) {
      registry.register({
        ...options,
        action: async context =>
          KubernetesProxyClient.runAs(
            await actingUser(context.credentials),
            () => options.action(context),
          ),
      });
    },
  };
}
