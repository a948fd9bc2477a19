/*
 * The backend under test of `npm run bench`: a real Backstage backend (backend-defaults'
 * createBackend, the app's core services) with only the kubernetes backend plugin and the OME
 * backend plugin, started by bench/env.mjs as a child process:
 *
 *   node --expose-gc --require @backstage/cli-node/config/nodeTransform.cjs bench/backend.cjs --config <file>
 *
 * (the transform is what `backstage-cli package start` uses to run the plugins' TypeScript
 * sources). Callers authenticate with a static external-access token from that config.
 *
 * The bench's only hook into the process is its IPC channel, never an HTTP route:
 * `{ type: 'memory' }` answers the memory after forced garbage collections.
 */
const { createBackend } = require('@backstage/backend-defaults');

const backend = createBackend();
backend.add(Promise.resolve(require('@backstage/plugin-kubernetes-backend')));
backend.add(Promise.resolve(require('@ome-console/plugin-ome-backend')));

process.on('message', message => {
  if (!message || message.type !== 'memory') return;
  if (typeof global.gc !== 'function') {
    process.send({ type: 'memory', error: 'the backend runs without --expose-gc' });
    return;
  }
  // Twice: the first collection can leave objects that only a second one frees (weak
  // references, finalizers), and a single one makes the figure jumpier.
  global.gc();
  global.gc();
  const usage = process.memoryUsage();
  process.send({ type: 'memory', usage });
});

// The bench (the parent) went away without stopping us: do not outlive it.
process.on('disconnect', () => process.exit(0));

backend.start().then(
  () => process.send?.({ type: 'started' }),
  err => {
    console.error(err);
    process.exit(1);
  },
);
