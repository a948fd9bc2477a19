import { installSecretSweep } from '@ome-console/plugin-ome-backend/src/__testUtils__/secretSweep';

// No response, log line or audit record of a test backend may hold a planted secret.
installSecretSweep();
