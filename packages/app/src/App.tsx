import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import omePlugin from '@ome-console/plugin-ome/alpha';
import { navModule } from './modules/nav';

// Features are listed explicitly (no `app.packages: all` discovery), so installing
// OME is exactly one line: add `omePlugin` from '@ome-console/plugin-ome/alpha'.
export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    userSettingsPlugin,
    navModule,
    omePlugin,
  ],
});
