/**
 * The OME plugin for Backstage's new frontend system.
 *
 * ```ts
 * import omePlugin from '@ome-console/plugin-ome/alpha';
 * createApp({ features: [omePlugin] });
 * ```
 *
 * @packageDocumentation
 */
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  omeApi,
  omeChangeStreamApi,
  omeEntityCard,
  omeEntityContent,
  omePage,
  omeRouteRef,
} from './alpha/extensions';

export {
  omeApi,
  omeChangeStreamApi,
  omeEntityCard,
  omeEntityContent,
  omePage,
  omeRouteRef,
} from './alpha/extensions';

/** @alpha */
const omePlugin = createFrontendPlugin({
  pluginId: 'ome',
  title: 'OME',
  extensions: [
    omeApi,
    omeChangeStreamApi,
    omePage,
    omeEntityContent,
    omeEntityCard,
  ],
  routes: {
    root: omeRouteRef,
  },
});

export default omePlugin;
