// Browser test of the OME tab and card on catalog entity pages (new frontend system example
// app): a component naming its InferenceService by Backstage's kubernetes-id shows it with
// state and a working link to the OME page; one naming it by OME's annotation shows the
// other cluster's service; a component without annotations has neither tab nor card. The
// tab passes the screen checks at 1280 and 1920 px.
//
//   OME_E2E_BASE_URL=http://localhost:3000 node --test e2e/entity.test.mjs
//
// Needs the example app against the seeded local control plane (the seed labels team-a-chat
// `backstage.io/kubernetes-id=chat-assistant`; examples/entities.yaml has the components);
// `npm test -- browser` starts everything. Screenshots: .local/e2e/entity-*.png
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

const entityPath = name => `/catalog/default/component/${name}`;

/**
 * Opens a component's page; the catalog reads examples/entities.yaml shortly after the
 * backend starts, so a page that is not there yet is reloaded (at most 20 times).
 */
async function openEntity(page, name) {
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.goto(`${BASE_URL}${entityPath(name)}`, {
      waitUntil: 'domcontentloaded',
    });
    const title = page.getByRole('heading', { name, exact: true }).first();
    try {
      await title.waitFor({ timeout: 10_000 });
      return;
    } catch {
      // not in the catalog yet
    }
  }
  throw new Error(`the catalog never showed component ${name}`);
}

const omeTab = (page, name) =>
  page.locator(`a[href="${entityPath(name)}/ome"]`);

/** The rows of the OME tab as `{ text, hrefs }`. */
async function serviceRows(page) {
  await page
    .getByTestId('ome-entity-service')
    .first()
    .waitFor({ timeout: 60_000 });
  await settled(page);
  return page.getByTestId('ome-entity-service').evaluateAll(rows =>
    rows.map(r => ({
      text: r.innerText,
      hrefs: [...r.querySelectorAll('a')].map(a => a.getAttribute('href')),
    })),
  );
}

describe('the OME entity tab and card', () => {
  let browser;
  let page;

  before(async () => {
    browser = await launchBrowser({ viewport: { width: 1440, height: 1000 } });
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, '/');
  });

  after(async () => {
    await browser?.close();
  });

  test(
    'a component with backstage.io/kubernetes-id shows its service, state and a working OME link',
    { timeout: 240_000 },
    async () => {
      await openEntity(page, 'chat-assistant');
      // the overview's card
      const card = page.getByTestId('ome-entity-card');
      await card.getByTestId('ome-entity-card-service').first().waitFor({
        timeout: 60_000,
      });
      assert.match(await card.innerText(), /team-a-chat/);
      await page.screenshot({ path: path.join(OUT_DIR, 'entity-card.png') });

      await omeTab(page, 'chat-assistant').click();
      await page.waitForURL(`**${entityPath('chat-assistant')}/ome`);
      const rows = await serviceRows(page);
      assert.ok(rows.length > 0, 'the tab lists services');
      const chat = rows.find(r => r.text.includes('team-a-chat'));
      assert.ok(chat, `team-a-chat among ${JSON.stringify(rows)}`);
      assert.match(chat.text, /ome-dev-a \/ team-a/);
      assert.match(chat.text, /team-a-llama-3-2-1b/);
      // the demo status: Ready, or still downloading its model (In_Transit)
      assert.match(chat.text, /Ready|Not ready/);
      const detail = '/ome/inferenceservices/ome-dev-a/team-a/team-a-chat';
      assert.ok(
        chat.hrefs.includes(detail),
        `link to ${detail}: ${chat.hrefs}`,
      );
      await page.screenshot({ path: path.join(OUT_DIR, 'entity-tab.png') });

      await page
        .getByTestId('ome-entity-service')
        .filter({ hasText: 'team-a-chat' })
        .getByRole('link', { name: 'team-a-chat' })
        .click();
      await page.waitForURL(`**${detail}`);
      const name = page.getByTestId('ome-detail-name');
      await name.waitFor({ timeout: 60_000 });
      assert.equal((await name.innerText()).trim(), 'team-a-chat');
    },
  );

  test(
    'a component with ome.io/inference-services shows the named service of the other cluster',
    { timeout: 180_000 },
    async () => {
      await openEntity(page, 'research-assistant');
      await omeTab(page, 'research-assistant').click();
      const rows = await serviceRows(page);
      assert.equal(rows.length, 1, JSON.stringify(rows));
      assert.match(rows[0].text, /team-b-chat/);
      assert.match(rows[0].text, /ome-dev-b \/ team-b/);
      assert.ok(
        rows[0].hrefs.includes(
          '/ome/inferenceservices/ome-dev-b/team-b/team-b-chat',
        ),
      );
    },
  );

  test(
    'a component without the annotations has no OME tab and no OME card',
    { timeout: 180_000 },
    async () => {
      await openEntity(page, 'docs-site');
      await settled(page);
      // the entity page's own tabs are there; the OME one is not
      await page
        .locator(`a[href^="${entityPath('docs-site')}"]`)
        .first()
        .waitFor();
      assert.equal(await omeTab(page, 'docs-site').count(), 0, 'no OME tab');
      assert.equal(await page.getByTestId('ome-entity-card').count(), 0);
      await page.screenshot({ path: path.join(OUT_DIR, 'entity-none.png') });
    },
  );

  for (const width of [1280, 1920]) {
    test(
      `the tab at ${width} px passes the screen checks`,
      { timeout: 180_000 },
      async () => {
        await page.setViewportSize({ width, height: 1000 });
        await page.goto(`${BASE_URL}${entityPath('demo-models')}/ome`, {
          waitUntil: 'domcontentloaded',
        });
        const rows = await serviceRows(page);
        assert.ok(rows.length > 0, 'demo-models lists services');
        await page.screenshot({
          path: path.join(OUT_DIR, `entity-tab-${width}.png`),
          fullPage: true,
        });
        assert.deepEqual(await page.evaluate(brokenTableCells), []);
        assert.deepEqual(await page.evaluate(tablesWiderThanPage), []);
        assert.deepEqual(await page.evaluate(labelsOverValues), []);
      },
    );
  }
});
