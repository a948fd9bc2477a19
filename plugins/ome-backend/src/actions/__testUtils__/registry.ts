import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { registerOmeActions } from '..';
import { OmeActionServices } from '../types';

/**
 * The OME actions in the test actions registry over stubbed services (unit tests of the
 * actions' schemas and wiring; the real services are exercised by actions.integration.test.ts).
 */
export function omeActionsWith(services: Partial<OmeActionServices> = {}) {
  const registry = actionsRegistryServiceMock({
    logger: mockServices.logger.mock(),
  });
  const stub = {
    access: {},
    selection: {},
    auditor: {
      audited: (
        _id: string,
        _req: unknown,
        _meta: unknown,
        run: () => unknown,
      ) => run(),
    },
    ...services,
  } as unknown as OmeActionServices;
  registerOmeActions(registry, stub);
  return {
    invoke: (
      name: string,
      input: Parameters<typeof registry.invoke>[0]['input'],
    ) =>
      registry.invoke({
        id: `test:${name}`,
        input,
        credentials: mockCredentials.user(),
      }),
  };
}

/** The messages of an input rejection (the registry's InputError carries zod's issues). */
export async function rejectionOf(result: Promise<unknown>): Promise<string[]> {
  const error = await result.then(
    () => {
      throw new Error('expected the input to be rejected');
    },
    e => e,
  );
  expect(error.name).toBe('InputError');
  // Schema rejections carry zod's issues; the actions' own checks say it in the message.
  const issues = (error.cause?.issues ?? []) as Array<{ message: string }>;
  return issues.length ? issues.map(i => i.message) : [error.message];
}
