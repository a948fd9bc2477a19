// Benchmark: the OME list page (/ome/inferenceservices) in a real Chromium (Debian's, driven by
// playwright-core through e2e/browser.mjs) against the example app's production bundle, served
// by the example backend's app plugin (startExampleApp({ builtApp: true })), with the bench's
// objects in both clusters. Each load is a full navigation; the time is read inside the page.
import { launchBrowser, signIn } from '../e2e/browser.mjs';
import { fmt, fmtBytes, formatTable, summarize } from './stats.mjs';

export const PAGE_PATH = '/ome/inferenceservices';

export const PAGE_METHOD =
  `full navigation to ${PAGE_PATH} (default page of 25 rows, sorted by the backend) in headless Chromium, signed in ` +
  `as guest; time = performance.now() in the page (ms since navigation start) at the first animation frame after ` +
  `the first data row (data-testid="ome-row") entered the DOM (a MutationObserver installed before any page script). ` +
  `Cold: the browser's HTTP cache cleared (CDP Network.clearBrowserCache) before the navigation; warm: the next ` +
  `navigation with the cache filled. The session (guest sign-in) and the backend's cache are warm in both. The app is ` +
  `the production build served by the example backend; median (nearest rank) of --loads loads each`;

// Runs in the page before its scripts: when the first data row appears, note the time and
// the time of the next frame (the one that paints it).
const OBSERVE_FIRST_ROW = () => {
  const seen = () => {
    if (window.__omeBench || !document.querySelector('[data-testid="ome-row"]'))
      return false;
    const inDom = performance.now();
    window.__omeBench = { inDom };
    requestAnimationFrame(() => {
      window.__omeBench.frame = performance.now();
    });
    return true;
  };
  const observer = new MutationObserver(() => {
    if (seen()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
};

/** One navigation; resolves to the page's own timings and what it loaded. */
async function measureLoad(page, url, { cold, cdp, minTotal }) {
  if (cold) await cdp.send('Network.clearBrowserCache');
  const listResponse = page.waitForResponse(
    res =>
      res.url().includes('/api/ome/inferenceservices?') &&
      res.request().method() === 'GET',
    { timeout: 120_000 },
  );
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForFunction(
      () => window.__omeBench?.frame !== undefined,
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    const m = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const scripts = resources.filter(r => r.initiatorType === 'script');
      const list = resources.filter(r =>
        r.name.includes('/api/ome/inferenceservices?'),
      );
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        rowInDomMs: window.__omeBench.inDom,
        rowsVisibleMs: window.__omeBench.frame,
        domContentLoadedMs: nav?.domContentLoadedEventEnd,
        scripts: scripts.length,
        scriptBytesTransferred: scripts.reduce((a, r) => a + r.transferSize, 0),
        scriptBytesDecoded: scripts.reduce((a, r) => a + r.decodedBodySize, 0),
        listRequestMs: list.length
          ? list[0].responseEnd - list[0].startTime
          : undefined,
        listRequestStartMs: list.length ? list[0].startTime : undefined,
      };
    });
    const res = await listResponse;
    const totalCount =
      res.status() === 200 ? (await res.json()).totalCount : undefined;
    if (!(totalCount >= minTotal)) {
      throw new Error(
        `bench: page: the list answered HTTP ${res.status()} with ${totalCount} InferenceServices, expected at least ${minTotal}`,
      );
    }
    return { cold, totalCount, ...m };
  } catch (err) {
    listResponse.catch(() => {}); // not awaited after a failed navigation
    throw err;
  }
}

/**
 * `loads` cold and `loads` warm navigations (alternating) with `objects` bench objects cached.
 * @param {{ appUrl: string, objects: number, loads: number, log: (m: string) => void }} opts
 */
export async function runPageBench({ appUrl, objects, loads, log }) {
  const browser = await launchBrowser({
    viewport: { width: 1600, height: 1000 },
  });
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(OBSERVE_FIRST_ROW);
    await signIn(page, PAGE_PATH, appUrl);
    const cdp = await browser.context.newCDPSession(page);
    const url = `${appUrl}${PAGE_PATH}`;
    // loads not counted: the first after sign-in also fetches what sign-in did not need, and
    // the example backend's own cache may still be catching up with the objects just created
    let listed = 0;
    for (let i = 0; i < 60 && listed < objects; i++) {
      if (i) await new Promise(r => setTimeout(r, 2000));
      listed =
        (await measureLoad(page, url, { cold: false, cdp, minTotal: 0 }))
          .totalCount ?? 0;
    }
    if (listed < objects)
      throw new Error(
        `bench: page: the app lists ${listed} InferenceServices, expected at least ${objects}`,
      );
    const samples = [];
    for (let i = 0; i < loads; i++) {
      for (const cold of [true, false]) {
        const s = await measureLoad(page, url, {
          cold,
          cdp,
          minTotal: objects,
        });
        log(
          `bench: page ${objects} ${cold ? 'cold' : 'warm'} load ${
            i + 1
          }/${loads}: rows visible at ${s.rowsVisibleMs.toFixed(0)} ms`,
        );
        samples.push(s);
      }
    }
    return pageRows(objects, samples);
  } finally {
    await browser.close();
  }
}

/** A row per cache state (cold, warm) of the samples of one size. */
export function pageRows(objects, samples) {
  return ['cold', 'warm'].map(state => {
    const of = samples.filter(s => (state === 'cold') === s.cold);
    const pick = key => of.map(s => s[key]).filter(v => typeof v === 'number');
    return {
      objects,
      cache: state,
      loads: of.length,
      listed: Math.min(...of.map(s => s.totalCount)),
      rowsVisible: summarize(pick('rowsVisibleMs')),
      rowInDom: summarize(pick('rowInDomMs')),
      domContentLoaded: summarize(pick('domContentLoadedMs')),
      listRequest: summarize(pick('listRequestMs')),
      listRequestStart: summarize(pick('listRequestStartMs')),
      scriptBytesTransferred: summarize(pick('scriptBytesTransferred')).p50,
      scriptBytesDecoded: summarize(pick('scriptBytesDecoded')).p50,
      scripts: summarize(pick('scripts')).p50,
      samples: of,
    };
  });
}

export function pageTable(rows) {
  return formatTable(
    [
      'objects',
      'listed',
      'cache',
      'loads',
      'rows visible ms (median)',
      'min',
      'max',
      'DOMContentLoaded ms',
      'list request sent ms',
      'list request ms',
      'JS transferred',
      'JS decoded',
    ],
    rows.map(r => [
      r.objects,
      r.listed,
      r.cache,
      r.loads,
      fmt(r.rowsVisible.p50, 0),
      fmt(Math.min(...r.samples.map(s => s.rowsVisibleMs)), 0),
      fmt(r.rowsVisible.max, 0),
      fmt(r.domContentLoaded.p50, 0),
      fmt(r.listRequestStart.p50, 0),
      fmt(r.listRequest.p50, 0),
      fmtBytes(r.scriptBytesTransferred),
      fmtBytes(r.scriptBytesDecoded),
    ]),
  );
}
