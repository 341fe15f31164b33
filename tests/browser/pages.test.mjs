// Browser tests of the pages as a reader meets them (issue 5 items 5, 7, 8): zero axe-core
// violations of the WCAG 2.1 A and AA rules on the search, results (with and without a facet) and
// document pages in English and Arabic; the weight of a page load (under 100 KB with everything
// it fetches); the document page's citation copy button, exports and first-match link;
// screenshots at desktop and phone widths with no horizontal scroll; and where a filtered results
// page puts its active filters on a phone and on a desktop, left-to-right and right-to-left.
//
// Run through ctest (ctest -L browser), which sets the environment harness.mjs reads.
// Screenshots go to tests/browser/artifacts/ (git-ignored); their paths are printed.

import { describe, it, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ARTIFACTS, HERE, NOT_INSTALLED_MESSAGE, PLAYWRIGHT_INSTALLED, SOURCE_DIR, Searchd,
  launchChromium, newContext, runIndexer,
} from './harness.mjs';

// The axe-core rule sets of WCAG 2.1 levels A and AA.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// The search page and a results page, each with everything it loads (HTML, CSS, JS, images).
const PAGE_BUDGET_BYTES = 100 * 1024;

// The pages every check visits, per interface language: the search page, results, results with
// a facet value selected, and a document page reached from a search.
const PAGES = {
  en: [
    ['search page', '/'],
    ['results', '/search?q=judges'],
    ['results with a facet', '/search?q=judges&type=guidance'],
    ['document page', '/doc/coi-guidance-en?q=recusal'],
  ],
  ar: [
    ['search page', '/'],
    ['results', `/search?q=${encodeURIComponent('تضارب المصالح')}`],
    ['results with a facet', `/search?q=${encodeURIComponent('تضارب المصالح')}&type=guidance`],
    ['document page', `/doc/coi-guidance-ar?q=${encodeURIComponent('تضارب')}`],
  ],
};

const withUi = (url, ui) => `${url}${url.includes('?') ? '&' : '?'}ui=${ui}`;

// The phone and desktop viewports of the layout checks and the screenshots.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 }, isMobile: false };

// A results page with one language filter on, per interface language: the reader must see the
// filter's chip without scrolling past the results.
const FILTERED = {
  en: `/search?q=${encodeURIComponent('récusation')}&lang=fr&ui=en`,
  ar: `/search?q=${encodeURIComponent('تضارب المصالح')}&lang=ar&ui=ar`,
};

// Where the parts of a results page are: page coordinates of the active-filter chips, the first
// result, the result list, the first facet list and the two columns (null when absent).
function layoutOf(page) {
  return page.evaluate(() => {
    const box = (selector) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right };
    };
    return {
      chips: box('aside.facets .chips'),
      firstHit: box('ol.hits li.hit'),
      hits: box('ol.hits'),
      facetList: box('aside.facets section.facet'),
      facets: box('aside.facets'),
      results: box('main.results'),
      viewportHeight: window.innerHeight,
    };
  });
}

