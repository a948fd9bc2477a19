// Browser test of the OME dashboard (/ome): per cluster the four model cards, the "needs
// attention" list (the demo status writer fails one model per cluster, so its services are
// not ready) with working links, the kinds counted per cluster; screen checks at 1280 and
// 1920 px.
//
//   OME_E2E_BASE_URL=http://localhost:3000 node --test e2e/dashboard.test.mjs
//
// Needs the example app against the seeded local control plane; `npm test -- browser`
// starts everything. Screenshots: .local/e2e/dashboard-<width>.png
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL,
  OUT_DIR,
  launchBrowser,
  settled,
  signIn,
} from './browser.mjs';
import {
  brokenTableCells,
  labelsOverValues,
  tablesWiderThanPage,
} from './screenChecks.mjs';

/** The four figures of a cluster's model cards: [total, ready, in transit, failed]. */
async function modelFigures(page, cluster) {
  const cards = page.getByTestId(`ome-model-cards-${cluster}`);
  await cards
    .getByTestId('ome-model-card-value')
    .first()
    .filter({ hasText: /^\d+$/ })
    .waitFor({ timeout: 60_000 });
  const values = await cards
    .getByTestId('ome-model-card-value')
    .allInnerTexts();
  return values.map(Number);
}

async function openDashboard(page) {
  await page.goto(`${BASE_URL}/ome`, { waitUntil: 'domcontentloaded' });
  await page
    .getByTestId('ome-attention-item')
    .first()
    .waitFor({ timeout: 60_000 });
  await settled(page);
}

describe('the OME dashboard', () => {
  let browser;
  let page;

  before(async () => {
    browser = await launchBrowser({ viewport: { width: 1440, height: 1000 } });
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page);
  });

  after(async () => {
    await browser?.close();
  });

  test(
    'shows the four model cards of each cluster',
    { timeout: 180_000 },
    async () => {
      await openDashboard(page);
      for (const cluster of ['ome-dev-a', 'ome-dev-b']) {
        const [total, ready, inTransit, failed] = await modelFigures(
          page,
          cluster,
        );
        assert.ok(total > 0, `${cluster} has models`);
        assert.ok(ready > 0, `${cluster} has ready models`);
        // the demo status writer fails exactly one ClusterBaseModel per cluster
        assert.ok(failed >= 1, `${cluster}: a failed model`);
        assert.ok(
          ready + inTransit + failed <= total,
          `${cluster}: parts of the total`,
        );
      }
      // the kinds, counted per cluster
      const isvc = page.getByTestId('ome-kind-inferenceservices');
      await isvc.getByTestId('ome-kind-cluster-ome-dev-a').waitFor();
      await isvc.getByTestId('ome-kind-cluster-ome-dev-b').waitFor();
    },
  );

  test(
    'lists what needs attention with reasons, and its links open the objects',
    { timeout: 180_000 },
    async () => {
      await openDashboard(page);
      const entries = page.getByTestId('ome-attention-item');
      const reasons = await entries.evaluateAll(els =>
        els.map(e => e.getAttribute('data-reason')),
      );
      assert.ok(reasons.length > 0, 'entries');
      assert.ok(reasons.includes('model-failed'), `reasons: ${reasons}`);
      assert.ok(reasons.includes('service-not-ready'), `reasons: ${reasons}`);
      const notReady = entries.filter({
        hasText: 'Not ready: the model is not ready',
      });
      assert.ok(
        (await notReady.count()) > 0,
        'a service with its reason in plain words',
      );

      const failed = page
        .locator(
          '[data-testid="ome-attention-item"][data-reason="model-failed"]',
        )
        .first();
      const link = failed.getByRole('link').first();
      const name = (await link.innerText()).trim();
      const href = await link.getAttribute('href');
      assert.match(href, /^\/ome\/clusterbasemodels\/ome-dev-[ab]\//);
      await link.click();
      await page.waitForURL(`**${href}`);
      const title = page.getByTestId('ome-detail-name');
      await title.waitFor({ timeout: 60_000 });
      assert.equal((await title.innerText()).trim(), name);
    },
  );

  for (const width of [1280, 1920]) {
    test(
      `passes the screen checks at ${width} px`,
      { timeout: 120_000 },
      async () => {
        await page.setViewportSize({ width, height: 1000 });
        await openDashboard(page);
        await page.screenshot({
          path: path.join(OUT_DIR, `dashboard-${width}.png`),
          fullPage: true,
        });
        assert.deepEqual(await page.evaluate(brokenTableCells), []);
        assert.deepEqual(await page.evaluate(tablesWiderThanPage), []);
        assert.deepEqual(await page.evaluate(labelsOverValues), []);
      },
    );
  }
});
