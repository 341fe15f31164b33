// The OpenAPI 3.1 document (web/api/openapi.json, served at /api/v1/openapi.json) checked against
// REAL responses: the real jil-indexer indexes corpus/, a real jil-searchd serves it, and every
// JSON API route's answers (200s, 4xx problem bodies, CORS preflights) are validated with Ajv (JSON Schema
// 2020-12, the dialect of OpenAPI 3.1) against the schema the document gives for that path,
// status and media type. No browser is needed.
//
// Environment (ctest sets them; see CMakeLists.txt beside this file): JIL_INDEXER, JIL_SEARCHD,
// JIL_SOURCE_DIR (defaults to ../.. from here).

import { describe, it, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { HERE, SOURCE_DIR, requireEnv, runIndexer, Searchd } from './harness.mjs';

const execFileAsync = promisify(execFile);
const DOC_ID = 'openapi.json';

const AJV_INSTALLED = existsSync(path.join(HERE, 'node_modules', 'ajv', 'package.json')) &&
  existsSync(path.join(HERE, 'node_modules', 'ajv-formats', 'package.json'));
const Ajv2020 = AJV_INSTALLED ? (await import('ajv/dist/2020.js')).default : undefined;
const addFormats = AJV_INSTALLED ? (await import('ajv-formats')).default : undefined;

let searchd;
let baseUrl;
let workDir;
let spec;
let ajv;
let slowKey;  // an API key allowing one request, then one per ~17 minutes

// JSON pointer escaping of one reference token (RFC 6901).
const escapeToken = (token) => String(token).replaceAll('~', '~0').replaceAll('/', '~1');

// The document's path template matching a concrete path ("/api/v1/documents/{id}").
function pathTemplateFor(concretePath) {
  for (const template of Object.keys(spec.paths)) {
    const pattern = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$');
    if (pattern.test(concretePath)) return template;
  }
  return undefined;
}

// JSON pointer (into the document) of the schema for this path, status and media type, following
// a $ref'd Response Object. Fails the test when the document does not describe the response.
// The Response Object the document gives for this path, method and status, and its pointer.
function documentedResponse(template, status, method = 'get') {
  const operation = spec.paths[template][method];
  assert.ok(operation, `${template}: ${method} is not documented`);
  const responses = operation.responses;
  assert.ok(responses[String(status)], `${template}: ${method} status ${status} is not documented`);
  let pointer = `/paths/${escapeToken(template)}/${method}/responses/${status}`;
  let response = responses[String(status)];
  if (response.$ref) {
    pointer = response.$ref.slice(1);
    response = pointer.split('/').slice(1).reduce((node, token) => node[token.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  }
  return { pointer, response };
}

function responseSchemaPointer(template, status, mediaType, method = 'get') {
  const { pointer, response } = documentedResponse(template, status, method);
  assert.ok(response.content && response.content[mediaType],
    `${template}: status ${status} with ${mediaType} is not documented`);
  return `${pointer}/content/${escapeToken(mediaType)}/schema`;
}

// The schema of a documented response header, following a $ref'd Header Object.
function headerSchema(header) {
  const resolved = header.$ref
    ? header.$ref.slice(2).split('/').reduce((node, token) => node[token], spec)
    : header;
  return resolved.schema;
}

function validatorFor(pointer) {
  return ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
}

// GETs `target` and validates status, media type and body against the document.
async function checkAgainstSpec(target, expectedStatus, headers = {}) {
  const response = await fetch(baseUrl + target, { headers });
  const text = await response.text();
  assert.equal(response.status, expectedStatus, `${target}: status (body ${text.slice(0, 300)})`);
  const url = new URL(baseUrl + target);
  const template = pathTemplateFor(url.pathname);
  assert.ok(template, `${url.pathname} is not in the OpenAPI document`);
  const mediaType = (response.headers.get('content-type') || '').split(';')[0].trim();
  const validate = validatorFor(responseSchemaPointer(template, response.status, mediaType));
  const body = JSON.parse(text);
  assert.ok(validate(body),
    `${target}: the ${response.status} body does not match the document: ${ajv.errorsText(validate.errors)}`);
  return body;
}

// One request over node:http, which (unlike fetch) lets a GET announce a body: the status, the
// media type and the body text of the answer.
function rawRequest(target, method = 'GET', headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(baseUrl + target, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (piece) => { text += piece; });
      response.on('end', () => resolve({
        status: response.statusCode,
        mediaType: (response.headers['content-type'] || '').split(';')[0].trim(),
        text,
      }));
    });
    request.on('error', reject);
    request.end();
  });
}

