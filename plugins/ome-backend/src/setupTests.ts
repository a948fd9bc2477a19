import { installSecretSweep } from './__testUtils__/secretSweep';

// No response, log line or audit record of a test backend may hold a planted secret.
installSecretSweep();
