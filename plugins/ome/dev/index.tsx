import { createDevApp } from '@backstage/dev-utils';
import { omePlugin, OmePage } from '../src/plugin';

// `yarn workspace @ome-console/plugin-ome start`: the legacy-system page against a
// running backend (http://localhost:7007 by default, see the root app-config.yaml).
createDevApp()
  .registerPlugin(omePlugin)
  .addPage({
    element: <OmePage />,
    title: 'OME',
    path: '/ome',
  })
  .render();
