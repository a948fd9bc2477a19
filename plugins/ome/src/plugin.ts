import {
  createComponentExtension,
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

/**
 * The OME tab of a catalog entity (legacy frontend system): the InferenceServices behind it,
 * each with model, runtime, state in plain words, endpoint and replicas, linked to the OME
 * pages. In the entity page:
 * `<EntityLayout.Route path="/ome" title="OME" if={isOmeAvailable}><EntityOmeContent /></EntityLayout.Route>`.
 * @public
 */
export const EntityOmeContent: () => JSX.Element = omePlugin.provide(
  createComponentExtension({
    name: 'EntityOmeContent',
    component: {
      lazy: () =>
        import('./components/EntityOme').then(m => m.EntityOmeContent),
    },
  }),
);

/**
 * The OME card of a catalog entity's overview (legacy frontend system): its InferenceServices
 * with state and endpoint. Show it with `isOmeAvailable` (e.g. in an `EntitySwitch.Case`).
 * @public
 */
export const EntityOmeCard: () => JSX.Element = omePlugin.provide(
  createComponentExtension({
    name: 'EntityOmeCard',
    component: {
      lazy: () => import('./components/EntityOme').then(m => m.EntityOmeCard),
    },
  }),
);
