import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { registerOmeActions } from '.';
import { KubernetesProxyClient } from '../service/KubernetesProxyClient';
import { actingUserOf, ActingUser } from '../service/impersonation';
import { OmeActionServices } from './types';
import { actAsCaller } from './actAsCaller';

const userInfo = mockServices.userInfo({
  ownershipEntityRefs: ['user:default/alice', 'group:default/team-a'],
});
const actingUser = (c: Parameters<typeof actingUserOf>[1]) =>
  actingUserOf(userInfo, c);

describe('actAsCaller', () => {
  it("runs every action with its caller as the acting user of the action's cluster requests", async () => {
    const registry = actionsRegistryServiceMock({
      logger: mockServices.logger.mock(),
    });
    const seen: Array<ActingUser | undefined> = [];
    actAsCaller(registry, actingUser).register({
      name: 'who',
      title: 'who',
      description: 'records the acting user',
      schema: { input: z => z.object({}), output: z => z.object({}) },
      action: async () => {
        // after an await, as a real action's cluster requests are
        await Promise.resolve();
        seen.push(KubernetesProxyClient.actingUser());
        return { output: {} };
      },
    });
    await registry.invoke({
      id: 'test:who',
      input: {},
      credentials: mockCredentials.user('user:default/alice'),
    });
    await registry.invoke({
      id: 'test:who',
      input: {},
      credentials: mockCredentials.service('plugin:mcp-actions'),
    });
    expect(seen).toEqual([
      {
        userEntityRef: 'user:default/alice',
        ownershipEntityRefs: ['user:default/alice', 'group:default/team-a'],
      },
      undefined,
    ]);
  });
});

describe('registerOmeActions', () => {
  /** The acting user seen by the services of `list-models`, registered with or without `actingUser`. */
  async function actingUserSeenByListModels(
    withActingUser: boolean,
  ): Promise<Array<ActingUser | undefined>> {
    const registry = actionsRegistryServiceMock({
      logger: mockServices.logger.mock(),
    });
    const seen: Array<ActingUser | undefined> = [];
    registerOmeActions(registry, {
      access: {
        listReadable: async () => {
          seen.push(KubernetesProxyClient.actingUser());
          return { items: [], errors: [] };
        },
      },
      selection: {},
      auditor: {},
      ...(withActingUser && { actingUser }),
    } as unknown as OmeActionServices);
    await registry.invoke({
      id: 'test:list-models',
      input: {},
      credentials: mockCredentials.user('user:default/alice'),
    });
    return seen;
  }

  it('wraps every OME action so that impersonating clusters see the calling user', async () => {
    const seen = await actingUserSeenByListModels(true);
    expect(seen.length).toBe(2); // both model kinds
    for (const user of seen) {
      expect(user?.userEntityRef).toBe('user:default/alice');
    }
  });

  it('acts as the OME backend when no cluster impersonates', async () => {
    const seen = await actingUserSeenByListModels(false);
    expect(seen).toEqual([undefined, undefined]);
  });
});
