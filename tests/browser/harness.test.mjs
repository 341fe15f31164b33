// The harness itself: a test run that is killed (SIGKILL, so no `after` hook runs) leaves no
// jil-searchd behind, because harness.mjs starts searchd with a parent-death signal. A child
// node process starts searchd through harness.mjs and prints its pid; it is killed and
// searchd must then end. No browser is needed.
//
// Environment (ctest sets them): JIL_INDEXER, JIL_SEARCHD, JIL_SOURCE_DIR.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { HERE, SOURCE_DIR, STARTUP_TIMEOUT_MS, runIndexer } from './harness.mjs';

// True while `pid` runs (a zombie has ended and only waits to be reaped).
async function running(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

test('a killed test run leaves no searchd behind', async () => {
  const workDir = await mkdtemp(path.join(tmpdir(), 'jil-harness-'));
  try {
    const db = path.join(workDir, 'db');
    const store = path.join(workDir, 'store');
    const indexed = await runIndexer(db, store, [path.join(SOURCE_DIR, 'corpus', 'en')]);
    assert.equal(indexed.code, 0, indexed.stderr);
    const harness = pathToFileURL(path.join(HERE, 'harness.mjs')).href;
    const script = `import { Searchd } from ${JSON.stringify(harness)};
      const searchd = new Searchd();
      await searchd.start(${JSON.stringify(db)}, ${JSON.stringify(store)});
      console.log('searchd pid ' + searchd.child.pid);
      setInterval(() => {}, 1 << 30);`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no pid within ${STARTUP_TIMEOUT_MS} ms: ${out}`)),
        STARTUP_TIMEOUT_MS);
      parent.stdout.setEncoding('utf8');
      parent.stdout.on('data', (chunk) => {
        out += chunk;
        const match = out.match(/searchd pid (\d+)/);
        if (match) { clearTimeout(timer); resolve(Number(match[1])); }
      });
      parent.on('exit', () => { clearTimeout(timer); reject(new Error(`the parent exited: ${out}`)); });
    });
    assert.ok(await running(pid), 'searchd runs while its parent does');
    const exited = new Promise((resolve) => parent.once('exit', resolve));
    parent.kill('SIGKILL');
    await exited;
    // The kernel kills searchd as its parent dies; wait (at most 20 s) until it has ended.
    let ended = false;
    for (let attempt = 0; attempt < 400 && !ended; ++attempt) {
      ended = !(await running(pid));
      if (!ended) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!ended) process.kill(pid, 'SIGKILL');
    assert.ok(ended, `jil-searchd ${pid} outlived its parent`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
});
