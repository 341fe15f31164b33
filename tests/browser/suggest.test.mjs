// Browser test of suggestions as you type (web/static/suggest.js): the real jil-indexer and
// jil-searchd, Debian's chromium driven by playwright-core. Types a prefix in English and in
// Arabic, checks the ARIA combobox (listbox, active option, expanded state), picks a suggestion
// with the keyboard and with the mouse, closes the list with Escape, and checks that the search
// page with its stylesheet and script stays under 100 KB.
//
// Environment (ctest sets them): JIL_INDEXER, JIL_SEARCHD, JIL_SOURCE_DIR; optional JIL_CHROMIUM.

import { describe, it, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCE_DIR = process.env.JIL_SOURCE_DIR || path.resolve(HERE, '..', '..');
const CHROMIUM = process.env.JIL_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Upper bounds for a slow (sanitizer) build on a loaded machine, not sleeps.
const STARTUP_TIMEOUT_MS = 60_000;
const ACTION_TIMEOUT_MS = 60_000;
const PAGE_BUDGET_BYTES = 100 * 1024;

const PLAYWRIGHT_INSTALLED = existsSync(path.join(HERE, 'node_modules', 'playwright-core', 'package.json'));
const { chromium } = PLAYWRIGHT_INSTALLED ? await import('playwright-core') : {};

let browser;
let searchd;
let baseUrl;
let workDir;

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through ctest (ctest -L browser), which sets it`);
  if (!existsSync(value)) throw new Error(`${name}=${value} does not exist: build it first`);
  return value;
}

function startSearchd(binary, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    searchd = child;
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`jil-searchd did not listen within ${STARTUP_TIMEOUT_MS} ms\n${err}`)),
      STARTUP_TIMEOUT_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/jil-searchd listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`jil-searchd exited (code ${code}, signal ${signal}) before listening\n${err}`));
    });
  });
}

async function stopSearchd() {
  const child = searchd;
  searchd = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function newPage() {
  const context = await browser.newContext();
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  return { context, page: await context.newPage() };
}

// Types `text` key by key into the search box and waits for the listbox to show options.
async function typeAndWaitForOptions(page, text) {
  const box = page.locator('input#q');
  await box.click();
  await box.pressSequentially(text);
  await page.locator('#q-suggestions [role=option]').first().waitFor({ state: 'visible' });
  assert.equal(await box.getAttribute('role'), 'combobox');
  assert.equal(await box.getAttribute('aria-controls'), 'q-suggestions');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#q-suggestions').getAttribute('role'), 'listbox');
  return page.locator('#q-suggestions [role=option]');
}

if (!PLAYWRIGHT_INSTALLED) {
  test('playwright-core is installed (npm ci --prefix tests/browser)', () => {
    throw new Error(`playwright-core is not installed in ${path.join(HERE, 'node_modules')}: run \`npm ci --prefix tests/browser\``);
  });
} else describe('suggestions as you type in chromium', () => {
  before(async () => {
    const indexer = requireEnv('JIL_INDEXER');
    const searchdBin = requireEnv('JIL_SEARCHD');
    workDir = await mkdtemp(path.join(tmpdir(), 'jil-suggest-'));
    const db = path.join(workDir, 'db');
    const store = path.join(workDir, 'store');
    await execFileAsync(indexer, ['index', '--db', db, '--store', store, '--quiet', path.join(SOURCE_DIR, 'corpus')],
      { maxBuffer: 16 * 1024 * 1024 });
    baseUrl = await startSearchd(searchdBin, [
      '--db', db, '--store', store, '--web', path.join(SOURCE_DIR, 'web'),
      '--listen', '127.0.0.1', '--port', '0', '--threads', '2',
      // Each test types quickly from one address: no anonymous rate limit in practice.
      '--anonymous-rate', '100000', '--anonymous-burst', '1000000',
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    try {
      if (browser) await browser.close();
    } finally {
      try { await stopSearchd(); } finally { if (workDir) await rm(workDir, { recursive: true, force: true }); }
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
