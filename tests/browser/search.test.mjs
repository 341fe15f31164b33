// Browser tests of the JIL web UI: the real jil-indexer and jil-searchd, driven through
// Debian's chromium by playwright-core (never a downloaded browser).
//
// Environment (ctest sets all three; see CMakeLists.txt beside this file):
//   JIL_INDEXER     path of the jil-indexer binary
//   JIL_SEARCHD     path of the jil-searchd binary
//   JIL_SOURCE_DIR  the repository root (holds corpus/ and web/); defaults to ../.. from here
// Optional:
//   JIL_CHROMIUM    browser binary, default /usr/bin/chromium
//
// Screenshots go to tests/browser/artifacts/ (git-ignored); their paths are printed.

import { describe, it, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  SOURCE_DIR, ARTIFACTS, PLAYWRIGHT_INSTALLED, NOT_INSTALLED_MESSAGE, requireEnv, runIndexer, Searchd,
  launchChromium, newContext as contextOf,
} from './harness.mjs';

// One query per corpus language; each must find at least one highlighted hit.
const QUERIES = [
  { lang: 'en', q: 'judges' },
  { lang: 'fr', q: 'récusation' },
  { lang: 'es', q: 'imparcialidad' },
  { lang: 'ru', q: 'конфликт интересов' },
  { lang: 'ar', q: 'تضارب المصالح' },
  { lang: 'zh', q: '利益冲突' },
];
const XSS_PAYLOAD = '<img src=x onerror=window.__xss=1><script>window.__xss=1</script>';

let browser;
let searchd;
let baseUrl;
let workDir;

// A fresh browser context with timeouts generous enough for a sanitizer build on a busy machine.
const newContext = (options = {}) => contextOf(browser, options);

// Types a query into the search box on the home page and submits it with Enter.
async function searchFromHome(page, query) {
  await page.goto(`${baseUrl}/`);
  await page.locator('input#q').fill(query);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/search'),
    page.locator('input#q').press('Enter'),
  ]);
  await page.waitForLoadState('load');
}

async function totalText(page) {
  return (await page.locator('.results-head .total').innerText()).trim();
}

