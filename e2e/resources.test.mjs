// Browser test of creating, editing (form and YAML), cloning and deleting OME objects in the
// running example app, seeing the server's dry-run diff before every write.
//
//   OME_E2E_BASE_URL=http://localhost:3000 node --test e2e/resources.test.mjs
//
// Needs the example app against the seeded local control plane (ome-dev-a has team-a with
// BaseModel team-a-llama-3-2-1b and ServingRuntime team-a-srt-llama-3-2-1b); `npm test -- browser`
// starts everything. Names carry a per-run suffix; whatever a failed run leaves is deleted in
// `after`. Screenshots: .local/e2e/resources-*.png
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_URL, OUT_DIR, launchBrowser } from './browser.mjs';
import { codeEditorText, fillCodeEditor } from './codeEditor.mjs';

const CLUSTER = 'ome-dev-a';
const NAMESPACE = 'team-a';
const STAMP = Date.now().toString(36);

let browser;
let page;
/** Detail URLs of objects this run may have created, for the clean-up. */
const created = new Set();

before(async () => {
  browser = await launchBrowser({ viewport: { width: 1600, height: 1100 } });
  page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  // Dev-mode guest sign-in asks for confirmation with window.confirm()
  page.on('dialog', d => d.accept());
  await page.goto(`${BASE_URL}/ome`, { waitUntil: 'domcontentloaded' });
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 90_000 });
  await enter.click();
  await page.locator('a[href="/ome"]').first().waitFor({ timeout: 60_000 });
});

after(async () => {
  // Delete whatever this run left behind (a failed step), through the UI
  for (const url of created) {
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const del = page.getByTestId('ome-delete');
      await del.waitFor({ timeout: 15_000 });
      await del.click();
      await page.getByTestId('ome-confirm-delete').click();
      await page.getByTestId('ome-list-page').waitFor({ timeout: 15_000 });
      console.log(`cleaned up ${url}`);
    } catch {
      // already gone
    }
  }
  await browser?.close();
});

/** Navigates inside the single-page app (keeps the session) by a full URL. */
async function go(pathname) {
  await page.goto(`${BASE_URL}${pathname}`, { waitUntil: 'domcontentloaded' });
}

/** Fails with the page's error alert (and a screenshot) when one is shown. */
async function failOnError(step) {
  const error = page.getByTestId('ome-error');
  if ((await error.count()) > 0) {
    await page.screenshot({ path: path.join(OUT_DIR, `resources-error-${STAMP}.png`) });
    throw new Error(`${step}: ${(await error.first().innerText()).replace(/\s+/g, ' ')}`);
  }
}

/** The texts of the diff's added and removed lines, without the +/- and indentation. */
async function diffLines() {
  await page.getByTestId('ome-diff').or(page.getByTestId('ome-error')).first().waitFor();
  await failOnError('dry run');
  const clean = ts => ts.map(t => t.replace(/^[+-]\s/, '').trim()).filter(Boolean);
  return {
    added: clean(await page.getByTestId('ome-diff-add').allInnerTexts()),
    removed: clean(await page.getByTestId('ome-diff-remove').allInnerTexts()),
  };
}

/** Review (server dry run) → diff → confirm; returns the diff seen. */
async function reviewAndConfirm(scope = page) {
  await scope.getByTestId('ome-review').click();
  const diff = await diffLines();
  await scope.getByTestId('ome-confirm').click();
  return diff;
}

async function detailShows(name) {
  await page
    .getByTestId('ome-detail-name')
    .filter({ hasText: name })
    .or(page.getByTestId('ome-error'))
    .first()
    .waitFor();
  await failOnError(`showing ${name}`);
}

/** Whether the kind's list (server-side search) shows a row named `name`. */
async function listHas(plural, name) {
  await go(`/ome/${plural}`);
  await page.getByTestId('ome-list-page').waitFor();
  await page.getByLabel('Search').fill(name);
  const row = page.locator(`[data-testid="ome-row"][data-name="${name}"]`);
  const empty = page.getByTestId('ome-empty');
  await row.or(empty).first().waitFor();
  // the search is debounced: wait until the list answers for this search
  await page.waitForFunction(
    n =>
      !!document.querySelector(`[data-testid="ome-row"][data-name="${n}"]`) ||
      (!!document.querySelector('[data-testid="ome-empty"]') &&
        !document.querySelector('[role="progressbar"]')),
    name,
  );
  await page.waitForTimeout(800);
  return (await row.count()) > 0;
}

