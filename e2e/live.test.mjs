// Browser test of live updates: a status change made directly in the cluster appears on an
// open list, detail and overview page without a reload (the tab's one change stream).
//
//   OME_E2E_BASE_URL=http://localhost:3000 OME_CONTROLPLANE_FILE=.local/controlplane/controlplane.json \
//     node --test e2e/live.test.mjs
//
// Needs the example app against the local control plane; `npm test -- browser` starts
// everything (and sets OME_CONTROLPLANE_FILE). Screenshots: .local/e2e/live-*.png
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  OUT_DIR,
  launchBrowser,
  settled,
  signIn,
} from './browser.mjs';

const CLUSTER = 'ome-dev-a';
const NAMESPACE = 'team-a';
const NAME = `e2e-live-${Date.now().toString(36)}`;
const PATH = `/apis/ome.io/v1beta1/namespaces/${NAMESPACE}/inferenceservices`;

const info = JSON.parse(
  fs.readFileSync(process.env.OME_CONTROLPLANE_FILE ?? '', 'utf8'),
);
const cluster = info.clusters.find(c => c.name === CLUSTER);

/** A request straight to the apiserver as ome-admin: the change the console did not make. */
function kube(method, pathname, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(pathname, cluster.url),
      {
        method,
        ca: Buffer.from(cluster.caData, 'base64'),
        headers: {
          Authorization: `Bearer ${cluster.tokens['ome-admin']}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
      },
      res => {
        const chunks = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode,
            body: text ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

/** Sets the service's Ready condition through the status subresource, as OME would. */
async function setReady(status) {
  const current = (await kube('GET', `${PATH}/${NAME}`)).body;
  const res = await kube('PUT', `${PATH}/${NAME}/status`, {
    ...current,
    status: {
      conditions: [
        {
          type: 'Ready',
          status,
          lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        },
      ],
    },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

let browser;
let page;

before(async () => {
  const res = await kube('POST', PATH, {
    apiVersion: 'ome.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name: NAME, namespace: NAMESPACE },
    spec: {
      model: { name: 'e2e-live-model' },
      engine: { minReplicas: 1, maxReplicas: 1 },
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await setReady('True');
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  await signIn(page);
});

after(async () => {
  await browser?.close();
  await kube('DELETE', `${PATH}/${NAME}`).catch(() => undefined);
});

/** Marks the document; a reload would lose the mark. */
async function markDocument() {
  await page.evaluate(() => {
    window.__omeLiveMark = 'still-here';
  });
}
async function assertNotReloaded() {
  assert.equal(await page.evaluate(() => window.__omeLiveMark), 'still-here');
}

test(
  'a status change made in the cluster appears on an open list page without reload',
  { timeout: 180_000 },
  async () => {
    await page.goto(`${BASE_URL}/ome/inferenceservices?search=${NAME}`, {
      waitUntil: 'domcontentloaded',
    });
    const row = page.locator(`[data-testid="ome-row"][data-name="${NAME}"]`);
    await row
      .getByTestId('ome-state')
      .filter({ hasText: /^Ready$/ })
      .waitFor();
    await settled(page);
    await markDocument();
    await setReady('False');
    await row
      .getByTestId('ome-state')
      .filter({ hasText: /^NotReady$/ })
      .waitFor();
    await assertNotReloaded();
    await page.screenshot({ path: path.join(OUT_DIR, 'live-list.png') });
  },
);

test(
  'a status change made in the cluster appears on an open detail page without reload',
  { timeout: 180_000 },
  async () => {
    await page.goto(
      `${BASE_URL}/ome/inferenceservices/${CLUSTER}/${NAMESPACE}/${NAME}`,
      { waitUntil: 'domcontentloaded' },
    );
    await page
      .getByTestId('ome-detail-name')
      .filter({ hasText: NAME })
      .waitFor();
    const badge = page
      .getByTestId('ome-detail-page')
      .getByTestId('ome-state')
      .first();
    await badge.filter({ hasText: /^NotReady$/ }).waitFor();
    await markDocument();
    await setReady('True');
    await badge.filter({ hasText: /^Ready$/ }).waitFor();
    await assertNotReloaded();
    await page.screenshot({ path: path.join(OUT_DIR, 'live-detail.png') });
  },
);

test(
  'a status change made in the cluster moves the counts of the open overview without reload',
  { timeout: 180_000 },
  async () => {
    await page.goto(`${BASE_URL}/ome`, { waitUntil: 'domcontentloaded' });
    const card = page.getByTestId('ome-kind-inferenceservices');
    await card.waitFor();
    await settled(page);
    const readCounts = () =>
      card.evaluate(el => {
        const text = el.textContent ?? '';
        const n = label =>
          Number(
            (new RegExp(`(?:^|[^A-Za-z])${label}:\\s*(\\d+)`).exec(text) ??
              [])[1] ?? 0,
          );
        return { ready: n('Ready'), notReady: n('NotReady') };
      });
    const before = await readCounts();
    assert.ok(
      before.ready > 0,
      `the overview shows ready services: ${JSON.stringify(before)}`,
    );
    await markDocument();
    await setReady('False');
    await page.waitForFunction(
      ([want]) => {
        const el = document.querySelector(
          '[data-testid="ome-kind-inferenceservices"]',
        );
        const m = /(?:^|[^A-Za-z])NotReady:\s*(\d+)/.exec(
          el?.textContent ?? '',
        );
        return Number(m?.[1] ?? 0) === want;
      },
      [before.notReady + 1],
    );
    const afterCounts = await readCounts();
    assert.deepEqual(afterCounts, {
      ready: before.ready - 1,
      notReady: before.notReady + 1,
    });
    await assertNotReloaded();
    await page.screenshot({ path: path.join(OUT_DIR, 'live-overview.png') });
  },
);
