// Browser test of the deploy wizard (issue 10), end to end on the local cluster: from a model's
// page, "Deploy" opens the wizard on the runtime step with OME's pick and its reasons; the
// accelerator and component steps follow; the review shows the server's dry run; "Deploy"
// creates the InferenceService and lands on its page. The object is then read from the
// apiserver itself and deleted. Screenshots at 1280 and 1920 px: .local/e2e/deploy-*.png
//
//   OME_E2E_BASE_URL=http://localhost:3000 OME_CONTROLPLANE_FILE=... node --test e2e/deploy.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { clusterClient } from '../controlplane/kube.mjs';
import { BASE_URL, launchBrowser, settled, signIn } from './browser.mjs';
import { checkScreenAtWidths } from './screenChecks.mjs';

/** A catalog model OME can serve, and the runtime OME made for it (both on ome-dev-a). */
const MODEL = 'llama-3-2-1b-instruct';
const RUNTIME = 'vllm-llama-3-2-1b-instruct';
const NAMESPACE = 'team-a';
const NAME = `e2e-deploy-${Date.now().toString(36)}`;
const SERVICE_PATH = `/apis/ome.io/v1beta1/namespaces/${NAMESPACE}/inferenceservices/${NAME}`;

let browser;
let client;

before(async () => {
  const file = process.env.OME_CONTROLPLANE_FILE;
  assert.ok(
    file && fs.existsSync(file),
    'OME_CONTROLPLANE_FILE names the running control plane',
  );
  const cp = JSON.parse(fs.readFileSync(file, 'utf8'));
  client = clusterClient(cp.clusters.find(c => c.name === 'ome-dev-a'));
  browser = await launchBrowser({ viewport: { width: 1280, height: 1000 } });
});

after(async () => {
  await client?.request('DELETE', SERVICE_PATH).catch(() => undefined);
  client?.close();
  await browser?.close();
});

test(
  "the wizard deploys a model from its page and lands on the service's page",
  { timeout: 300_000 },
  async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page);
    await page.goto(`${BASE_URL}/ome/clusterbasemodels/ome-dev-a/${MODEL}`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByTestId('ome-deploy').click();
    await page.getByTestId('ome-deploy-wizard').waitFor();

    // the model came along: the wizard opens on the runtime step with OME's pick
    const runtimeStep = page.getByTestId('ome-deploy-runtime-step');
    await runtimeStep.waitFor();
    await page.getByTestId('ome-deploy-runtimes').waitFor();
    await settled(page);
    assert.match(await runtimeStep.innerText(), new RegExp(RUNTIME));
    await page.locator('#ome-deploy-namespace').fill(NAMESPACE);
    await page.locator('#ome-deploy-name').fill(NAME);
    await checkScreenAtWidths(page, 'deploy-runtime');

    await page.getByTestId('ome-deploy-next').click(); // accelerator class
    await page.getByTestId('ome-deploy-next').click(); // engine / decoder / router
    await checkScreenAtWidths(page, 'deploy-components');
    await page.getByTestId('ome-deploy-next').click(); // review
    const summary = await page.getByTestId('ome-deploy-summary').innerText();
    assert.match(
      summary,
      new RegExp(`^${NAME} in ${NAMESPACE} on ome-dev-a: model ${MODEL}`),
    );
    assert.match(summary, new RegExp(`runtime automatic \\(${RUNTIME}\\)`));

    // the server's dry run: nothing written yet
    await page.getByTestId('ome-review').click();
    await page.getByTestId('ome-dry-run-result').waitFor();
    assert.equal((await client.request('GET', SERVICE_PATH)).status, 404);
    await checkScreenAtWidths(page, 'deploy-review');

    await page.getByTestId('ome-confirm').click();
    await page.waitForURL(url =>
      url.pathname.endsWith(
        `/inferenceservices/ome-dev-a/${NAMESPACE}/${NAME}`,
      ),
    );
    await page
      .getByTestId('ome-detail-name')
      .filter({ hasText: NAME })
      .waitFor();

    const stored = await client.get(SERVICE_PATH);
    assert.equal(stored.spec.model.name, MODEL);
    assert.equal(stored.metadata.namespace, NAMESPACE);
    await page.close();
  },
);
