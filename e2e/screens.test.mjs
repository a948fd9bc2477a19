// Browser check of the OME screens at 1280, 1440 and 1920 px: on the overview, every kind's
// list, a detail page, the editor and its diff review, no table header or cell takes more
// than one line (no word broken letter by letter, rows one line tall) and no form label is
// drawn over its value. The 1440 px screenshots are the README's pictures (docs/images).
//
//   OME_E2E_BASE_URL=http://localhost:3000 node --test e2e/screens.test.mjs
//
// Needs the example app against the seeded local control plane; `npm test -- browser`
// starts everything. Screenshots: .local/e2e/screens-<width>-<screen>.png
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

const PLURALS = [
  'clusterbasemodels',
  'basemodels',
  'clusterservingruntimes',
  'servingruntimes',
  'inferenceservices',
  'acceleratorclasses',
  'benchmarkjobs',
  'finetunedweights',
];

/** Measures the shown screen; fails naming every broken cell and covered value. */
async function checkScreen(page, width, name) {
  await page.screenshot({
    path: path.join(OUT_DIR, `screens-${width}-${name}.png`),
    fullPage: true,
  });
  const cells = await page.evaluate(brokenTableCells);
  const labels = await page.evaluate(labelsOverValues);
  const wide = await page.evaluate(tablesWiderThanPage);
  assert.deepEqual(
    cells,
    [],
    `${name} at ${width} px: cells on more than one line`,
  );
  assert.deepEqual(
    wide,
    [],
    `${name} at ${width} px: tables wider than their container (columns hidden off to the right)`,
  );
  assert.deepEqual(
    labels,
    [],
    `${name} at ${width} px: labels over their field's value`,
  );
}

async function openList(page, plural) {
  await page.goto(`${BASE_URL}/ome/${plural}`, {
    waitUntil: 'domcontentloaded',
  });
  await page.getByTestId('ome-list-page').waitFor();
  await page
    .locator('[data-testid="ome-row"], [data-testid="ome-empty"]')
    .first()
    .waitFor({ timeout: 60_000 });
  await settled(page);
}

for (const width of [1280, 1440, 1920]) {
  describe(`screens at ${width} px`, () => {
    let browser;
    let page;

    before(async () => {
      browser = await launchBrowser({ viewport: { width, height: 1000 } });
      page = await browser.context.newPage();
      page.setDefaultTimeout(30_000);
      await signIn(page);
    });

    after(async () => {
      await browser?.close();
    });

    test('the overview', { timeout: 120_000 }, async () => {
      await page.goto(`${BASE_URL}/ome`, { waitUntil: 'domcontentloaded' });
      await page
        .getByTestId('ome-kind-inferenceservices')
        .waitFor({ timeout: 60_000 });
      await settled(page);
      await checkScreen(page, width, 'overview');
    });

    for (const plural of PLURALS) {
      test(`the ${plural} list`, { timeout: 120_000 }, async () => {
        await openList(page, plural);
        await checkScreen(page, width, plural);
      });
    }

    test('a detail page and the editor', { timeout: 180_000 }, async () => {
      await openList(page, 'inferenceservices');
      const first = page.getByTestId('ome-row-name').first();
      await first.waitFor();
      await first.click();
      await page.getByTestId('ome-detail-name').waitFor();
      await settled(page);
      await checkScreen(page, width, 'detail');

      await page.getByTestId('ome-edit').click();
      await page.getByTestId('ome-editor').waitFor();
      await settled(page);
      await checkScreen(page, width, 'editor');

      // the create form: every select still empty
      await page.goto(`${BASE_URL}/ome/inferenceservices/new`, {
        waitUntil: 'domcontentloaded',
      });
      await page.getByTestId('ome-editor').waitFor();
      await settled(page);
      await checkScreen(page, width, 'create');
    });

    test(
      'the diff review of an edit (a dry run: nothing is written)',
      { timeout: 180_000 },
      async () => {
        await openList(page, 'clusterservingruntimes');
        await page.getByTestId('ome-row-name').first().click();
        await page.getByTestId('ome-detail-name').waitFor();
        await page.getByTestId('ome-edit').click();
        await page.getByTestId('ome-editor').waitFor();
        await settled(page);
        await page.locator('#ome-form-spec-modelSizeRange-max').fill('999B');
        await page.getByTestId('ome-review').click();
        await page
          .getByTestId('ome-diff')
          .or(page.getByTestId('ome-error'))
          .first()
          .waitFor({ timeout: 60_000 });
        assert.equal(
          await page.getByTestId('ome-error').count(),
          0,
          'the dry run answered',
        );
        await checkScreen(page, width, 'review');
      },
    );
  });
}