if (!PLAYWRIGHT_INSTALLED) {
  console.error(`ERROR: ${NOT_INSTALLED_MESSAGE}`);
  test('playwright-core is installed (npm ci --prefix tests/browser)', () => { throw new Error(NOT_INSTALLED_MESSAGE); });
} else describe('JIL pages in chromium: accessibility, weight, document page, screenshots', () => {
  const searchd = new Searchd();
  let browser;
  let baseUrl;
  let workDir;

  before(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'jil-browser-pages-'));
    const db = path.join(workDir, 'db');
    const store = path.join(workDir, 'store');
    const indexed = await runIndexer(db, store, [path.join(SOURCE_DIR, 'corpus')]);
    assert.equal(indexed.code, 0, `jil-indexer failed:\n${indexed.stderr}`);
    baseUrl = await searchd.start(db, store);
    browser = await launchChromium();
  });

  after(async () => {
    try {
      if (browser) await browser.close();
    } finally {
      try {
        await searchd.stop();
      } finally {
        if (workDir) await rm(workDir, { recursive: true, force: true });
      }
    }
  });

  it('has no WCAG 2.1 A or AA violation (axe-core) on any page, in English and Arabic, on a desktop and a phone', async () => {
    // The page's Content-Security-Policy forbids inline scripts, so axe is not added as a
    // <script>: page.evaluate runs its source through the DevTools protocol, which CSP does not
    // govern, and the pages are tested with their real headers.
    const axeSource = await readFile(path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const report = [];
    // The phone layout moves the filters and chips (contrast, landmarks and names change with it).
    for (const [screen, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const context = await newContext(browser, viewport);
      try {
        const page = await context.newPage();
        for (const [ui, pages] of Object.entries(PAGES)) {
          for (const [what, url] of pages) {
            await page.goto(`${baseUrl}${withUi(url, ui)}`);
            assert.equal(await page.evaluate(() => document.documentElement.lang), ui);
            await page.evaluate(axeSource);
            if (report.length === 0 && screen === 'desktop' && ui === 'en' && what === 'search page') {
              // The check can fail: a planted image without alt text is reported.
              const planted = await page.evaluate(async () => {
                const img = document.body.appendChild(document.createElement('img'));
                img.src = '/static/none.png';
                const found = await window.axe.run(document, { runOnly: { type: 'rule', values: ['image-alt'] } });
                img.remove();
                return found.violations.map((v) => v.id);
              });
              assert.deepEqual(planted, ['image-alt'], 'axe-core reports a planted violation');
            }
            const result = await page.evaluate((tags) => window.axe.run(document, {
              runOnly: { type: 'tag', values: tags },
              resultTypes: ['violations'],
            }), WCAG_TAGS);
            for (const violation of result.violations) {
              report.push(`${screen} ${ui} ${what}: ${violation.id} (${violation.impact}) ${violation.help}\n` +
                violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(' ')}: ${node.failureSummary.replace(/\n/g, ' ')}`).join('\n'));
            }
          }
        }
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(report, [], `axe-core found violations:\n${report.join('\n')}`);
  });

  it(`loads the search page and a results page in under ${PAGE_BUDGET_BYTES / 1024} KB each, everything included`, async () => {
    const figures = [];
    for (const url of ['/', '/search?q=judges']) {
      const context = await newContext(browser); // an empty cache: every byte is fetched
      try {
        const page = await context.newPage();
        const bodies = [];
        page.on('response', (response) => {
          bodies.push(response.body().then((body) => ({ url: response.url(), bytes: body.length }), () => ({ url: response.url(), bytes: 0 })));
        });
        await page.goto(`${baseUrl}${url}`, { waitUntil: 'networkidle' });
        const responses = await Promise.all(bodies);
        const total = responses.reduce((sum, r) => sum + r.bytes, 0);
        figures.push(`${url}: ${total} bytes in ${responses.length} responses (${responses.map((r) => `${new URL(r.url).pathname} ${r.bytes}`).join(', ')})`);
        assert.ok(responses.length >= 2, `${url} loads its stylesheet too`);
        assert.ok(total < PAGE_BUDGET_BYTES, `${url} weighs ${total} bytes, over ${PAGE_BUDGET_BYTES}`);
      } finally {
        await context.close();
      }
    }
    for (const line of figures) console.log(`page weight: ${line}`);
  });

  it('copies the citation with the button, and shows it as plain text without JavaScript', async () => {
    const context = await newContext(browser);
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/doc/coi-guidance-en?ui=en`);
      const citation = (await page.locator('#citation').innerText()).trim();
      assert.match(citation, /^Conference of Court Ethics Advisers\. Guidance on Conflicts of Interest and Recusal\. 2022\. Guidance\. http:\/\/127\.0\.0\.1:\d+\/doc\/coi-guidance-en$/);
      const button = page.locator('button.copy');
      assert.ok(await button.isVisible(), 'copy.js shows the copy button');
      await button.click();
      await page.locator('.copy-status', { hasText: 'Citation copied' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation, 'the clipboard holds the citation');
    } finally {
      await context.close();
    }
    const noScript = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(`${baseUrl}/doc/coi-guidance-en?ui=en`);
      assert.ok(await page.locator('#citation').isVisible(), 'the citation is shown without JavaScript');
      assert.equal(await page.locator('button.copy').isVisible(), false, 'no dead button without JavaScript');
      assert.ok(await page.locator('a[href$="/cite.ris"]').isVisible());
    } finally {
      await noScript.close();
    }
  });

  it('points the document page\'s "back" arrow the way the reader reads, and keeps it out of the link\'s name', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      for (const [ui, transform] of [['en', 'none'], ['ar', 'matrix(-1, 0, 0, 1, 0, 0)']]) {
        await page.goto(`${baseUrl}/doc/coi-guidance-ar?q=x&ui=${ui}`);
        const arrow = page.locator('main.document p a .back-arrow');
        assert.equal(await arrow.evaluate((node) => getComputedStyle(node).transform), transform, ui);
        assert.equal(await arrow.getAttribute('aria-hidden'), 'true', ui);
      }
    } finally {
      await context.close();
    }
  });

  it('takes a year typed in Arabic-Indic digits, and goes back from a result to the same page of the search', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/search?q=${encodeURIComponent('القضاة')}&ui=ar`);
      await page.locator('input[type="text"][name="year_from"]').fill('٢٠٢٠');
      assert.equal(await page.locator('input[type="text"][name="year_from"]').inputValue(), '٢٠٢٠', 'the box keeps what was typed');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('year_from') === '٢٠٢٠'),
        page.locator('input[type="text"][name="year_from"]').press('Enter')]);
      assert.equal(await page.locator('input[type="text"][name="year_from"]').inputValue(), '2020', 'read as the year 2020');
      assert.ok(await page.locator('ol.hits > li').count() > 0, 'results from 2020 on');
      // A result's link keeps the search; its page's way back returns to it.
      const searchUrl = page.url();
      await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/doc/')),
        page.locator('ol.hits a[href^="/doc/"]').first().click()]);
      await Promise.all([page.waitForURL((url) => url.pathname === '/search'),
        page.locator('main.document p a[href^="/search"]').first().click()]);
      const back = new URL(page.url());
      assert.equal(back.searchParams.get('year_from'), '2020');
      assert.equal(back.searchParams.get('q'), new URL(searchUrl).searchParams.get('q'));
    } finally {
      await context.close();
    }
  });

  it('downloads RIS and BibTeX, follows the first-match link and a related document', async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/doc/coi-guidance-en?q=recusal&ui=en`);
      for (const [selector, name] of [['a[href$="/cite.ris"]', 'coi-guidance-en.ris'], ['a[href$="/cite.bib"]', 'coi-guidance-en.bib']]) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
        assert.equal(download.suggestedFilename(), name);
        assert.equal(await download.failure(), null);
      }
      await page.locator('a[href="#first-match"]').click();
      await page.waitForURL((url) => url.hash === '#first-match');
      assert.ok(await page.locator('mark#first-match').isVisible());
      // The browser scrolls the anchor into view (waited for, not slept on).
      await page.waitForFunction(() => {
        const box = document.getElementById('first-match').getBoundingClientRect();
        return box.top >= -1 && box.bottom <= window.innerHeight + 1; // sub-pixel rounding
      });
      assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the page scrolled down to the full text');
      const related = page.locator('section.related a').first();
      const title = (await related.innerText()).trim();
      await Promise.all([page.waitForURL((url) => url.pathname !== '/doc/coi-guidance-en'), related.click()]);
      assert.equal((await page.locator('main.document h1').innerText()).trim(), title, 'the related link opens that document');
    } finally {
      await context.close();
    }
  });

  it('saves screenshots of the search page, results with a facet and document pages, with no horizontal scroll on a phone', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const sizes = [{ name: 'desktop', ...DESKTOP }, { name: 'phone', ...PHONE }];
    const saved = [];
    for (const size of sizes) {
      for (const [ui, pages] of Object.entries(PAGES)) {
        const context = await newContext(browser, { viewport: size.viewport, isMobile: size.isMobile, hasTouch: size.isMobile });
        try {
          const page = await context.newPage();
          for (const [what, url] of pages.filter(([w]) => w !== 'results')) {
            await page.goto(`${baseUrl}${withUi(url, ui)}`);
            const { scrollWidth, innerWidth } = await page.evaluate(() => ({
              scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth,
            }));
            assert.ok(scrollWidth <= innerWidth, `${ui} ${what} at ${size.name} width scrolls sideways (${scrollWidth} > ${innerWidth})`);
            const file = path.join(ARTIFACTS, `${what.replace(/ /g, '-')}-ui-${ui}-${size.name}.png`);
            await page.screenshot({ path: file, fullPage: true });
            saved.push(file);
          }
        } finally {
          await context.close();
        }
      }
    }
    for (const file of saved) console.log(`screenshot: ${file}`);
  });

  // The layout of a filtered results page in interface language `ui` (issue: on a phone the
  // chips of the active filters came after every result, so a judge could not see that a filter
  // was on): on a phone the chips come before the first result, within the first screen, and the
  // facet lists still follow the results; the facets stay a landmark. On a desktop the facets are
  // a column beside the results (on the right in Arabic) holding the chips.
  async function checkFilteredLayout(ui) {
    const catalog = JSON.parse(await readFile(path.join(SOURCE_DIR, 'web', 'i18n', `${ui}.json`), 'utf8'));
    const phone = await newContext(browser, PHONE);
    try {
      const page = await phone.newPage();
      await page.goto(`${baseUrl}${FILTERED[ui]}`);
      assert.equal(await page.evaluate(() => document.documentElement.dir), ui === 'ar' ? 'rtl' : 'ltr');
      const at = await layoutOf(page);
      assert.ok(at.chips && at.firstHit && at.facetList, `${ui} phone: chips, results and facet lists are on the page: ${JSON.stringify(at)}`);
      assert.ok(await page.locator('aside.facets .chip').first().isVisible(), `${ui} phone: the chip is visible`);
      assert.ok(at.chips.top < at.firstHit.top, `${ui} phone: the active filters (top ${at.chips.top}) come before the first result (top ${at.firstHit.top})`);
      assert.ok(at.chips.bottom <= at.firstHit.top, `${ui} phone: the chips do not overlap the first result`);
      assert.ok(at.chips.bottom <= at.viewportHeight, `${ui} phone: the chips are on the first screen (bottom ${at.chips.bottom} of ${at.viewportHeight})`);
      assert.ok(at.facetList.top >= at.hits.bottom, `${ui} phone: the facet lists (top ${at.facetList.top}) follow the results (bottom ${at.hits.bottom})`);
      // display: contents takes the aside's box away, not its role: chromium still exposes it.
      const cdp = await phone.newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const landmarks = nodes.filter((node) => node.role?.value === 'complementary').map((node) => node.name?.value);
      assert.deepEqual(landmarks, [catalog.filters_heading], `${ui} phone: the facets are one complementary landmark`);
    } finally {
      await phone.close();
    }
    const desktop = await newContext(browser, DESKTOP);
    try {
      const page = await desktop.newPage();
      await page.goto(`${baseUrl}${FILTERED[ui]}`);
      const at = await layoutOf(page);
      assert.ok(at.chips && at.firstHit && at.facets, `${ui} desktop: chips, results and facets are on the page: ${JSON.stringify(at)}`);
      if (ui === 'ar') {
        assert.ok(at.facets.left >= at.results.right, `${ui} desktop: the facets column is right of the results: ${JSON.stringify(at)}`);
      } else {
        assert.ok(at.facets.right <= at.results.left, `${ui} desktop: the facets column is left of the results: ${JSON.stringify(at)}`);
      }
      assert.ok(Math.abs(at.facets.top - at.results.top) < 1, `${ui} desktop: both columns start at the same height`);
      assert.ok(at.chips.left >= at.facets.left && at.chips.right <= at.facets.right && at.chips.top >= at.facets.top,
        `${ui} desktop: the chips are in the facets column: ${JSON.stringify(at)}`);
      assert.ok(at.chips.bottom <= at.viewportHeight, `${ui} desktop: the chips are on the first screen`);
    } finally {
      await desktop.close();
    }
  }

  it('shows the active filters before the results on a phone, in the facets column on a desktop', async () => {
    await checkFilteredLayout('en');
  });

  it('does the same right-to-left (ui=ar)', async () => {
    await checkFilteredLayout('ar');
  });

  // Last: searchd served every page above and, under a sanitizer build, reported nothing.
  it('searchd stops cleanly on SIGTERM with nothing on stderr from a sanitizer', async () => {
    const stderr = searchd.stderr;
    assert.deepEqual(await searchd.stop(), { code: 0, signal: null }, `jil-searchd exit status\nstderr:\n${stderr}`);
    assert.doesNotMatch(stderr, /Sanitizer|runtime error:/);
  });
});
