// Browser test of the OME models page in the running example app.
//
//   OME_E2E_BASE_URL=http://localhost:3000 node --test e2e/models.test.mjs
//
// Needs the example app running against the local control plane (seeded: ome-dev-a with
// OME's catalog, ome-dev-b with a subset plus `ome-dev-b-only-model`); `npm test -- browser`
// starts everything, runs this test and stops everything. Screenshot: .local/e2e/models.png
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_URL, OUT_DIR, launchBrowser } from './browser.mjs';

let browser;

before(async () => {
  browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
});

after(async () => {
  await browser?.close();
});

/** The table row whose name cell is exactly `name`, with its cells' texts. */
async function rowCells(page, name) {
  const row = page.locator('tr').filter({
    has: page.getByTestId('model-name').getByText(name, { exact: true }),
  });
  await row.first().waitFor({ timeout: 30_000 });
  const count = await row.count();
  const rows = [];
  for (let i = 0; i < count; i++) {
    rows.push(
      (await row.nth(i).locator('td').allInnerTexts()).map(t => t.trim()),
    );
  }
  return rows;
}

/** Waits until the cluster filter's menu (a MUI popover) has gone, fade-out included. */
async function closedMenu(page) {
  await page.locator('.MuiPopover-root').waitFor({ state: 'detached' });
}

async function search(page, text) {
  const box = page.getByPlaceholder('Filter');
  await box.fill(text);
}

test(
  'the OME models page lists models of both clusters',
  { timeout: 180_000 },
  async () => {
    const page = await browser.context.newPage();
    const dialogs = [];
    // Dev-mode guest sign-in asks for confirmation with window.confirm()
    page.on('dialog', async d => {
      dialogs.push(d.message());
      await d.accept();
    });

    await page.goto(`${BASE_URL}/ome`, { waitUntil: 'domcontentloaded' });

    // Guest sign-in (the app's default sign-in page)
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.waitFor({ timeout: 60_000 });
    await enter.click();

    // The nav shows OME (the sidebar's link to /ome; the logo link is named OME too and leads
    // to /); if sign-in landed elsewhere than /ome, that link leads there
    const omeLink = page.locator('a[href="/ome"]').first();
    await omeLink.waitFor({ timeout: 60_000 });
    if (new URL(page.url()).pathname !== '/ome') await omeLink.click();
    // ... and the page shows the models table
    await page
      .getByText(/Cluster base models \(\d+\)/)
      .waitFor({ timeout: 60_000 });

    // A model that exists only on cluster B
    await search(page, 'ome-dev-b-only-model');
    const bOnly = await rowCells(page, 'ome-dev-b-only-model');
    assert.equal(
      bOnly.length,
      1,
      `one row for ome-dev-b-only-model, got ${JSON.stringify(bOnly)}`,
    );
    assert.ok(
      bOnly[0].includes('ome-dev-b'),
      `cluster column of ${JSON.stringify(bOnly[0])}`,
    );
    assert.ok(!bOnly[0].includes('ome-dev-a'));

    // A catalog model on cluster A
    await search(page, 'phi-2');
    const phi = await rowCells(page, 'phi-2');
    assert.ok(
      phi.some(cells => cells.includes('ome-dev-a')),
      `a phi-2 row in cluster ome-dev-a, got ${JSON.stringify(phi)}`,
    );
    assert.ok(
      phi.some(cells => cells.includes('microsoft')),
      'vendor column',
    );

    // The cluster filter: only ome-dev-b's models
    await search(page, '');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="model-name"]').length > 5,
      undefined,
      { timeout: 30_000 },
    );
    await page.getByTestId('ome-cluster-filter').getByRole('button').click();
    await page
      .getByRole('listbox')
      .getByText('ome-dev-b', { exact: true })
      .click();
    await closedMenu(page);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('tbody tr')].every(
          tr => !tr.innerText.includes('ome-dev-a'),
        ),
      undefined,
      { timeout: 30_000 },
    );
    const clustersShown = await page
      .locator('tbody tr td:nth-child(2)')
      .allInnerTexts();
    assert.ok(clustersShown.length > 0, 'rows after filtering by ome-dev-b');
    assert.deepEqual(
      [...new Set(clustersShown.map(t => t.trim()))],
      ['ome-dev-b'],
    );
    await page.screenshot({ path: path.join(OUT_DIR, 'models-cluster-b.png') });

    // Back to all clusters for the main screenshot
    await page.getByTestId('ome-cluster-filter').getByRole('button').click();
    await page
      .getByRole('listbox')
      .getByText('All clusters', { exact: true })
      .click();
    await closedMenu(page);
    await page.getByText(/Cluster base models \((\d{2,})\)/).waitFor();
    await page.screenshot({ path: path.join(OUT_DIR, 'models.png') });
    console.log(
      `screenshots: ${OUT_DIR}/models.png, models-cluster-b.png; dialogs: ${JSON.stringify(
        dialogs,
      )}`,
    );
    await page.close();
  },
);
