// Shared set-up of the browser tests (pages, xss, suggest, search, partner and openapi): the programs under test
// (from the environment ctest sets), a real jil-indexer run, a real jil-searchd on 127.0.0.1 and
// Debian's chromium through playwright-core (never a downloaded browser).
//
// Environment (ctest sets all three; see CMakeLists.txt beside this file):
//   JIL_INDEXER, JIL_SEARCHD  the binaries;  JIL_SOURCE_DIR  the repository root
// Optional: JIL_CHROMIUM (default /usr/bin/chromium).

import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = process.env.JIL_SOURCE_DIR || path.resolve(HERE, '..', '..');
export const ARTIFACTS = path.join(HERE, 'artifacts');
export const CHROMIUM = process.env.JIL_CHROMIUM || '/usr/bin/chromium';
// util-linux's setpriv starts searchd with a parent-death signal (Debian: essential package).
const SETPRIV = '/usr/bin/setpriv';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Upper bounds for a slow (sanitizer) build on a loaded machine, not sleeps.
export const STARTUP_TIMEOUT_MS = 60_000;
export const ACTION_TIMEOUT_MS = 60_000;

export const PLAYWRIGHT_INSTALLED = existsSync(path.join(HERE, 'node_modules', 'playwright-core', 'package.json'));
export const NOT_INSTALLED_MESSAGE = `playwright-core is not installed in ${path.join(HERE, 'node_modules')}: ` +
  'run `npm ci --prefix tests/browser` from the repository root, then run the browser tests again';

export function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through ctest (ctest -L browser), which sets it`);
  if (!existsSync(value)) throw new Error(`${name}=${value} does not exist: build it first`);
  return value;
}

// Runs `jil-indexer index` over `sources`; resolves with { code, stdout, stderr } (a non-zero
// exit is returned, not thrown, so that tests can expect refused documents).
export async function runIndexer(db, store, sources) {
  const indexer = requireEnv('JIL_INDEXER');
  try {
    const { stdout, stderr } = await execFileAsync(indexer,
      ['index', '--db', db, '--store', store, '--quiet', ...sources], { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

// A running jil-searchd: `url` once it prints its listening line; stop() resolves with the exit.
// `stderr` collects its standard error, `output` both its streams (tests look for keys in them).
export class Searchd {
  constructor() {
    this.child = undefined;
    this.stderr = '';
    this.output = '';
  }

  // `extraArgs` follow the defaults and win over them (e.g. ['--keys', file] or another
  // --anonymous-rate).
  start(db, store, extraArgs = []) {
    const binary = requireEnv('JIL_SEARCHD');
    return new Promise((resolve, reject) => {
      // setpriv (util-linux) makes searchd die with this process (PR_SET_PDEATHSIG) and then
      // execs it, so the pid is searchd's: a test run that is killed leaves no searchd behind.
      const child = spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', binary,
        '--db', db, '--store', store, '--web', path.join(SOURCE_DIR, 'web'),
        '--listen', '127.0.0.1', '--port', '0', '--threads', '2',
        // Many API requests from one address: no anonymous rate limit in practice.
        '--anonymous-rate', '100000', '--anonymous-burst', '1000000',
        ...extraArgs,
      ], { stdio: ['ignore', 'pipe', 'pipe'] });
      this.child = child;
      let out = '';
      const timer = setTimeout(() => {
        reject(new Error(`jil-searchd printed no listening line within ${STARTUP_TIMEOUT_MS} ms\n${out}\n${this.stderr}`));
      }, STARTUP_TIMEOUT_MS);
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk) => { this.stderr += chunk; this.output += chunk; });
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        out += chunk;
        this.output += chunk;
        const m = out.match(/jil-searchd listening on (http:\/\/127\.0\.0\.1:(\d+))/);
        if (m) {
          clearTimeout(timer);
          this.url = m[1];
          resolve(m[1]);
        }
      });
      child.on('error', (e) => { clearTimeout(timer); reject(e); });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`jil-searchd exited (code ${code}, signal ${signal}) before listening\n${out}\n${this.stderr}`));
      });
    });
  }

  // SIGTERM (SIGKILL after 10 s); resolves with { code, signal }.
  async stop() {
    const child = this.child;
    this.child = undefined;
    if (!child) return undefined;
    if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const result = await exited;
    clearTimeout(timer);
    return result;
  }
}

export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// A fresh browser context with timeouts generous enough for a sanitizer build on a busy machine.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  return context;
}
