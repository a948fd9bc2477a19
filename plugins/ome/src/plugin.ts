import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { omeApiFactory, omeChangeStreamApiFactory } from './api/factory';
import { rootRouteRef } from './routes';

/**
 * The OME plugin for Backstage's legacy frontend system.
 * For the new frontend system use the default export of `@ome-console/plugin-ome/alpha`.
 * @public
 */
export const omePlugin = createPlugin({
  id: 'ome',
  apis: [omeApiFactory, omeChangeStreamApiFactory],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The OME pages (legacy frontend system): `<Route path="/ome" element={<OmePage />} />`.
 * An overview of the eight OME kinds at the mount point; per kind a list, create, detail
 * and edit page below it (`/ome/<plural>/...`), and `/ome/import`.
 * @public
 */
export const OmePage: () => JSX.Element = omePlugin.provide(
  createRoutableExtension({
    name: 'OmePage',
    component: () =>
      import('./components/OmeRouter').then(m => m.OmePageRoot),
    mountPoint: rootRouteRef,
  }),
);
