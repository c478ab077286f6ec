import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testkit/app';
import { ensureWebBuilt } from '../testkit/web-build';

// The built web app as a contact point's browser gets it over a thin link: compressed by what the
// browser accepts (precompressed at build time), cached for a year when the name is fingerprinted,
// revalidated when it is index.html; the API's answers compressed too. Raw node:http, as fetch
// would undo the compression unseen.

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end(body);
  });
}

describe('the web app over HTTP', () => {
  let testApp: TestApp;
  let dist: string;
  let largestScript: string;

  beforeAll(async () => {
    dist = ensureWebBuilt();
    // The largest script: the one that matters on a thin link, and surely over the size worth compressing.
    const scripts = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
    const sizeOf = (name: string) => statSync(join(dist, 'assets', name)).size;
    largestScript = `/assets/${scripts.sort((a, b) => sizeOf(b) - sizeOf(a))[0]}`;
    testApp = await startTestApp({ env: { WEB_DIST_DIR: dist } });
  }, 120_000);
  afterAll(async () => {
    await testApp?.stop();
  });

  const original = (path: string) => readFileSync(join(dist, path));

  it('has a brotli and a gzip copy of every script and style sheet, each the same file once decompressed', () => {
    const texts = readdirSync(join(dist, 'assets')).filter((name) => /\.(?:js|css)$/.test(name));
    expect(texts.length).toBeGreaterThan(5);
    for (const name of texts) {
      const path = join('assets', name);
      if (original(path).length < 1024) continue;
      expect(brotliDecompressSync(original(`${path}.br`)).equals(original(path)), `${name}.br`).toBe(true);
      expect(gunzipSync(original(`${path}.gz`)).equals(original(path)), `${name}.gz`).toBe(true);
    }
  });

  it('sends brotli to a browser that accepts it, then gzip, and the plain file to one that accepts neither', async () => {
    const cases = [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0, gzip;q=0.8', 'gzip', gunzipSync],
      ['gzip;q=0.5, br;q=0.9', 'br', brotliDecompressSync],
      ['*', 'br', brotliDecompressSync],
      ['identity', undefined, (body: Buffer) => body],
      ['br;q=0, gzip;q=0', undefined, (body: Buffer) => body],
    ] as const;
    for (const [accepted, encoding, decode] of cases) {
      const response = await get(`${testApp.url}${largestScript}`, { 'accept-encoding': accepted });
      expect(response.status, accepted).toBe(200);
      expect(response.headers['content-encoding'], accepted).toBe(encoding);
      expect(response.headers.vary, accepted).toBe('Accept-Encoding');
      expect(Number(response.headers['content-length']), accepted).toBe(response.body.length);
      expect(decode(response.body).equals(original(largestScript)), accepted).toBe(true);
    }
    const plain = await get(`${testApp.url}${largestScript}`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original(largestScript))).toBe(true);
  });

  it('lets fingerprinted files be cached for a year and has index.html revalidated, deep links included', async () => {
    const asset = await get(`${testApp.url}${largestScript}`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const path of ['/', '/operations/OP-1/room']) {
      const page = await get(`${testApp.url}${path}`, { 'accept-encoding': 'gzip, br' });
      expect(page.status, path).toBe(200);
      expect(page.headers['cache-control'], path).toBe('no-cache');
      expect(page.headers.vary, path).toBe('Accept-Encoding');
      // Brotli when the build found it worth compressing (1 kB or more), as is otherwise.
      const compressed = original('index.html').length >= 1024;
      expect(page.headers['content-encoding'], path).toBe(compressed ? 'br' : undefined);
      expect((compressed ? brotliDecompressSync(page.body) : page.body).equals(original('index.html')), path).toBe(true);
    }
  });

  it('answers HEAD with the length of what GET would send', async () => {
    const head = await get(`${testApp.url}${largestScript}`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(original(`${largestScript}.br`).length);
    expect(head.body.length).toBe(0);
  });

  it('keeps a missing file a 404, compressed or not, never index.html', async () => {
    for (const accepted of ['br, gzip', 'identity']) {
      const missing = await get(`${testApp.url}/assets/index-gone0000.js`, { 'accept-encoding': accepted });
      expect(missing.status, accepted).toBe(404);
      expect(missing.headers['content-encoding'], accepted).toBeUndefined();
      expect(missing.headers['cache-control'], accepted).toBeUndefined();
      expect(missing.body.toString(), accepted).toBe('Not found');
    }
  });

  it("compresses the API's JSON answers for a client that accepts it, keeping their headers", async () => {
    // A few kB of JSON: the names of the schema's types (introspection is open outside production).
    const query = JSON.stringify({ query: '{ __schema { types { name description } } }' });
    const ask = (accepted: Record<string, string>) =>
      get(`${testApp.url}/graphql`, { 'content-type': 'application/json', ...accepted }, 'POST', query);
    const plain = await ask({});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [accepted, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const answer = await ask({ 'accept-encoding': accepted });
      expect(answer.headers['content-encoding'], accepted).toBe(encoding);
      expect(answer.headers.vary, accepted).toMatch(/Accept-Encoding/);
      expect(answer.headers['cache-control'], accepted).toBe('no-store');
      expect(answer.body.length, accepted).toBeLessThan(plain.body.length / 3);
      expect(decode(answer.body).equals(plain.body), accepted).toBe(true);
    }
    const small = await get(
      `${testApp.url}/graphql`,
      { 'content-type': 'application/json', 'accept-encoding': 'br' },
      'POST',
      '{"query":"{ me { id } }"}',
    );
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ data: { me: null } });
  });
});