async function deleteFromDetail(detailPath, name) {
  await go(detailPath);
  await detailShows(name);
  await page.getByTestId('ome-delete').click();
  await page.getByRole('dialog').getByText(`Delete`, { exact: false }).first().waitFor();
  await page.getByTestId('ome-confirm-delete').click();
  await page.getByTestId('ome-list-page').waitFor();
  created.delete(`${BASE_URL}${detailPath}`);
}

async function cloneFromDetail(cloneName) {
  await page.getByTestId('ome-clone').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name of the copy').fill(cloneName);
  await dialog.getByTestId('ome-review').click();
  await dialog.getByTestId('ome-diff').waitFor();
  const added = (await dialog.getByTestId('ome-diff-add').allInnerTexts()).join('\n');
  assert.match(added, new RegExp(`name: ${cloneName}`), 'the clone diff names the copy');
  await dialog.getByTestId('ome-confirm').click();
  await detailShows(cloneName);
}

test(
  'ClusterServingRuntime: create, edit by form and YAML, clone and delete with diffs',
  { timeout: 300_000 },
  async () => {
    const name = `e2e-srt-${STAMP}`;
    const clone = `${name}-clone`;
    const detail = `/ome/clusterservingruntimes/${CLUSTER}/${name}`;
    const cloneDetail = `/ome/clusterservingruntimes/${CLUSTER}/${clone}`;
    created.add(`${BASE_URL}${detail}`);
    created.add(`${BASE_URL}${cloneDetail}`);

    // create with the form
    await go('/ome/clusterservingruntimes/new');
    await page.getByTestId('ome-editor').waitFor();
    await page.locator('#ome-editor-cluster').selectOption(CLUSTER);
    await page.locator('#ome-form-metadata-name').fill(name);
    await page.locator('#ome-form-spec-modelSizeRange-min').fill('1B');
    await page.locator('#ome-form-spec-modelSizeRange-max').fill('9B');
    await page.locator('#ome-form-spec-protocolVersions').fill('openAI');
    const createDiff = await reviewAndConfirm();
    assert.ok(createDiff.added.includes(`name: ${name}`), JSON.stringify(createDiff));
    assert.ok(createDiff.added.includes('max: 9B'), JSON.stringify(createDiff));
    assert.deepEqual(createDiff.removed, []);
    await detailShows(name);
    assert.equal(await listHas('clusterservingruntimes', name), true, 'listed after create');

    // edit with the form: the diff shows only that field
    await go(`${detail}/edit`);
    await page.getByTestId('ome-editor').waitFor();
    await page.locator('#ome-form-spec-modelSizeRange-max').fill('70B');
    const formDiff = await reviewAndConfirm();
    assert.deepEqual(formDiff, { added: ['max: 70B'], removed: ['max: 9B'] });
    await detailShows(name);
    await page.getByTestId('ome-card-Supported formats').getByText('1B – 70B').waitFor();

    // a save without changes says so and offers no confirm
    await page.getByTestId('ome-edit').click();
    await page.getByTestId('ome-editor').waitFor();
    await page.getByTestId('ome-review').click();
    await page.getByTestId('ome-diff-no-changes').waitFor();
    assert.equal(await page.getByTestId('ome-confirm').count(), 0);

    // edit as YAML (same page, one toggle away)
    await page.getByTestId('ome-mode-yaml').click();
    const yaml = page.getByTestId('ome-yaml-editor');
    const text = await codeEditorText(yaml);
    assert.match(text, /min: 1B/);
    await fillCodeEditor(page, yaml, text.replace('min: 1B', 'min: 2B'));
    const yamlDiff = await reviewAndConfirm();
    assert.deepEqual(yamlDiff, { added: ['min: 2B'], removed: ['min: 1B'] });
    await detailShows(name);
    await page.getByTestId('ome-card-Supported formats').getByText('2B – 70B').waitFor();
    await page.screenshot({ path: path.join(OUT_DIR, 'resources-srt-detail.png') });

    // clone, then delete both
    await cloneFromDetail(clone);
    assert.equal(await listHas('clusterservingruntimes', clone), true, 'clone listed');
    await deleteFromDetail(cloneDetail, clone);
    await deleteFromDetail(detail, name);
    assert.equal(await listHas('clusterservingruntimes', name), false, 'gone after delete');
    assert.equal(await listHas('clusterservingruntimes', clone), false, 'clone gone after delete');
  },
);

