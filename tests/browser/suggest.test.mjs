// Browser test of suggestions as you type (web/static/suggest.js): the real jil-indexer and
// jil-searchd, Debian's chromium driven by playwright-core. Types a prefix in English and in
// Arabic, checks the ARIA combobox (listbox, active option, expanded state), picks a suggestion
// with the keyboard and with the mouse, closes the list with Escape, and checks that the search
// page with its stylesheet and script stays under 100 KB.
//
// Environment (ctest sets them): JIL_INDEXER, JIL_SEARCHD, JIL_SOURCE_DIR; optional JIL_CHROMIUM.

import { describe, it, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  SOURCE_DIR, PLAYWRIGHT_INSTALLED, NOT_INSTALLED_MESSAGE, runIndexer, Searchd, launchChromium,
  newContext,
} from './harness.mjs';

const PAGE_BUDGET_BYTES = 100 * 1024;

let browser;
const searchd = new Searchd();
let baseUrl;
let workDir;

async function newPage() {
  const context = await newContext(browser);
  return { context, page: await context.newPage() };
}

// Types `text` key by key into the search box and waits for the listbox to show the options
// asked for that text (a loaded machine can show the list of an earlier prefix first).
async function typeAndWaitForOptions(page, text) {
  const box = page.locator('input#q');
  await box.click();
  await box.pressSequentially(text);
  return waitForOptionsOf(page, text);
}

// Waits until the listbox shows the options answered for `text`, checks the ARIA roles.
async function waitForOptionsOf(page, text) {
  const box = page.locator('input#q');
  await page.waitForFunction((typed) => {
    const list = document.getElementById('q-suggestions');
    return list && !list.hidden && list.getAttribute('data-query') === typed
      && list.querySelector('[role=option]') !== null;
  }, text);
  assert.equal(await box.getAttribute('role'), 'combobox');
  assert.equal(await box.getAttribute('aria-controls'), 'q-suggestions');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#q-suggestions').getAttribute('role'), 'listbox');
  return page.locator('#q-suggestions [role=option]');
}

if (!PLAYWRIGHT_INSTALLED) {
  test('playwright-core is installed (npm ci --prefix tests/browser)', () => {
    throw new Error(NOT_INSTALLED_MESSAGE);
  });
} else describe('suggestions as you type in chromium', () => {
  before(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'jil-suggest-'));
    const db = path.join(workDir, 'db');
    const store = path.join(workDir, 'store');
    const indexed = await runIndexer(db, store, [path.join(SOURCE_DIR, 'corpus')]);
    assert.equal(indexed.code, 0, indexed.stderr);
    baseUrl = await searchd.start(db, store);
    browser = await launchChromium();
  });

  after(async () => {
    try {
      if (browser) await browser.close();
    } finally {
      try { await searchd.stop(); } finally { if (workDir) await rm(workDir, { recursive: true, force: true }); }
    }
  });

  it('completes an English prefix and searches the suggestion picked with the keyboard', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${baseUrl}/?ui=en`);
      const options = await typeAndWaitForOptions(page, 'judicial con');
      const first = (await options.first().innerText()).trim();
      assert.ok(first.startsWith('judicial con'), `the first option completes the text typed ("${first}")`);
      await page.locator('input#q').press('ArrowDown');
      assert.equal(await options.first().getAttribute('aria-selected'), 'true');
      assert.equal(await page.locator('input#q').getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === first),
        page.locator('input#q').press('Enter'),
      ]);
      assert.ok(await page.locator('ol.hits li.hit').count() > 0, `"${first}" finds documents`);
    } finally {
      await context.close();
    }
  });

  it('completes an Arabic prefix and opens the suggestion picked with the mouse', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${baseUrl}/?ui=ar`);
      const options = await typeAndWaitForOptions(page, 'القض');
      const first = (await options.first().innerText()).trim();
      assert.ok(first.startsWith('القض'), `the first option completes the Arabic prefix ("${first}")`);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === first),
        options.first().click(),
      ]);
      const langs = await page.locator('ol.hits li.hit').evaluateAll((els) => els.map((e) => e.lang));
      assert.ok(langs.includes('ar'), `"${first}" finds Arabic documents (${JSON.stringify(langs)})`);
    } finally {
      await context.close();
    }
  });

  it('closes the list with Escape and moves with the arrow keys around it', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${baseUrl}/?ui=en`);
      const options = await typeAndWaitForOptions(page, 'ju');
      const count = await options.count();
      await page.locator('input#q').press('ArrowUp');  // from nowhere up: the last option
      assert.equal(await options.nth(count - 1).getAttribute('aria-selected'), 'true');
      await page.locator('input#q').press('Escape');
      assert.ok(await page.locator('#q-suggestions').isHidden(), 'Escape hides the listbox');
      assert.equal(await page.locator('input#q').getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('input#q').inputValue(), 'ju', 'Escape keeps the text typed');
    } finally {
      await context.close();
    }
  });

  it('drops the highlighted option when more text is typed', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${baseUrl}/?ui=en`);
      const options = await typeAndWaitForOptions(page, 'jud');
      const box = page.locator('input#q');
      await box.press('ArrowDown');
      assert.equal(await options.first().getAttribute('aria-selected'), 'true');
      await box.press('i');  // the old list stays until the new answer; its choice does not
      assert.equal(await page.locator('#q-suggestions [aria-selected=true]').count(), 0);
      assert.equal(await box.getAttribute('aria-activedescendant'), null);
      const newer = await waitForOptionsOf(page, 'judi');
      assert.ok((await newer.first().innerText()).trim().startsWith('judi'));
    } finally {
      await context.close();
    }
  });

  it('keeps the search page, stylesheet and script under 100 KB', async () => {
    let total = 0;
    for (const target of ['/search?q=judges', '/static/jil.css', '/static/suggest.js']) {
      const response = await fetch(baseUrl + target);
      assert.equal(response.status, 200, target);
      total += (await response.arrayBuffer()).byteLength;
    }
    assert.ok(total < PAGE_BUDGET_BYTES, `search page in total ${total} bytes`);
    console.log(`search page with its stylesheet and script: ${total} bytes`);
  });
});
