/*
 * The example app's permission policy: OME's example policy (see OmeExamplePolicy in
 * @ome-console/plugin-ome-backend) installed into the permission backend.
 *
 * - members of group ome-admins may do everything (the dev guest is one, see examples/org.yaml);
 * - members of a team may write in namespaces labelled `ome.io/team: <team>`;
 * - everyone else reads. Permissions of other plugins are allowed.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { OmeExamplePolicy } from '@ome-console/plugin-ome-backend';

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'ome-example-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(
          new OmeExamplePolicy({
            userInfo,
            adminGroups: ['group:default/ome-admins'],
            teamLabel: 'ome.io/team',
          }),
        );
      },
    });
  },
});
