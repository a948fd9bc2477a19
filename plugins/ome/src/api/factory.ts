import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { omeApiRef } from './OmeApi';
import { OmeClient } from './OmeClient';

/** The OmeClient factory, for both frontend systems (`createPlugin` and `ApiBlueprint`). */
export const omeApiFactory = createApiFactory({
  api: omeApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new OmeClient({ discoveryApi, fetchApi }),
});
