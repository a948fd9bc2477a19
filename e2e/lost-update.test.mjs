// Browser test of the editor's lost update: two tabs open the same object's editor; tab A
// saves a change; tab B (a stale draft) saves another, gets the conflict, applies its own
// edits on top of the live version and saves: both changes are in the object.
//
//   OME_E2E_BASE_URL=http://localhost:3000 node --test e2e/lost-update.test.mjs
//
// Needs the example app against the local control plane; `npm test -- browser` starts
// everything. Screenshots: .local/e2e/lost-update-*.png
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_URL, OUT_DIR, launchBrowser } from './browser.mjs';

const CLUSTER = 'ome-dev-a';
const STAMP = Date.now().toString(36);
const NAME = `e2e-lost-update-${STAMP}`;
const DETAIL = `/ome/clusterservingruntimes/${CLUSTER}/${NAME}`;

let browser;
let tabA;
let tabB;
let createdObject = false;

async function signIn(page) {
  page.setDefaultTimeout(30_000);
  page.on('dialog', d => d.accept()); // dev guest sign-in confirms with window.confirm()
  await page.goto(`${BASE_URL}/ome`, { waitUntil: 'domcontentloaded' });
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.or(page.locator('a[href="/ome"]').first()).first().waitFor({ timeout: 90_000 });
  if (await enter.isVisible()) await enter.click();
  await page.locator('a[href="/ome"]').first().waitFor({ timeout: 60_000 });
}

async function failOnError(page, step) {
  const error = page.getByTestId('ome-error');
  if ((await error.count()) > 0) {
    await page.screenshot({ path: path.join(OUT_DIR, `lost-update-error-${STAMP}.png`) });
    throw new Error(`${step}: ${(await error.first().innerText()).replace(/\s+/g, ' ')}`);
  }
}

/** Review (dry run), read the diff, confirm, and wait for the detail page. */
async function reviewAndConfirm(page) {
  await page.getByTestId('ome-review').click();
  await page.getByTestId('ome-diff').or(page.getByTestId('ome-error')).first().waitFor();
  await failOnError(page, 'dry run');
  const clean = ts => ts.map(t => t.replace(/^[+-]\s/, '').trim()).filter(Boolean);
  const diff = {
    added: clean(await page.getByTestId('ome-diff-add').allInnerTexts()),
    removed: clean(await page.getByTestId('ome-diff-remove').allInnerTexts()),
  };
  await page.getByTestId('ome-confirm').click();
  await page.getByTestId('ome-detail-name').filter({ hasText: NAME }).or(page.getByTestId('ome-error')).first().waitFor();
  await failOnError(page, 'save');
  return diff;
}

async function openEditor(page) {
  await page.goto(`${BASE_URL}${DETAIL}/edit`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('ome-editor').waitFor();
}

before(async () => {
  browser = await launchBrowser({ viewport: { width: 1600, height: 1100 } });
  tabA = await browser.context.newPage();
  await signIn(tabA);
  tabB = await browser.context.newPage();
  tabB.setDefaultTimeout(30_000);
});

after(async () => {
  if (createdObject) {
    try {
      await tabA.goto(`${BASE_URL}${DETAIL}`, { waitUntil: 'domcontentloaded' });
      await tabA.getByTestId('ome-delete').click();
      await tabA.getByTestId('ome-confirm-delete').click();
      await tabA.getByTestId('ome-list-page').waitFor({ timeout: 15_000 });
    } catch {
      console.log(`could not delete ${DETAIL}`);
    }
  }
  await browser?.close();
});

test('a stale draft re-applies its own edits on the live version: both writers’ changes are saved', { timeout: 300_000 }, async () => {
  // the object
  await tabA.goto(`${BASE_URL}/ome/clusterservingruntimes/new`, { waitUntil: 'domcontentloaded' });
  await tabA.getByTestId('ome-editor').waitFor();
  await tabA.locator('#ome-editor-cluster').selectOption(CLUSTER);
  await tabA.locator('#ome-form-metadata-name').fill(NAME);
  await tabA.locator('#ome-form-spec-modelSizeRange-min').fill('1B');
  await tabA.locator('#ome-form-spec-modelSizeRange-max').fill('9B');
  await tabA.locator('#ome-form-spec-protocolVersions').fill('openAI');
  createdObject = true;
  await reviewAndConfirm(tabA);

  // both tabs open the editor on the same version
  await openEditor(tabB);
  await openEditor(tabA);

  // A saves first
  await tabA.locator('#ome-form-spec-modelSizeRange-max').fill('70B');
  assert.deepEqual(await reviewAndConfirm(tabA), { added: ['max: 70B'], removed: ['max: 9B'] });

  // B's draft is stale: the review finds the object changed
  await tabB.locator('#ome-form-spec-modelSizeRange-min').fill('2B');
  await tabB.getByTestId('ome-review').click();
  await tabB.getByTestId('ome-conflict').waitFor();
  await tabB.screenshot({ path: path.join(OUT_DIR, 'lost-update-conflict.png') });
  await tabB.getByTestId('ome-rebase').click();
  assert.equal(await tabB.getByTestId('ome-conflicts').count(), 0, 'A and B changed different fields');
  assert.equal(await tabB.locator('#ome-form-spec-modelSizeRange-max').inputValue(), '70B', "A's change is in B's draft");
  assert.equal(await tabB.locator('#ome-form-spec-modelSizeRange-min').inputValue(), '2B', "B's edit is kept");

  // the review against the live object shows only B's own change, and the save keeps both
  assert.deepEqual(await reviewAndConfirm(tabB), { added: ['min: 2B'], removed: ['min: 1B'] });
  await tabB.getByTestId('ome-card-Supported formats').getByText('2B – 70B').waitFor();
});
