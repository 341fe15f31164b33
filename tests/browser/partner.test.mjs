// A partner page on another origin querying the JSON API with a key (issue 6 items 3 and 7):
// the page is README's example ("Keys and limits"), taken from README.md itself, served by two
// tiny node http servers on other ports of 127.0.0.1 (two other origins). The key lists the
// first origin only: chromium shows the results there, and blocks the answer by CORS on the
// second (the preflight is refused, so the page gets no results and a CORS error).
//
// Environment (ctest sets them; see CMakeLists.txt beside this file): JIL_INDEXER, JIL_SEARCHD,
// JIL_SOURCE_DIR (defaults to ../.. from here); optional JIL_CHROMIUM (default /usr/bin/chromium).

import { describe, it, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import {
  SOURCE_DIR, ACTION_TIMEOUT_MS, PLAYWRIGHT_INSTALLED, NOT_INSTALLED_MESSAGE, requireEnv, runIndexer,
  Searchd, launchChromium,
} from './harness.mjs';

const execFileAsync = promisify(execFile);

let browser;
let searchd;
let baseUrl;
let workDir;
let key;
const partners = [];  // { server, origin }

// README's partner page: the ```html block of the "Keys and limits" section.
function readmePartnerPage() {
  const readme = readFileSync(path.join(SOURCE_DIR, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Keys and limits'));
  const match = section.match(/```html\n([\s\S]*?)```/);
  assert.ok(match, 'README "Keys and limits" has an html example');
  return match[1];
}

// A node http server on a free port of 127.0.0.1 answering every GET with `page()`.
async function startPartner(page) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// Opens the partner page at `origin`, submits its search form, and returns what happened: the
// result titles, and the console messages chromium printed (CORS errors among them).
async function searchFrom(origin) {
  const context = await browser.newContext();
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    const messages = [];
    page.on('console', (message) => messages.push(message.text()));
    const apiAnswer = page.waitForEvent('requestfinished', {
      predicate: (request) => request.url().startsWith(`${baseUrl}/api/v1/search`) && request.method() === 'GET',
    }).then(() => 'finished');
    const apiFailure = page.waitForEvent('requestfailed', {
      predicate: (request) => request.url().startsWith(`${baseUrl}/api/v1/search`),
    }).then((request) => `failed: ${request.failure()?.errorText}`);
    await page.goto(`${origin}/`);
    await page.locator('#search button').click();
    const outcome = await Promise.race([apiAnswer, apiFailure]);
    let titles = [];
    if (outcome === 'finished') {
      await page.locator('#results li a').first().waitFor();
      titles = await page.locator('#results li a').allInnerTexts();
    }
    return { outcome, titles, messages, resultCount: await page.locator('#results li').count() };
  } finally {
    await context.close();
  }
}

if (!PLAYWRIGHT_INSTALLED) {
  test('playwright-core is installed (npm ci --prefix tests/browser)', () => { throw new Error(NOT_INSTALLED_MESSAGE); });
} else describe('a partner page on another origin, with an API key', () => {
  before(async () => {
    const searchdBin = requireEnv('JIL_SEARCHD');
    workDir = await mkdtemp(path.join(tmpdir(), 'jil-partner-'));
    const db = path.join(workDir, 'db');
    const store = path.join(workDir, 'store');
    const keys = path.join(workDir, 'keys.json');
    const indexed = await runIndexer(db, store, [path.join(SOURCE_DIR, 'corpus', 'en')]);
    assert.equal(indexed.code, 0, `jil-indexer failed:\n${indexed.stderr}`);

    const template = readmePartnerPage();
    const page = () => template.replace("'https://jil.example'", `'${baseUrl}'`).replace("'jil_…'", `'${key}'`);
    partners.push(await startPartner(page), await startPartner(page));
    const created = await execFileAsync(searchdBin,
      ['keys', 'create', '--keys', keys, '--name', 'Browser partner', '--origin', partners[0].origin]);
    key = created.stdout.split('\n')[0];
    assert.match(key, /^jil_[A-Za-z0-9_-]{43}$/);

    searchd = new Searchd();
    baseUrl = await searchd.start(db, store, ['--keys', keys]);
    browser = await launchChromium();
  });

  after(async () => {
    try {
      if (browser) await browser.close();
      for (const { server } of partners) server.close();
    } finally {
      try {
        await searchd?.stop();
      } finally {
        if (workDir) await rm(workDir, { recursive: true, force: true });
      }
    }
  });

  it('uses README\'s page with the real server address and key', () => {
    const template = readmePartnerPage();
    assert.match(template, /fetch\(/);
    assert.match(template, /'X-API-Key': KEY/);
    assert.ok(template.includes("'https://jil.example'") && template.includes("'jil_…'"),
      'the example names the server and the key where the test substitutes them');
  });

  it('shows results on the origin the key lists', async () => {
    const { outcome, titles } = await searchFrom(partners[0].origin);
    assert.equal(outcome, 'finished');
    assert.ok(titles.length > 0, 'the page lists results');
    assert.ok(titles.some((title) => /\(en, \d{4}\)$/.test(title)), `titles: ${titles.join(' | ')}`);
  });

  it('is blocked by CORS on an origin the key does not list', async () => {
    const { outcome, messages, resultCount } = await searchFrom(partners[1].origin);
    assert.match(outcome, /^failed/, 'the API request fails in the browser');
    assert.equal(resultCount, 0);
    assert.ok(messages.some((text) => /blocked by CORS policy/.test(text)),
      `chromium reports a CORS block: ${messages.join('\n')}`);
  });

  it('never lets the key reach searchd\'s output', () => {
    assert.ok(key && !searchd.output.includes(key), 'searchd printed the key');
  });
});
