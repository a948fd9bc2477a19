import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { omeApiRef } from './OmeApi';
import { OmeClient } from './OmeClient';
import { omeChangeStreamApiRef } from './OmeChangeStreamApi';
import { OmeChangeStreamClient } from './OmeChangeStreamClient';

/** The OmeClient factory, for both frontend systems (`createPlugin` and `ApiBlueprint`). */
export const omeApiFactory = createApiFactory({
  api: omeApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new OmeClient({ discoveryApi, fetchApi }),
});

/** The tab's one change stream, for both frontend systems. */
export const omeChangeStreamApiFactory = createApiFactory({
  api: omeChangeStreamApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new OmeChangeStreamClient({ discoveryApi, fetchApi }),
});
