// The XSS sweep (RELIABILITY.md T-W1 stored, T-W3 reflected). A jil-indexer run in the test indexes
// generated documents whose title, summary, body and file name carry 30 payloads (and whose
// organisation, country and topic try to: those closed vocabularies refuse them); a second
// jil-searchd serves that index. Chromium visits results (matching the payload documents), facets,
// document pages, the Atom feed and OAI-PMH in English and Arabic with a sentinel: the payloads
// run `__x++`, `window.__x` is defined by an init script (the page's CSP forbids inline scripts),
// and Content-Security-Policy violation events are counted, since a payload that reached the DOM
// as markup would be blocked by CSP and reported. Then every query parameter and path segment gets
// each payload, and the raw bytes of every HTML and XML response are searched for it.
//
// Run through ctest (ctest -L browser), which sets the environment harness.mjs reads.

import { describe, it, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  NOT_INSTALLED_MESSAGE, PLAYWRIGHT_INSTALLED, Searchd, launchChromium, newContext, runIndexer,
} from './harness.mjs';

// Each payload increments the sentinel if it ever runs.
const PAYLOADS = [
  '<script>__x++</script>',
  '<img src=x onerror=__x++>',
  '<svg onload=__x++>',
  '<svg><script>__x++</script></svg>',
  '"><img src=x onerror=__x++>',
  "'><img src=x onerror=__x++>",
  '</title><script>__x++</script>',
  '</textarea><script>__x++</script>',
  '<a href="javascript:__x++">click</a>',
  'javascript:__x++',
  '&lt;img src=x onerror=__x++&gt;',
  '&amp;<img src=x onerror=__x++>',
  '&#60;script&#62;__x++&#60;/script&#62;',
  '\u202E<img src=x onerror=__x++>\u202C',
  '<iframe srcdoc="<script>parent.__x++</script>"></iframe>',
  '<body onload=__x++>',
  '<details open ontoggle=__x++>',
  '<input autofocus onfocus=__x++>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__x++>',
  '" onmouseover="__x++" x="',
  "' onfocus='__x++' autofocus x='",
  '<style>@import "javascript:__x++";</style>',
  '<object data="javascript:__x++"></object>',
  '<embed src="javascript:__x++">',
  '<base href="javascript:__x++//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__x++">',
  '<form action="javascript:__x++"><button>go</button></form>',
  '{{__x++}}{{{__x}}}',
  ']]><script>__x++</script><![CDATA[',
  '<noscript><p title="</noscript><img src=x onerror=__x++>">',
];
const MARKER = 'xssmarker'; // in every payload document, so one search lists them all
const titleOf = (i) => `Xss ${String(i).padStart(2, '0')} ${PAYLOADS[i]}`;
const idOf = (i) => `xss-${String(i).padStart(2, '0')}`;
// File names cannot hold '/': it becomes U+2215 DIVISION SLASH, which looks the same.
const fileNameOf = (i) => `${idOf(i)} ${PAYLOADS[i].replace(/\//g, '\u2215')}.txt`;
// Markup that must never appear in a page built from the payloads.
const INJECTED = '[onerror],[onload],[onmouseover],[onfocus],[ontoggle],script:not([src]),iframe,object,embed,base,' +
  'meta[http-equiv],a[href^="javascript:"],form[action^="javascript:"],body > img[src="x"]';

// Sets the sentinel and collects CSP violations before any page script; runs in every page.
function installSentinel() {
  window.__x = 0;
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
      directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile, sample: event.sample,
    });
  });
}

function sidecar(id, fields) {
  return {
    id, title: 'Generated', language: 'en', type: 'guidance', organisation: 'ijin', country: '',
    region: 'global', year: 2024, topics: ['gifts'], ...fields,
  };
}

