// Browser test of the OME models in the running example app: the overview counts them, the
// ClusterBaseModel list finds them on both clusters and filters by cluster.
//
//   OME_E2E_BASE_URL=http://localhost:3000 node --test e2e/models.test.mjs
//
// Needs the example app running against the local control plane (seeded: ome-dev-a with
// OME's catalog, ome-dev-b with a subset plus `ome-dev-b-only-model`); `npm test -- browser`
// starts everything, runs this test and stops everything. Screenshot: .local/e2e/models.png
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  OUT_DIR,
  launchBrowser,
  settled,
  signIn,
} from './browser.mjs';

let browser;

before(async () => {
  browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
});

after(async () => {
  await browser?.close();
});

/** The shown rows' cell texts, once a row named `name` (if given) is shown. */
async function rows(page, name) {
  const first = name
    ? page.locator(`[data-testid="ome-row"][data-name="${name}"]`)
    : page.locator('[data-testid="ome-row"], [data-testid="ome-empty"]');
  await first.first().waitFor({ timeout: 60_000 });
  await settled(page);
  const shown = page.getByTestId('ome-row');
  const all = [];
  for (let i = 0; i < (await shown.count()); i++) {
    all.push(
      (await shown.nth(i).locator('td').allInnerTexts()).map(t => t.trim()),
    );
  }
  return all;
}

/** Waits until every shown row is on one of `clusters` (the list refetches after a filter). */
async function rowsOnClusters(page, clusters) {
  await page.waitForFunction(
    want => {
      const shown = [...document.querySelectorAll('[data-testid="ome-row"]')];
      const on = new Set(
        shown.map(r => r.querySelector('td:last-child')?.textContent?.trim()),
      );
      return (
        shown.length > 0 &&
        on.size === want.length &&
        want.every(c => on.has(c))
      );
    },
    clusters,
    { timeout: 60_000 },
  );
  return rows(page);
}

/** Searches the list (server side, debounced) and waits for the URL to carry it. */
async function search(page, text) {
  await page.getByLabel('Search').fill(text);
  await page.waitForFunction(
    t => (new URL(location.href).searchParams.get('search') ?? '') === t,
    text,
  );
  await settled(page);
}

test(
  'the OME overview counts models and the model list shows both clusters',
  { timeout: 180_000 },
  async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page);
    if (new URL(page.url()).pathname !== '/ome') {
      await page.goto(`${BASE_URL}/ome`, { waitUntil: 'domcontentloaded' });
    }

    // the overview counts the cluster base models of both clusters (one /counts request)
    const card = page.getByTestId('ome-kind-clusterbasemodels');
    await card
      .getByTestId('ome-kind-total')
      .filter({ hasText: /^\d{2,}$/ })
      .waitFor({ timeout: 60_000 });

    await card.getByText('View', { exact: true }).click();
    await page.getByTestId('ome-list-page').waitFor();

    // a model that exists only on cluster B
    await search(page, 'ome-dev-b-only-model');
    const bOnly = (await rows(page, 'ome-dev-b-only-model')).filter(cells =>
      cells.includes('ome-dev-b-only-model'),
    );
    assert.equal(
      bOnly.length,
      1,
      `one row for ome-dev-b-only-model, got ${JSON.stringify(bOnly)}`,
    );
    assert.equal(
      bOnly[0].at(-1),
      'ome-dev-b',
      `cluster column of ${JSON.stringify(bOnly[0])}`,
    );

    // a catalog model on cluster A, with its vendor
    await search(page, 'phi-2');
    const phi = (await rows(page, 'phi-2')).filter(cells =>
      cells.includes('phi-2'),
    );
    assert.ok(
      phi.some(cells => cells.at(-1) === 'ome-dev-a'),
      `a phi-2 row on ome-dev-a, got ${JSON.stringify(phi)}`,
    );
    assert.ok(
      phi.some(cells => cells.includes('microsoft')),
      'vendor column',
    );

    // the cluster filter: only ome-dev-b's models
    await search(page, '');
    await page.getByRole('checkbox', { name: 'ome-dev-b' }).check();
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('cluster') === 'ome-dev-b',
    );
    const bRows = await rowsOnClusters(page, ['ome-dev-b']);
    assert.ok(bRows.length > 0, 'rows after filtering by ome-dev-b');
    assert.deepEqual(
      [...new Set(bRows.map(cells => cells.at(-1)))],
      ['ome-dev-b'],
    );
    await page.screenshot({ path: path.join(OUT_DIR, 'models-cluster-b.png') });

    await page.getByRole('checkbox', { name: 'ome-dev-b' }).uncheck();
    await page.waitForFunction(
      () => !new URL(location.href).searchParams.get('cluster'),
    );
    const allRows = await rowsOnClusters(page, ['ome-dev-a', 'ome-dev-b']);
    assert.ok(
      new Set(allRows.map(cells => cells.at(-1))).size === 2,
      'both clusters without a filter',
    );
    await page.screenshot({ path: path.join(OUT_DIR, 'models.png') });
    await page.close();
  },
);
