import { createRouteRef } from '@backstage/core-plugin-api';

/** The OME console's root page: the overview of all kinds, with every page below it. @public */
export const rootRouteRef = createRouteRef({ id: 'ome' });
