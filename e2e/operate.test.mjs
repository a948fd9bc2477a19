// Browser test of the operate views: an InferenceService's Status tab (conditions, components,
// pods with the scheduler's reason for the pending one, events) and its Logs tab following new
// lines (through the apiserver's pods/log to the stand-in kubelet); a model's Nodes tab with the
// model-agent's per-node progress. Screenshots at 1280 and 1920 px: .local/e2e/operate-*.png
//
//   OME_E2E_BASE_URL=http://localhost:3000 OME_CONTROLPLANE_FILE=... node --test e2e/operate.test.mjs
//
// The demo objects come from the control plane's demo status writer; which service and model
// to open is read from the cluster itself (OME_CONTROLPLANE_FILE, set by `npm test`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { clusterClient } from '../controlplane/kube.mjs';
import { BASE_URL, launchBrowser, signIn } from './browser.mjs';
import { checkScreenAtWidths } from './screenChecks.mjs';

let browser;
let target;

before(async () => {
  const file = process.env.OME_CONTROLPLANE_FILE;
  assert.ok(
    file && fs.existsSync(file),
    'OME_CONTROLPLANE_FILE names the running control plane',
  );
  const cp = JSON.parse(fs.readFileSync(file, 'utf8'));
  const cluster = cp.clusters.find(c => c.name === 'ome-dev-a');
  const client = clusterClient(cluster);
  try {
    const pods = (
      await client.get('/api/v1/pods?labelSelector=ome.io%2Finferenceservice')
    ).items;
    assert.ok(pods.length > 0, 'demo pods exist');
    const pending = pods.find(p => p.status?.phase === 'Pending');
    assert.ok(pending, 'a Pending demo pod');
    const isvc = pending.metadata.labels['ome.io/inferenceservice'];
    const running = pods.find(
      p =>
        p.metadata.namespace === pending.metadata.namespace &&
        p.metadata.labels['ome.io/inferenceservice'] === isvc &&
        p.status?.phase === 'Running',
    );
    assert.ok(running, 'a Running pod beside the Pending one');
    const models = (await client.get('/apis/ome.io/v1beta1/clusterbasemodels'))
      .items;
    const moving = models.find(m => m.status?.state === 'In_Transit');
    assert.ok(moving, 'a model In_Transit');
    target = {
      namespace: pending.metadata.namespace,
      isvc,
      pending: pending.metadata.name,
      running: running.metadata.name,
      model: moving.metadata.name,
    };
  } finally {
    client.close();
  }
  browser = await launchBrowser({ viewport: { width: 1280, height: 1000 } });
});

after(async () => {
  await browser?.close();
});

/** The line numbers of the demo log lines shown. */
const shownLines = page =>
  page
    .getByTestId('ome-logs-output')
    .evaluate(el =>
      [...el.textContent.matchAll(/ line (\d+)/g)].map(m => Number(m[1])),
    );

test(
  'a service: why it is not ready, its pods and events, and logs that follow',
  { timeout: 300_000 },
  async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page);
    await page.goto(
      `${BASE_URL}/ome/inferenceservices/ome-dev-a/${target.namespace}/${target.isvc}`,
      { waitUntil: 'domcontentloaded' },
    );
    await page.getByTestId('ome-tab-status').click();
    await page.getByTestId('ome-operate-conditions').waitFor();
    const pods = page.getByTestId('ome-operate-pods');
    await pods.getByText(target.pending).waitFor();
    assert.match(await pods.innerText(), /Insufficient nvidia\.com\/gpu/);
    const events = page.getByTestId('ome-operate-events');
    await events.getByText('FailedScheduling').first().waitFor();
    await checkScreenAtWidths(page, 'operate-status');

    // logs of the running pod, then follow: new lines arrive without a reload
    await page.getByTestId(`ome-pod-logs-${target.running}`).click();
    const output = page.getByTestId('ome-logs-output');
    await output
      .getByText(/ line \d+/)
      .first()
      .waitFor();
    await page.getByTestId('ome-logs-follow').check({ force: true });
    await page.getByTestId('ome-logs-state').getByText('following').waitFor();
    const first = await shownLines(page);
    assert.ok(first.length > 0, 'log lines shown');
    await page.waitForFunction(
      last => {
        const text =
          document.querySelector('[data-testid="ome-logs-output"]')
            ?.textContent ?? '';
        const numbers = [...text.matchAll(/ line (\d+)/g)].map(m =>
          Number(m[1]),
        );
        return numbers.length > 0 && numbers[numbers.length - 1] >= last + 2;
      },
      Math.max(...first),
      { timeout: 60_000 },
    );
    await checkScreenAtWidths(page, 'operate-logs');
    await page.close();
  },
);

test(
  'a model: per-node download progress from the model-agent',
  { timeout: 180_000 },
  async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page);
    await page.goto(
      `${BASE_URL}/ome/clusterbasemodels/ome-dev-a/${target.model}`,
      { waitUntil: 'domcontentloaded' },
    );
    await page.getByTestId('ome-tab-nodes').click();
    const progress = page.getByTestId('ome-model-progress');
    await progress.getByText('Updating').first().waitFor();
    assert.match(await progress.innerText(), /\d+%/);
    await checkScreenAtWidths(page, 'operate-model');
    await page.close();
  },
);
