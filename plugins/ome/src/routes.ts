import { createRouteRef } from '@backstage/core-plugin-api';

/** The OME plugin's root page (the models list). @public */
export const rootRouteRef = createRouteRef({ id: 'ome' });