test(
  'InferenceService: create, edit by form and YAML, clone and delete with diffs',
  { timeout: 300_000 },
  async () => {
    const name = `e2e-chat-${STAMP}`;
    const clone = `${name}-c`;
    const detail = `/ome/inferenceservices/${CLUSTER}/${NAMESPACE}/${name}`;
    const cloneDetail = `/ome/inferenceservices/${CLUSTER}/${NAMESPACE}/${clone}`;
    created.add(`${BASE_URL}${detail}`);
    created.add(`${BASE_URL}${cloneDetail}`);

    await go('/ome/inferenceservices/new');
    await page.getByTestId('ome-editor').waitFor();
    await page.locator('#ome-editor-cluster').selectOption(CLUSTER);
    await page.locator(`#ome-editor-namespace option[value="${NAMESPACE}"]`).waitFor({ state: 'attached' });
    await page.locator('#ome-editor-namespace').selectOption(NAMESPACE);
    await page.locator('#ome-form-metadata-name').fill(name);
    await page.locator('#ome-form-spec-model-name').fill('team-a-llama-3-2-1b');
    await page.locator('#ome-form-spec-model-kind').selectOption('BaseModel');
    await page.locator('#ome-form-spec-runtime-name').fill('team-a-srt-llama-3-2-1b');
    await page.locator('#ome-form-spec-runtime-kind').selectOption('ServingRuntime');
    await page.locator('#ome-form-spec-engine-minReplicas').fill('1');
    await page.locator('#ome-form-spec-engine-maxReplicas').fill('2');
    const createDiff = await reviewAndConfirm();
    assert.ok(createDiff.added.includes(`name: ${name}`), JSON.stringify(createDiff));
    assert.ok(createDiff.added.includes('name: team-a-llama-3-2-1b'), JSON.stringify(createDiff));
    await detailShows(name);
    await page
      .getByTestId('ome-card-Service')
      .getByTestId('ome-field-Model')
      .filter({ hasText: 'team-a-llama-3-2-1b' })
      .waitFor();
    assert.equal(await listHas('inferenceservices', name), true, 'listed after create');

    // edit with the form
    await go(`${detail}/edit`);
    await page.getByTestId('ome-editor').waitFor();
    await page.locator('#ome-form-spec-engine-maxReplicas').fill('3');
    const formDiff = await reviewAndConfirm();
    assert.deepEqual(formDiff, { added: ['maxReplicas: 3'], removed: ['maxReplicas: 2'] });
    await detailShows(name);
    await page.getByTestId('ome-card-Components').getByText(/replicas 1–3/).waitFor();

    // edit as YAML: a label the form has no field for... (labels are in the form too, but typed here)
    await page.getByTestId('ome-edit').click();
    await page.getByTestId('ome-editor').waitFor();
    await page.getByTestId('ome-mode-yaml').click();
    const yaml = page.getByTestId('ome-yaml-editor');
    const text = await codeEditorText(yaml);
    assert.match(text, /minReplicas: 1/);
    await fillCodeEditor(page, yaml, text.replace(/^( *)minReplicas: 1$/m, '$1minReplicas: 2'));
    const yamlDiff = await reviewAndConfirm();
    assert.deepEqual(yamlDiff, { added: ['minReplicas: 2'], removed: ['minReplicas: 1'] });
    await detailShows(name);
    await page.getByTestId('ome-card-Components').getByText(/replicas 2–3/).waitFor();
    await page.screenshot({ path: path.join(OUT_DIR, 'resources-isvc-detail.png') });

    // clone into the same namespace, then delete both
    await cloneFromDetail(clone);
    assert.equal(await listHas('inferenceservices', clone), true, 'clone listed');
    await deleteFromDetail(cloneDetail, clone);
    await deleteFromDetail(detail, name);
    assert.equal(await listHas('inferenceservices', name), false, 'gone after delete');
    assert.equal(await listHas('inferenceservices', clone), false, 'clone gone after delete');
  },
);