// playwright-core must be installed (CI runs `npm ci --prefix tests/browser`): without it the
// run fails, loudly, rather than skipping.
if (!PLAYWRIGHT_INSTALLED) {
  console.error(`ERROR: ${NOT_INSTALLED_MESSAGE}`);
  test('playwright-core is installed (npm ci --prefix tests/browser)', () => { throw new Error(NOT_INSTALLED_MESSAGE); });
} else describe('JIL web UI in chromium', () => {
  before(async () => {
    requireEnv('JIL_SEARCHD');
    workDir = await mkdtemp(path.join(tmpdir(), 'jil-browser-'));
    const db = path.join(workDir, 'db');
    const store = path.join(workDir, 'store');
    const indexed = await runIndexer(db, store, [path.join(SOURCE_DIR, 'corpus')]);
    assert.equal(indexed.code, 0, `jil-indexer failed:\n${indexed.stderr}`);
    assert.doesNotMatch(indexed.stderr, /Sanitizer|runtime error:/, `jil-indexer reported:\n${indexed.stderr}`);
    searchd = new Searchd();
    baseUrl = await searchd.start(db, store);
    browser = await launchChromium();
  });

  after(async () => {
    try {
      if (browser) await browser.close();
    } finally {
      try {
        await searchd?.stop();
      } finally {
        if (workDir) await rm(workDir, { recursive: true, force: true });
      }
    }
  });

  it('finds highlighted results in all six languages, Arabic right-to-left', async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      for (const { lang, q } of QUERIES) {
        await searchFromHome(page, q);
        assert.equal(await page.locator('input#q').inputValue(), q, `the search box keeps the ${lang} query`);
        const hits = page.locator('ol.hits li.hit');
        assert.ok(await hits.count() > 0, `"${q}" (${lang}) has results`);
        const marked = page.locator(`ol.hits li.hit[lang="${lang}"]:has(p.snippet mark)`);
        assert.ok(await marked.count() > 0, `"${q}" has a ${lang} result whose snippet has a <mark>`);
        const markText = (await marked.first().locator('p.snippet mark').first().innerText()).trim();
        assert.ok(markText.length > 0, `the <mark> in the ${lang} snippet is not empty`);
        const dirs = await page.locator(`ol.hits li.hit[lang="${lang}"]`).evaluateAll((els) => els.map((e) => e.dir));
        const expected = lang === 'ar' ? 'rtl' : 'ltr';
        assert.ok(dirs.length > 0 && dirs.every((d) => d === expected),
          `${lang} results have dir="${expected}" (got ${JSON.stringify(dirs)})`);
      }
    } finally {
      await context.close();
    }
  });

  it('works with JavaScript disabled (server-rendered)', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      for (const { lang, q } of QUERIES) {
        await searchFromHome(page, q);
        const marked = page.locator(`ol.hits li.hit[lang="${lang}"]:has(p.snippet mark)`);
        assert.ok(await marked.count() > 0, `without JavaScript, "${q}" has a ${lang} result with a <mark>`);
      }
      // A document page and a facet link work without JavaScript too.
      await searchFromHome(page, 'judges');
      await Promise.all([
        page.waitForURL((url) => url.pathname.startsWith('/doc/')),
        page.locator('ol.hits li.hit h2 a').first().click(),
      ]);
      assert.ok(await page.locator('a.download').isVisible(), 'document page has a download link without JavaScript');
    } finally {
      await context.close();
    }
  });

  it('a language facet filters the results and its chip removes the filter', async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      // "judicial" is both an English and a Spanish word: its results span two languages.
      await searchFromHome(page, 'judicial');
      const totalBefore = await totalText(page);
      const urlBefore = new URL(page.url());
      assert.equal(await page.locator('.chip').count(), 0, 'no filter chip before a facet is chosen');

      // Language facet links are the ones that add lang= to the URL; pick the one with the most
      // documents that is not the only language present (so filtering visibly narrows).
      const facetLinks = page.locator('aside.facets a[href*="lang="]:not(.chip):not(.clear)');
      const n = await facetLinks.count();
      assert.ok(n > 0, 'the facets panel has language links');
      const candidates = [];
      for (let i = 0; i < n; i++) {
        const href = await facetLinks.nth(i).getAttribute('href');
        const lang = new URL(href, baseUrl).searchParams.get('lang');
        const count = Number((await facetLinks.nth(i).locator('xpath=following-sibling::span[@class="count"]').innerText()).replace(/\D/g, ''));
        candidates.push({ i, lang, count });
      }
      assert.ok(candidates.length >= 2, `"judicial" finds documents in at least two languages (${JSON.stringify(candidates)})`);
      const pick = candidates.filter((c) => c.lang !== 'en').sort((a, b) => b.count - a.count)[0] || candidates[0];

      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('lang') === pick.lang),
        facetLinks.nth(pick.i).click(),
      ]);
      const langs = await page.locator('ol.hits li.hit').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
      assert.ok(langs.length > 0, `the ${pick.lang} filter leaves results`);
      assert.ok(langs.every((l) => l === pick.lang), `every result is in ${pick.lang}: ${JSON.stringify(langs)}`);
      const totalFiltered = await totalText(page);
      assert.notEqual(totalFiltered, totalBefore, 'the total changes when filtered');
      assert.ok(totalFiltered.includes(String(pick.count)),
        `the filtered total "${totalFiltered}" matches the facet count ${pick.count}`);
      assert.equal(await page.locator('input#q').inputValue(), 'judicial', 'the query is kept when filtering');

      const chip = page.locator('aside.facets .chip');
      assert.equal(await chip.count(), 1, 'one active-filter chip');
      assert.ok(await chip.isVisible(), 'the chip is visible');
      await Promise.all([
        page.waitForURL((url) => !url.searchParams.has('lang')),
        chip.click(),
      ]);
      assert.equal(await page.locator('.chip').count(), 0, 'the chip is gone once the filter is removed');
      assert.equal(await totalText(page), totalBefore, 'removing the filter restores the total');
      assert.equal(new URL(page.url()).searchParams.get('q'), urlBefore.searchParams.get('q'));
    } finally {
      await context.close();
    }
  });

  it('opens a document from the results, with its title and a working download link', async () => {
    const context = await newContext({ acceptDownloads: true });
    try {
      const page = await context.newPage();
      await searchFromHome(page, 'judges');
      const link = page.locator('ol.hits li.hit h2 a').first();
      const title = (await link.innerText()).trim();
      assert.ok(title.length > 0, 'the first result has a title');
      await Promise.all([
        page.waitForURL((url) => /^\/doc\/[^/]+$/.test(url.pathname)),
        link.click(),
      ]);
      const h1 = (await page.locator('main.document article h1').innerText()).trim();
      assert.equal(h1, title, 'the document page shows the title that was clicked');
      assert.ok((await page.title()).includes(title), 'the <title> names the document');

      const download = page.locator('a.download');
      assert.ok(await download.isVisible(), 'the download link is visible');
      const href = await download.getAttribute('href');
      assert.equal(new URL(href, page.url()).pathname, `${new URL(page.url()).pathname}/original`);
      const [dl] = await Promise.all([page.waitForEvent('download'), download.click()]);
      assert.ok(dl.suggestedFilename().length > 0, 'the download has a file name');
      assert.equal(await dl.failure(), null, 'the download completes');
      const response = await page.request.get(new URL(href, page.url()).href);
      assert.equal(response.status(), 200);
      assert.ok((await response.body()).length > 0, 'the original is not empty');
    } finally {
      await context.close();
    }
  });

  it('switches the interface language with the switcher and remembers it (Arabic RTL, Chinese)', async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      const htmlAttributes = () => page.evaluate(() => ({
        lang: document.documentElement.lang, dir: document.documentElement.dir,
      }));
      await searchFromHome(page, 'judges');
      assert.deepEqual(await htmlAttributes(), { lang: 'en', dir: 'ltr' }, 'English by default');
      const switcher = page.locator('header.site nav.languages');
      assert.equal(await switcher.locator('a').count(), 6, 'six interface languages');
      assert.equal(await switcher.locator('a[aria-current="true"]').getAttribute('lang'), 'en');

      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('ui') === 'ar'),
        switcher.locator('a[lang="ar"]').click(),
      ]);
      assert.deepEqual(await htmlAttributes(), { lang: 'ar', dir: 'rtl' }, 'the Arabic interface is right-to-left');
      assert.equal(await page.locator('.results-head h1').innerText(), 'النتائج');
      assert.equal(await page.locator('input#q').inputValue(), 'judges', 'the query is kept');
      assert.equal(await switcher.locator('a[aria-current="true"]').innerText(), 'العربية');
      // The facets column sits on the right in a right-to-left page (mirrored layout).
      const facets = await page.locator('aside.facets').boundingBox();
      const results = await page.locator('main.results').boundingBox();
      assert.ok(facets.x > results.x, `facets are right of the results (${facets.x} > ${results.x})`);

      // The next page's link has no ui parameter: the cookie carries the choice.
      const link = page.locator('ol.hits li.hit h2 a').first();
      assert.ok(!(await link.getAttribute('href')).includes('ui='), 'result links do not carry ui');
      await Promise.all([
        page.waitForURL((url) => url.pathname.startsWith('/doc/')),
        link.click(),
      ]);
      assert.deepEqual(await htmlAttributes(), { lang: 'ar', dir: 'rtl' }, 'the choice is remembered on the next page');
      const cookies = await context.cookies();
      assert.ok(cookies.some((c) => c.name === 'jil_ui' && c.value === 'ar'), 'the jil_ui cookie holds ar');

      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('ui') === 'zh'),
        switcher.locator('a[lang="zh"]').click(),
      ]);
      assert.ok(new URL(page.url()).pathname.startsWith('/doc/'), 'switching stays on the same page');
      assert.deepEqual(await htmlAttributes(), { lang: 'zh', dir: 'ltr' });
      assert.equal(await page.locator('a.download').innerText(), '下载原件');
      await page.goto(`${baseUrl}/search?q=judges&versions=all`);
      assert.deepEqual(await htmlAttributes(), { lang: 'zh', dir: 'ltr' }, 'Chinese is remembered');
      assert.match(await totalText(page), /份文件/);  // every version: a count of documents
    } finally {
      await context.close();
    }
  });

  it('never executes markup from the query (XSS sentinel)', async () => {
    // searchd also sends a Content-Security-Policy that forbids inline scripts; bypassCSP turns
    // that off in this context so that the sentinel tests the HTML escaping on its own (the
    // header is checked separately at the end).
    const context = await newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      const dialogs = [];
      page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
      const check = async (where) => {
        await page.waitForLoadState('load'); // image errors have fired by now
        assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', `no script ran (${where})`);
        assert.equal(await page.locator('img[src="x"]').count(), 0, `no injected <img> (${where})`);
        const scripts = await page.locator('script').evaluateAll((els) => els.filter((e) => e.text.includes('__xss')).length);
        assert.equal(scripts, 0, `no injected <script> (${where})`);
        assert.deepEqual(dialogs, [], `no dialog fired (${where})`);
      };
      await searchFromHome(page, XSS_PAYLOAD);
      assert.equal(await page.locator('input#q').inputValue(), XSS_PAYLOAD, 'the query is echoed back as text');
      await check('typed query');
      // The same payload where the server echoes it elsewhere: breaking out of the value="" of
      // the search box or out of <title>, and inside the error message for a bad filter value.
      const q = (value) => encodeURIComponent(value);
      const urls = [
        [`/search?q=${q(`"><img src=x onerror=window.__xss=1>`)}`, 'attribute break-out'],
        [`/search?q=${q(`'></title><script>window.__xss=1</script>`)}`, 'title break-out'],
        [`/search?q=${q(`judges ${XSS_PAYLOAD}`)}`, 'payload next to a matching word'],
        [`/search?q=judges&sort=${q(XSS_PAYLOAD)}`, 'sort error message'],
        [`/doc/${q(XSS_PAYLOAD)}`, 'document route'],
      ];
      for (const [url, where] of urls) {
        await page.goto(`${baseUrl}${url}`);
        await check(where);
      }
      const response = await page.goto(`${baseUrl}/search?q=${q(XSS_PAYLOAD)}`);
      assert.match(response.headers()['content-security-policy'] || '', /script-src 'self'/,
        'search pages forbid inline scripts with a Content-Security-Policy');
      for (const param of ['lang', 'country', 'year', 'type']) {
        await page.goto(`${baseUrl}/search?q=judges&${param}=${q(XSS_PAYLOAD)}&page=2`);
        await check(`${param} error message`);
        assert.ok((await page.locator('body').innerText()).includes(XSS_PAYLOAD),
          `the bad ${param} value is shown back as text, not markup`);
      }
    } finally {
      await context.close();
    }
  });

  it('saves screenshots at desktop and phone widths', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const sizes = [
      { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
      { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
    ];
    const saved = [];
    for (const size of sizes) {
      const context = await newContext({ viewport: size.viewport, isMobile: size.isMobile, hasTouch: size.isMobile });
      try {
        const page = await context.newPage();
        const noOverflow = async (what) => {
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          assert.ok(scrollWidth <= clientWidth, `${what} at ${size.name} width has no horizontal scroll (${scrollWidth} > ${clientWidth})`);
        };
        const shots = [
          { file: `search-judges-${size.name}.png`, url: `${baseUrl}/search?q=judges` },
          { file: `search-ar-${size.name}.png`, url: `${baseUrl}/search?q=${encodeURIComponent('تضارب المصالح')}` },
        ];
        for (const shot of shots) {
          await page.goto(shot.url);
          assert.ok(await page.locator('ol.hits li.hit').count() > 0, `${shot.file} shows results`);
          await noOverflow(shot.file);
          const file = path.join(ARTIFACTS, shot.file);
          await page.screenshot({ path: file, fullPage: true });
          saved.push(file);
        }
        await page.goto(`${baseUrl}/search?q=judges`);
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith('/doc/')),
          page.locator('ol.hits li.hit h2 a').first().click(),
        ]);
        await noOverflow('document page');
        const file = path.join(ARTIFACTS, `document-${size.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        saved.push(file);
        // Last, since ?ui= sets the cookie for this context: the Arabic interface, mirrored.
        await page.goto(`${baseUrl}/search?q=${encodeURIComponent('تضارب المصالح')}&ui=ar`);
        assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
        await noOverflow('Arabic interface');
        const arabic = path.join(ARTIFACTS, `search-ar-ui-ar-${size.name}.png`);
        await page.screenshot({ path: arabic, fullPage: true });
        saved.push(arabic);
      } finally {
        await context.close();
      }
    }
    for (const file of saved) {
      assert.ok(existsSync(file), `${file} was written`);
      console.log(`screenshot: ${file}`);
    }
  });

  // Last: searchd served every page above without crashing, and under a sanitizer build
  // reported nothing.
  it('searchd stops cleanly on SIGTERM with nothing on stderr from a sanitizer', async () => {
    const stderr = searchd.stderr;
    const result = await searchd.stop();
    assert.deepEqual(result, { code: 0, signal: null }, `jil-searchd exit status\nstderr:\n${stderr}`);
    assert.doesNotMatch(stderr, /Sanitizer|runtime error:/, 'no sanitizer report from jil-searchd');
  });
});