if (!PLAYWRIGHT_INSTALLED) {
  console.error(`ERROR: ${NOT_INSTALLED_MESSAGE}`);
  test('playwright-core is installed (npm ci --prefix tests/browser)', () => { throw new Error(NOT_INSTALLED_MESSAGE); });
} else describe('XSS sweep: stored (T-W1) and reflected (T-W3) payloads in chromium', () => {
  const searchd = new Searchd();
  let browser;
  let baseUrl;
  let workDir;
  let indexed;

  before(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'jil-browser-xss-'));
    const source = path.join(workDir, 'source');
    await mkdir(source);
    for (let i = 0; i < PAYLOADS.length; i++) {
      const name = fileNameOf(i);
      await writeFile(path.join(source, name), `Body of ${MARKER} document ${i}.\n\n${PAYLOADS[i]}\n\nJudges and ${MARKER}.`);
      await writeFile(path.join(source, `${name}.json`), JSON.stringify(sidecar(idOf(i), {
        title: titleOf(i), summary: `Summary ${PAYLOADS[i]}`, language: i % 5 === 0 ? 'ar' : 'en',
      })));
    }
    // The closed vocabularies: these three must be refused at ingest.
    for (const [field, value] of [['organisation', PAYLOADS[1]], ['country', PAYLOADS[0]], ['topics', [PAYLOADS[4]]]]) {
      await writeFile(path.join(source, `refused-${field}.txt`), `${MARKER} refused`);
      await writeFile(path.join(source, `refused-${field}.txt.json`), JSON.stringify(sidecar(`refused-${field}`, { [field]: value })));
    }
    indexed = await runIndexer(path.join(workDir, 'db'), path.join(workDir, 'store'), [source]);
    baseUrl = await searchd.start(path.join(workDir, 'db'), path.join(workDir, 'store'));
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

  it('refuses payloads in the closed vocabularies (organisation, country, topic) at ingest', () => {
    assert.equal(indexed.code, 1, `jil-indexer exits 1 when some documents failed\n${indexed.stderr}`);
    const report = `${indexed.stdout}\n${indexed.stderr}`;
    for (const field of ['organisation', 'country', 'topics']) {
      assert.match(report, new RegExp(`refused-${field}\\.txt.*field '${field}`), `the ${field} payload is refused`);
    }
    assert.match(report, /added 30,/, 'the 30 payload documents are indexed');
  });

  // Visits `url` and checks the sentinel, CSP reports and injected elements; resolves with the
  // page's visible text. Chromium shows XML (the feed, OAI-PMH) in its own viewer, whose inline
  // style the page's CSP blocks: those reports (a style, from no file of ours) are the browser's.
  async function visit(page, url, { xml = false } = {}) {
    await page.goto(`${baseUrl}${url}`);
    await page.waitForLoadState('load'); // image errors and autofocus have fired by now
    const state = await page.evaluate((selector) => ({
      x: window.__x, csp: window.__cspViolations, injected: document.querySelectorAll(selector).length,
      text: document.body ? document.body.innerText : document.documentElement.textContent,
    }), INJECTED);
    assert.equal(state.x, 0, `the sentinel ran on ${url}`);
    const ours = state.csp.filter((v) => !(xml && v.directive.startsWith('style-src') && v.source === ''));
    assert.deepEqual(ours, [], `CSP violations on ${url}`);
    assert.equal(state.injected, 0, `injected markup on ${url}`);
    return state.text;
  }

  for (const ui of ['en', 'ar']) {
    it(`shows stored payloads as text in results, facets and document pages (${ui})`, async () => {
      const context = await newContext(browser);
      await context.addInitScript(installSentinel);
      try {
        const page = await context.newPage();
        const results = await visit(page, `/search?q=${MARKER}&size=50&ui=${ui}`);
        // The checks can fail: markup planted in the page is seen and its handler reported by CSP.
        const planted = await page.evaluate(async (selector) => {
          document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="__x++">');
          await new Promise((resolve) => document.addEventListener('securitypolicyviolation', resolve, { once: true }));
          return { injected: document.querySelectorAll(selector).length, csp: window.__cspViolations.length };
        }, INJECTED);
        assert.deepEqual(planted, { injected: 1, csp: 1 }, 'a planted payload is detected');
        for (let i = 0; i < PAYLOADS.length; i++) {
          assert.ok(results.includes(titleOf(i)), `result title ${i} is shown as text: ${titleOf(i)}`);
        }
        await visit(page, `/search?q=${MARKER}&size=50&lang=en&type=guidance&topic=gifts&ui=${ui}`);
        await visit(page, `/search?q=${encodeURIComponent('onerror')}&size=50&ui=${ui}`);
        await visit(page, `/search?q=${encodeURIComponent('script')}&sort=title&ui=${ui}`);
        for (let i = 0; i < PAYLOADS.length; i++) {
          const text = await visit(page, `/doc/${idOf(i)}?q=${MARKER}&ui=${ui}`);
          assert.equal((await page.locator('main.document h1').innerText()).trim(), titleOf(i));
          assert.ok(text.includes(PAYLOADS[i].trim()), `document ${i} shows its payload as text`);
          assert.ok(text.includes(fileNameOf(i)), `document ${i} shows its file name as text`);
        }
        const feed = await visit(page, `/feed.atom?q=${MARKER}&size=50`, { xml: true });
        assert.ok(feed.includes(`Xss 01 `), 'the feed lists the payload documents');
        const oai = await visit(page, '/oai?verb=ListRecords&metadataPrefix=oai_dc', { xml: true });
        assert.ok(oai.includes(PAYLOADS[0]), 'OAI-PMH shows payload titles as text');
      } finally {
        await context.close();
      }
    });

    it(`never runs payloads reflected from the query, filters or path (${ui})`, async () => {
      const context = await newContext(browser);
      await context.addInitScript(installSentinel);
      try {
        const page = await context.newPage();
        for (const payload of PAYLOADS) {
          const p = encodeURIComponent(payload);
          const text = await visit(page, `/search?q=${p}&ui=${ui}`);
          assert.equal(await page.locator('input#q').inputValue(), payload, 'the query is kept as typed');
          assert.ok(text !== undefined);
          if (ui !== 'en') continue; // escaping does not depend on the interface language
          await visit(page, `/search?q=judges&lang=${p}&ui=${ui}`);
          await visit(page, `/doc/${p}?ui=${ui}`);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('serves citations and originals of payload documents only as attachments', async () => {
    for (let i = 0; i < PAYLOADS.length; i++) {
      for (const route of ['cite.ris', 'cite.bib', 'original']) {
        const response = await fetch(`${baseUrl}/doc/${idOf(i)}/${route}`);
        assert.equal(response.status, 200, `${idOf(i)}/${route}`);
        assert.match(response.headers.get('content-disposition'), /^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        assert.doesNotMatch(response.headers.get('content-type'), /html|xml|svg/);
        await response.arrayBuffer();
      }
    }
  });

  it('never echoes a raw payload in any HTML or XML response, from any parameter or path segment (T-W3)', async () => {
    const targets = (p) => [
      `/search?q=${p}`, `/?q=${p}`, `/search?${p}=1`, `/search?q=judges&page=2&size=${p}`,
      ...['lang', 'type', 'country', 'region', 'organisation', 'topic', 'value', 'concept', 'year',
        'year_from', 'year_to', 'sort', 'page', 'cross', 'ui'].map((name) => `/search?q=judges&${name}=${p}`),
      `/doc/${p}`, `/doc/${idOf(0)}/${p}`, `/doc/${p}/original`, `/doc/${p}/cite.ris`, `/doc/${idOf(0)}?q=${p}`,
      `/concept/${p}`, `/concepts?ui=${p}`, `/gaps?x=${p}`, `/static/${p}`, `/${p}`,
      `/feed.atom?q=${p}`, `/feed.atom?lang=${p}`, `/feed.atom?q=${MARKER}&sort=${p}`,
      `/oai?verb=${p}`, `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=${p}`,
      `/oai?verb=ListRecords&metadataPrefix=${p}`, `/oai?verb=ListRecords&resumptionToken=${p}`,
      `/oai?verb=ListRecords&metadataPrefix=oai_dc&set=${p}`, `/oai?verb=ListRecords&metadataPrefix=oai_dc&from=${p}`,
      `/opensearch.xml?x=${p}`, `/sitemap.xml?x=${p}`,
      `/api/v1/search?q=${p}`, `/api/v1/search?lang=${p}`, `/api/v1/documents/${p}`, `/api/${p}`,
    ];
    const failures = [];
    const check = async (payload, target) => {
      // A payload made only of entities (&lt;img…&gt;) is exactly what correct escaping of a
      // stored payload looks like, so bytes cannot tell them apart; the browser visits above check
      // that it is shown as typed.
      const special = /[<>"']/.test(payload);
      const response = await fetch(`${baseUrl}${target}`, { redirect: 'manual' });
      const type = response.headers.get('content-type') || '';
      const body = await response.text();
      if (response.status >= 500) failures.push(`${target}: ${response.status}`);
      if (response.headers.get('x-content-type-options') !== 'nosniff') failures.push(`${target}: no nosniff`);
      if (/json/.test(type)) {
        // JSON is data, never rendered: a string may hold the payload as it was sent, but the
        // body must be JSON, so a browser opening it shows text.
        try { JSON.parse(body); } catch { failures.push(`${target}: ${type} body is not JSON`); }
        return;
      }
      if (!/html|xml/.test(type)) return;
      if (special && body.includes(payload)) failures.push(`${target} (${type}): raw payload ${payload}`);
      if (/(href|src|action|data)="javascript:/i.test(body)) failures.push(`${target}: a javascript: URL`);
    };
    const requests = PAYLOADS.flatMap((payload) => targets(encodeURIComponent(payload)).map((target) => [payload, target]));
    // Four at a time: searchd has two workers, and the sweep stays short under a sanitizer.
    for (let i = 0; i < requests.length; i += 4) {
      await Promise.all(requests.slice(i, i + 4).map(([payload, target]) => check(payload, target)));
    }
    const checked = requests.length;
    console.log(`reflected payload requests checked: ${checked}`);
    assert.deepEqual(failures, []);
  });

  it('searchd stops cleanly on SIGTERM with nothing on stderr from a sanitizer', async () => {
    const stderr = searchd.stderr;
    assert.deepEqual(await searchd.stop(), { code: 0, signal: null }, `jil-searchd exit status\nstderr:\n${stderr}`);
    assert.doesNotMatch(stderr, /Sanitizer|runtime error:/);
  });
});
