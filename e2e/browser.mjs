// What the browser tests share: where the app is, where screenshots go, and a real Chromium
// (Debian's, driven by playwright-core) in a throw-away profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
export const BASE_URL = (
  process.env.OME_E2E_BASE_URL || 'http://localhost:3000'
).replace(/\/$/, '');
export const OUT_DIR = path.join(REPO_ROOT, '.local', 'e2e');
const CHROMIUM = process.env.OME_E2E_CHROMIUM || '/usr/bin/chromium';

/** Starts Chromium headless; `close()` also removes its profile. */
export async function launchBrowser({ viewport }) {
  const userDataDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'ome-e2e-chromium-'),
  );
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `pathname` of the app (at `baseUrl`, default BASE_URL) and signs in as guest (the dev
 * sign-in page; its confirm() dialog is accepted), then waits for the sidebar's OME link.
 */
export async function signIn(page, pathname = '/ome', baseUrl = BASE_URL) {
  page.on('dialog', d => d.accept());
  await page.goto(`${baseUrl}${pathname}`, { waitUntil: 'domcontentloaded' });
  // A context that signed in before keeps its session: then the app shows at once.
  const enter = page.getByRole('button', { name: 'Enter' });
  const signedIn = page.locator('a[href="/ome"]').first();
  await enter.or(signedIn).first().waitFor({ timeout: 90_000 });
  if (await enter.isVisible()) await enter.click();
  await signedIn.waitFor({ timeout: 60_000 });
}

/**
 * Waits until no loading indicator is shown (the page's requests have answered). A
 * determinate progress bar (it has a value, e.g. a model's download) is content, not loading.
 */
export async function settled(page) {
  await page.waitForFunction(
    () => !document.querySelector('[role="progressbar"]:not([aria-valuenow])'),
    undefined,
    { timeout: 60_000 },
  );
}