if (!AJV_INSTALLED) {
  const message = `ajv and ajv-formats are not installed in ${path.join(HERE, 'node_modules')}: ` +
    'run `npm ci --prefix tests/browser` from the repository root';
  test('ajv is installed (npm ci --prefix tests/browser)', () => { throw new Error(message); });
} else describe('OpenAPI document against the real jil-searchd', () => {
  before(async () => {
    const searchdBin = requireEnv('JIL_SEARCHD');
    workDir = await mkdtemp(path.join(tmpdir(), 'jil-openapi-'));
    const db = path.join(workDir, 'db');
    const store = path.join(workDir, 'store');
    const indexed = await runIndexer(db, store, [path.join(SOURCE_DIR, 'corpus')]);
    assert.equal(indexed.code, 0, `jil-indexer failed:\n${indexed.stderr}`);
    const keys = path.join(workDir, 'keys.json');
    const created = await execFileAsync(searchdBin, ['keys', 'create', '--keys', keys, '--name', 'OpenAPI test',
      '--rate', '0.001', '--burst', '1', '--origin', 'https://portal.example']);
    slowKey = created.stdout.split('\n')[0];
    // The harness's searchd has no anonymous rate limit in practice (the suite's many requests).
    searchd = new Searchd();
    baseUrl = await searchd.start(db, store, ['--keys', keys]);
    const served = await fetch(`${baseUrl}/api/v1/openapi.json`);
    assert.equal(served.status, 200);
    spec = await served.json();
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(spec, DOC_ID);
  });

  after(async () => {
    try {
      await searchd?.stop();
    } finally {
      if (workDir) await rm(workDir, { recursive: true, force: true });
    }
  });

  it('is served as written in web/api/openapi.json, an OpenAPI 3.1 document', () => {
    const written = JSON.parse(readFileSync(path.join(SOURCE_DIR, 'web', 'api', 'openapi.json'), 'utf8'));
    assert.deepEqual(spec, written);
    assert.match(spec.openapi, /^3\.1\.\d+$/);
    for (const route of ['/api/v1/search', '/api/v1/documents/{id}', '/api/v1/concepts',
      '/api/v1/facets', '/api/v1/facets/{facet}', '/api/v1/translation-gaps', '/api/v1/suggest',
      '/healthz']) {
      assert.ok(spec.paths[route]?.get, `${route} is documented`);
    }
    // Every schema the document defines compiles (no dangling $ref, valid 2020-12 keywords).
    for (const name of Object.keys(spec.components.schemas)) {
      assert.doesNotThrow(() => validatorFor(`/components/schemas/${name}`), name);
    }
  });

  it('documents every search parameter searchd accepts', () => {
    const names = spec.paths['/api/v1/search'].get.parameters
      .map((p) => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p).name);
    for (const name of ['q', 'lang', 'type', 'region', 'country', 'organisation', 'topic', 'value',
      'year', 'concept', 'page', 'size', 'sort', 'hl', 'cross', 'fields', 'versions']) {
      assert.ok(names.includes(name), `parameter ${name} is documented`);
    }
  });

  it('describes real search answers, with every parameter and every facet filter', async () => {
    const plain = await checkAgainstSpec('/api/v1/search?q=judges', 200);
    assert.ok(plain.total > 0 && plain.results.length > 0, 'the corpus answers "judges"');
    await checkAgainstSpec('/api/v1/search?q=', 200);
    await checkAgainstSpec('/api/v1/search?q=conflict+of+interest&hl=fr&cross=1&sort=newest&page=1&size=5', 200);
    await checkAgainstSpec('/api/v1/search?q=%D8%AA%D8%B6%D8%A7%D8%B1%D8%A8&cross=0&sort=title&size=50', 200);
    await checkAgainstSpec('/api/v1/search?q=judges&sort=oldest&page=2&size=3', 200);
    await checkAgainstSpec('/api/v1/search?q=zzzznotaword', 200);
    await checkAgainstSpec('/api/v1/search?q=&year_from=2015&year_to=2024&sort=newest', 200);
    // Each facet the answer lists, used as a filter (the parameter of `language` is `lang`).
    const all = await checkAgainstSpec('/api/v1/search?q=&size=1', 200);
    for (const [facet, values] of Object.entries(all.facets)) {
      if (values.length === 0) continue;
      const parameter = facet === 'language' ? 'lang' : facet;
      const filtered = await checkAgainstSpec(
        `/api/v1/search?q=&${parameter}=${encodeURIComponent(values[0].value)}&${parameter}=${encodeURIComponent(values[values.length - 1].value)}`, 200);
      assert.ok(filtered.total > 0, `${parameter}=${values[0].value} finds documents`);
    }
  });

  it('describes collapsed and uncollapsed answers, spelling suggestions and suggestions as you type', async () => {
    const collapsed = await checkAgainstSpec('/api/v1/search?q=&hl=fr&size=50', 200);
    assert.equal(collapsed.versions, 'collapsed');
    assert.ok(collapsed.results.some((hit) => hit.other_versions.length > 0), 'some work has translations');
    const every = await checkAgainstSpec('/api/v1/search?q=&versions=all&size=5', 200);
    assert.equal(every.versions, 'all');
    assert.ok(every.total > collapsed.total, 'more documents than works');
    const misspelled = await checkAgainstSpec('/api/v1/search?q=impartialty', 200);
    assert.equal(misspelled.suggestion, 'impartiality');
    const english = await checkAgainstSpec('/api/v1/suggest?q=judicial+con&lang=en', 200);
    assert.ok(english.terms.length > 0 && english.titles.length > 0, 'the corpus completes "judicial con"');
    assert.ok(english.terms.every((term) => term.completion.startsWith('judicial con')));
    const arabic = await checkAgainstSpec(`/api/v1/suggest?q=${encodeURIComponent('القض')}`, 200);
    assert.ok(arabic.terms.length > 0);
    const empty = await checkAgainstSpec('/api/v1/suggest?q=j', 200);
    assert.deepEqual([empty.terms, empty.titles], [[], []]);
    for (const target of ['/api/v1/search?versions=some', '/api/v1/suggest?lang=xx',
      `/api/v1/suggest?q=${'a'.repeat(201)}`, '/api/v1/suggest?q=%FF']) {
      await checkAgainstSpec(target, 400);
    }
  });

  it('describes real 400 problem bodies', async () => {
    for (const target of ['/api/v1/search?q=%22unterminated', '/api/v1/search?size=0',
      '/api/v1/search?size=51', '/api/v1/search?page=x', '/api/v1/search?sort=random',
      '/api/v1/search?hl=xx', '/api/v1/search?cross=maybe', '/api/v1/search?lang=xx',
      '/api/v1/search?country=fr', '/api/v1/search?year=20x4', '/api/v1/search?concept=no-such-concept',
      '/api/v1/search?type=memo', '/api/v1/search?year_from=2024&year_to=2015', '/api/v1/search?year_from=15']) {
      const problem = await checkAgainstSpec(target, 400);
      assert.equal(problem.status, 400);
    }
  });

  it('describes real documents and 404 problem bodies', async () => {
    const found = await checkAgainstSpec('/api/v1/search?q=judges&size=1', 200);
    const id = found.results[0].id;
    const document = await checkAgainstSpec(`/api/v1/documents/${id}`, 200);
    assert.equal(document.text, undefined);
    const withText = await checkAgainstSpec(`/api/v1/documents/${id}?text=1`, 200);
    assert.ok(withText.text.length > 0);
    await checkAgainstSpec('/api/v1/documents/no-such-document', 404);
    await checkAgainstSpec('/api/v1/documents/NOT_AN_ID', 404);
  });

  it('describes the concepts, translation gaps, health and the document itself', async () => {
    const concepts = await checkAgainstSpec('/api/v1/concepts', 200);
    assert.ok(concepts.concepts.length > 0);
    const gaps = await checkAgainstSpec('/api/v1/translation-gaps', 200);
    assert.ok(gaps.works.length > 0);
    const health = await checkAgainstSpec('/healthz', 200);
    assert.ok(health.documents > 0);
    await checkAgainstSpec('/api/v1/openapi.json', 200);
  });

  it('describes fields selection on search hits and documents, and its 400s', async () => {
    const some = await checkAgainstSpec('/api/v1/search?q=judges&size=3&fields=id,title,snippet', 200);
    assert.ok(some.results.length > 0);
    for (const hit of some.results) assert.deepEqual(Object.keys(hit).sort(), ['id', 'snippet', 'title']);
    const id = some.results[0].id;
    const document = await checkAgainstSpec(`/api/v1/documents/${id}?fields=title,translations,text`, 200);
    assert.deepEqual(Object.keys(document).sort(), ['text', 'title', 'translations']);
    assert.ok(document.text.length > 0, 'fields=text implies the text');
    // other_versions is selectable (versions=collapsed, the default), so its schema must allow it.
    const versions = await checkAgainstSpec('/api/v1/search?q=judges&fields=id,other_versions', 200);
    assert.ok(versions.results.length > 0);
    for (const hit of versions.results) assert.deepEqual(Object.keys(hit).sort(), ['id', 'other_versions']);
    assert.ok(versions.results.some((hit) => hit.other_versions.length > 0), 'some hit has translations');
    for (const target of ['/api/v1/search?q=judges&fields=id,nope', '/api/v1/search?q=judges&fields=',
      '/api/v1/search?q=judges&fields=id,,title', `/api/v1/documents/${id}?fields=snippet`]) {
      const problem = await checkAgainstSpec(target, 400);
      assert.match(problem.detail, /^fields: /);
    }
  });

  it('describes the facet vocabularies with counts and labels', async () => {
    const all = await checkAgainstSpec('/api/v1/facets', 200);
    const search = await (await fetch(`${baseUrl}/api/v1/search?q=&size=1`)).json();
    assert.equal(all.total, search.total);
    for (const [facet, values] of Object.entries(search.facets)) {
      assert.deepEqual(all.facets[facet].map((v) => [v.value, v.count]), values.map((v) => [v.value, v.count]), facet);
    }
    const types = await checkAgainstSpec('/api/v1/facets/type', 200);
    assert.equal(types.facet, 'type');
    const guidance = types.values.find((v) => v.value === 'guidance');
    assert.ok(guidance && guidance.count > 0);
    assert.deepEqual(Object.keys(guidance.labels).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const languages = await checkAgainstSpec('/api/v1/facets/language', 200);
    assert.equal(languages.values.find((v) => v.value === 'fr')?.labels.fr, 'français');
    const some = await checkAgainstSpec('/api/v1/facets/language?q=judges&type=guidance', 200);
    assert.ok(some.values.length > 0 && some.total < all.total);
    const years = await checkAgainstSpec('/api/v1/facets/year', 200);
    assert.deepEqual(years.values[0].labels, {});
    await checkAgainstSpec('/api/v1/facets/concept?lang=ar', 200);
    await checkAgainstSpec('/api/v1/facets/no-such-facet', 404);
    await checkAgainstSpec('/api/v1/facets/type?lang=xx', 400);
  });

  it('describes real 401, 403 and 429 problem bodies, and Retry-After', async () => {
    for (const target of ['/api/v1/search?q=judges', '/api/v1/concepts', '/api/v1/documents/coi-guidance-en']) {
      const problem = await checkAgainstSpec(target, 401, { 'X-API-Key': 'jil_' + 'x'.repeat(43) });
      assert.equal(problem.status, 401);
      await checkAgainstSpec(target, 403, { 'X-API-Key': slowKey, Origin: 'https://elsewhere.example' });
    }
    await checkAgainstSpec('/api/v1/concepts?api_key=jil_x', 400);
    await checkAgainstSpec('/api/v1/translation-gaps', 200, { Authorization: `Bearer ${slowKey}` });
    const limited = await fetch(`${baseUrl}/api/v1/translation-gaps`, { headers: { 'X-API-Key': slowKey } });
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('retry-after'), new RegExp(spec.components.headers.RetryAfter.schema.pattern));
    await checkAgainstSpec('/api/v1/search?q=judges', 429, { 'X-API-Key': slowKey });
    assert.deepEqual(Object.keys(spec.components.securitySchemes).sort(), ['apiKey', 'bearer']);
  });

  it('describes CORS preflights (OPTIONS) of every /api/v1 route: 204 with its headers, 403, 405', async () => {
    for (const template of Object.keys(spec.paths).filter((t) => t.startsWith('/api/v1/'))) {
      const target = template.replace('{id}', 'coi-guidance-en').replace('{facet}', 'type');
      const allowed = await fetch(baseUrl + target, {
        method: 'OPTIONS',
        headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'GET',
                   'Access-Control-Request-Headers': 'x-api-key' },
      });
      assert.equal(allowed.status, 204, `${target}: preflight from a listed origin`);
      const { response } = documentedResponse(template, 204, 'options');
      for (const [name, header] of Object.entries(response.headers)) {
        const value = allowed.headers.get(name);
        assert.ok(value !== null, `${target}: the preflight answer lacks ${name}`);
        const validate = ajv.compile(headerSchema(header));
        assert.ok(validate(value), `${target}: ${name}: ${value} does not match the document`);
      }
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://portal.example');

      const refused = await fetch(baseUrl + target, {
        method: 'OPTIONS',
        headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(refused.status, 403, `${target}: preflight from an unlisted origin`);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      const refusedBody = await refused.json();
      const validateRefused = validatorFor(responseSchemaPointer(template, 403, 'application/problem+json', 'options'));
      assert.ok(validateRefused(refusedBody), `${target}: ${ajv.errorsText(validateRefused.errors)}`);

      const notPreflight = await fetch(baseUrl + target, { method: 'OPTIONS' });
      assert.equal(notPreflight.status, 405, `${target}: OPTIONS without the preflight headers`);
      const validate405 = validatorFor(responseSchemaPointer(template, 405, 'application/problem+json', 'options'));
      assert.ok(validate405(await notPreflight.json()), `${target}: ${ajv.errorsText(validate405.errors)}`);
    }
  });

  it('describes the refusals of the edge: 405, 413, 414 and 431, and the 1000-byte query', async () => {
    for (const template of Object.keys(spec.paths)) {
      const target = template.replace('{id}', 'coi-guidance-en').replace('{facet}', 'type');
      for (const [status, method, headers, path] of [
        [405, 'PUT', {}, target],
        [413, 'GET', { 'Content-Length': String(64 * 1024 + 1) }, target],
        [414, 'GET', {}, `${target}?q=${'a'.repeat(8 * 1024)}`],
        [431, 'GET', { 'X-Filler': 'x'.repeat(16 * 1024) }, target],
      ]) {
        const answer = await rawRequest(path, method, headers);
        assert.equal(answer.status, status, `${method} ${target}: ${answer.text.slice(0, 200)}`);
        const validate = validatorFor(responseSchemaPointer(template, status, answer.mediaType));
        assert.ok(validate(JSON.parse(answer.text)), `${target} ${status}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    const q = spec.components.parameters.q.schema;
    assert.equal(q.maxLength, 1000);
    const padded = (bytes) => encodeURIComponent('judges'.padEnd(bytes, ' '));
    for (const route of ['/api/v1/search', '/api/v1/facets']) {
      await checkAgainstSpec(`${route}?q=${padded(q.maxLength)}`, 200);
      await checkAgainstSpec(`${route}?q=${padded(q.maxLength + 1)}`, 400);
    }
  });

  it('rejects bodies that break the document (the check is not vacuous)', async () => {
    const body = await (await fetch(`${baseUrl}/api/v1/search?q=judges`)).json();
    const validate = validatorFor(responseSchemaPointer('/api/v1/search', 200, 'application/json'));
    assert.ok(validate(body));
    assert.equal(validate({ ...body, total: 'many' }), false);
    const { results, ...withoutResults } = body;
    assert.equal(validate(withoutResults), false);
    assert.equal(validate({ ...body, results: [{ ...results[0], snippet: { text: 'x' } }] }), false);
    const problem = validatorFor(responseSchemaPointer('/api/v1/documents/{id}', 404, 'application/problem+json'));
    assert.equal(problem({ title: 'Not Found', status: 404 }), false);
  });
});
