// Browser check of runtime selection (issue 10) at 1280 and 1920 px: a ClusterBaseModel's
// Runtimes tab ranks the runtimes with a verdict and a reason for each excluded one, and a
// ClusterServingRuntime's Models tab lists models; no cell on two lines, no table wider than
// the page, long reasons cut with the full text on hover.
//
//   OME_E2E_BASE_URL=http://localhost:3000 node --test e2e/runtimes.test.mjs
//
// Needs the example app against the seeded local control plane; `npm test -- browser`
// starts everything. Screenshots: .local/e2e/runtimes-<width>-<screen>.png
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
import { brokenTableCells, tablesWiderThanPage } from './screenChecks.mjs';

/** A catalog model and the runtime OME made for it (both on ome-dev-a). */
const MODEL = 'llama-3-2-1b-instruct';
const RUNTIME = 'vllm-llama-3-2-1b-instruct';

async function checkScreen(page, width, name) {
  await page.screenshot({
    path: path.join(OUT_DIR, `runtimes-${width}-${name}.png`),
    fullPage: true,
  });
  assert.deepEqual(
    await page.evaluate(brokenTableCells),
    [],
    `${name} at ${width} px: cells on more than one line`,
  );
  assert.deepEqual(
    await page.evaluate(tablesWiderThanPage),
    [],
    `${name} at ${width} px: tables wider than their container`,
  );
}

for (const width of [1280, 1920]) {
  describe(`runtime selection at ${width} px`, () => {
    let browser;
    let page;
    before(async () => {
      browser = await launchBrowser({ viewport: { width, height: 1000 } });
      page = await browser.context.newPage();
      await signIn(page);
    });
    after(async () => {
      await browser?.close();
    });

    test(
      "a model's Runtimes tab ranks the runtimes and says why not",
      { timeout: 180_000 },
      async () => {
        await page.goto(
          `${BASE_URL}/ome/clusterbasemodels/ome-dev-a/${MODEL}`,
          { waitUntil: 'domcontentloaded' },
        );
        await page.getByTestId('ome-detail-name').waitFor({ timeout: 60_000 });
        await page.getByRole('tab', { name: 'Runtimes' }).click();
        await page
          .getByTestId('ome-runtime-candidate')
          .first()
          .waitFor({ timeout: 60_000 });
        await settled(page);
        const winner = await page
          .getByTestId('ome-selection-winner')
          .innerText();
        assert.match(winner, /OME picks/);
        const rows = page.getByTestId('ome-runtime-candidate');
        const count = await rows.count();
        assert.ok(count > 100, `runtimes listed: ${count}`);
        // every row but a winner says why, with the whole reason on hover
        const reasons = await page
          .getByTestId('ome-runtime-reason')
          .evaluateAll(cells =>
            cells.map(
              c => c.querySelector('[title]')?.getAttribute('title') ?? '',
            ),
          );
        const withoutReason = reasons.filter(r => !r);
        assert.ok(
          withoutReason.length <= 1,
          `rows without a reason: ${withoutReason.length}`,
        );
        assert.ok(
          reasons.some(r =>
            /runtime needs|not known yet|outside|autoSelect/.test(r),
          ),
          'plain-word reasons',
        );
        await checkScreen(page, width, 'model');
      },
    );

    test(
      "a runtime's Models tab lists the models it can serve",
      { timeout: 180_000 },
      async () => {
        await page.goto(
          `${BASE_URL}/ome/clusterservingruntimes/ome-dev-a/${RUNTIME}`,
          { waitUntil: 'domcontentloaded' },
        );
        await page.getByTestId('ome-detail-name').waitFor({ timeout: 60_000 });
        await page.getByRole('tab', { name: 'Models' }).click();
        await page
          .getByTestId('ome-runtime-models-summary')
          .waitFor({ timeout: 60_000 });
        await settled(page);
        assert.match(
          await page.getByTestId('ome-runtime-models-summary').innerText(),
          /Can serve \d+ of \d+ models/,
        );
        assert.ok((await page.getByTestId('ome-runtime-model').count()) > 100);
        await checkScreen(page, width, 'runtime');
      },
    );
  });
}
