/*
 * Example Backstage backend for the OME console (shape of `@backstage/create-app`).
 * Plugins: app, auth (guest), catalog (with OME's entity provider), scaffolder (with OME's
 * template actions), permission (OME's example policy), kubernetes, OME.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth plugin, with the guest provider for local development
// See https://backstage.io/docs/auth/guest/provider
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Template entities in the catalog (the scaffolder's templates)
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// OME objects as catalog entities (catalog.providers.ome in app-config.yaml)
backend.add(import('@ome-console/plugin-catalog-backend-module-ome'));

// scaffolder plugin, with OME's template actions (ome:inference-service:create, ome:model:create)
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@ome-console/plugin-scaffolder-backend-module-ome'));

// permission plugin, with OME's example policy (./omePolicy.ts): ome-admins do everything,
// teams write in namespaces labelled `ome.io/team: <team>`, everyone else reads
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./omePolicy'));

// kubernetes plugin: holds the cluster credentials, the OME backend reaches clusters through it
backend.add(import('@backstage/plugin-kubernetes-backend'));

// OME plugin
backend.add(import('@ome-console/plugin-ome-backend'));

backend.start();
