import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, get } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { KEEP_ALIVE_MS } from '@jointops/server/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testkit/app';
import { operationKit, type Actor, type OperationDriver } from '../testkit/operations';

// What a browser is told and what a forged request gets: a page of another site cannot make a
// signed-in browser change anything, the web app runs its own scripts only and is never framed,
// and in production the API hands out no map of itself.

const UPDATE = 'mutation($input: UpdateOperationInput!) { updateOperation(input: $input) { __typename } }';

describe('a cookie-authenticated change sent as something other than JSON', () => {
  let testApp: TestApp;
  let coordinator: Actor;
  let cookie: string;
  let operation: OperationDriver;

  beforeAll(async () => {
    testApp = await startTestApp();
    const kit = operationKit(testApp);
    coordinator = await kit.actor();
    operation = await kit.operation(coordinator, { region: 'As planned' });
    cookie = (await kit.seed.signIn(coordinator)).cookie;
  });
  afterAll(() => testApp.stop());

  const variables = (region: string) => ({ input: { operationId: operation.id, region } });
  const region = async () => (await operation.view(coordinator, 'region'))!.region as string;
  const post = (body: BodyInit, headers: Record<string, string>) =>
    fetch(`${testApp.url}/graphql`, { method: 'POST', headers, body }).then(async (response) => ({
      status: response.status,
      text: await response.text(),
    }));

  const forms: [string, () => { body: BodyInit; headers: Record<string, string> }][] = [
    [
      'application/x-www-form-urlencoded',
      () => ({
        body: new URLSearchParams({ query: UPDATE, variables: JSON.stringify(variables('Forged by a form')) }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ],
    [
      'multipart/form-data',
      () => {
        const form = new FormData();
        form.set('operations', JSON.stringify({ query: UPDATE, variables: variables('Forged by a multipart form') }));
        form.set('map', '{}');
        return { body: form, headers: {} };
      },
    ],
    [
      'application/graphql',
      () => ({
        body: `mutation { updateOperation(input: { operationId: "${operation.id}", region: "Forged as GraphQL text" }) { __typename } }`,
        headers: { 'content-type': 'application/graphql' },
      }),
    ],
  ];

  it.each(forms)('as %s, without Origin: refused with CSRF_REFUSED, and nothing changes', async (_type, build) => {
    const { body, headers } = build();
    const refused = await post(body, { ...headers, cookie });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'CSRF_REFUSED' } })] });
    expect(await region()).toBe('As planned');
  });

  it('is made when the same session sends JSON, as the web app does', async () => {
    const made = await post(JSON.stringify({ query: UPDATE, variables: variables('Changed from the web app') }), {
      'content-type': 'application/json',
      cookie,
    });
    expect(JSON.parse(made.text)).toEqual({ data: { updateOperation: { __typename: 'Operation' } } });
    expect(await region()).toBe('Changed from the web app');
  });

  it('is made for an outside client with a Bearer token, whatever the body (no page can attach one)', async () => {
    const made = await post(
      `mutation { updateOperation(input: { operationId: "${operation.id}", region: "Changed by a script" }) { __typename } }`,
      {
        'content-type': 'application/graphql',
        authorization: `Bearer ${coordinator.token}`,
      },
    );
    expect(JSON.parse(made.text)).toEqual({ data: { updateOperation: { __typename: 'Operation' } } });
    expect(await region()).toBe('Changed by a script');
  });

  it('is never made by GET', async () => {
    const query = new URLSearchParams({ query: UPDATE, variables: JSON.stringify(variables('Forged by a link')) });
    const response = await fetch(`${testApp.url}/graphql?${query}`, { headers: { cookie } });
    expect(response.status).toBe(405);
    expect(await region()).toBe('Changed by a script');
  });
});

describe('a development and a production deployment', () => {
  let development: TestApp;
  let production: TestApp;
  let webDist: string;

  beforeAll(async () => {
    // A stand-in for web/dist: the headers do not depend on what the files say.
    webDist = mkdtempSync(join(tmpdir(), 'jointops-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(webDist, 'assets', 'app.js'), 'export {};');
    [development, production] = await Promise.all([
      startTestApp({ env: { NODE_ENV: 'development', WEB_DIST_DIR: webDist } }),
      startTestApp({ env: { NODE_ENV: 'production', COOKIE_SECURE: 'true', WEB_DIST_DIR: webDist } }),
    ]);
  });
  afterAll(async () => {
    await development.stop();
    await production.stop();
    rmSync(webDist, { recursive: true, force: true });
  });

  describe('response headers', () => {
    it('give the web app a strict Content-Security-Policy, frame denial, nosniff and no referrer', async () => {
      for (const path of ['/', '/operations/deep-link', '/assets/app.js']) {
        const response = await fetch(`${development.url}${path}`);
        expect(response.status).toBe(200);
        const policy = response.headers.get('content-security-policy')!;
        const directives = Object.fromEntries(
          policy.split(/;\s*/).map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
        );
        expect(directives['script-src']).toEqual(["'self'"]);
        expect(directives['style-src']).toEqual(["'self'"]);
        expect(directives['default-src']).toEqual(["'self'"]);
        expect(directives['object-src']).toEqual(["'none'"]);
        expect(directives['frame-ancestors']).toEqual(["'none'"]);
        const host = new URL(development.url).host;
        expect(directives['connect-src']).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
        expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('add HSTS once the deployment says it is on HTTPS (COOKIE_SECURE)', async () => {
      for (const path of ['/', '/healthz', '/graphql']) {
        expect((await fetch(`${production.url}${path}`)).headers.get('strict-transport-security')).toBe(
          'max-age=31536000; includeSubDomains',
        );
      }
    });

    it("keep an idle connection for 65 s, past a proxy's or a client pool's own idle limit, and say so", async () => {
      // Node's default is 5 s: a pool reusing the connection just as the server drops it gets a
      // reset for a request never read (CI's mutation fuzz met one after a slow database check).
      const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
        const agent = new Agent({ keepAlive: true });
        get(`${development.url}/healthz`, { agent }, (response) => {
          response.resume();
          agent.destroy();
          resolve(response.headers['keep-alive'] as string | undefined);
        }).on('error', reject);
      });
      expect(keepAlive).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
      expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000);
    });

    it('keep GraphQL answers out of caches and out of documents', async () => {
      const response = await development.graphql('{ me { id } }');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    });
  });

  describe('the map of the API', () => {
    const misspelled = [
      ['a field', '{ operatoins(first: 1) { edges { cursor } } }', {}],
      ['an enum value', '{ operations(first: 1, phase: PLANING) { edges { cursor } } }', {}],
      [
        'an enum value in a variable',
        'query($phase: Phase) { operations(first: 1, phase: $phase) { edges { cursor } } }',
        { phase: 'PLANING' },
      ],
    ] as const;

    it('is not handed out in production: no introspection, no suggestions, no GraphiQL', async () => {
      for (const query of [getIntrospectionQuery(), '{ __type(name: "Operation") { fields { name } } }']) {
        const response = await production.graphql(query);
        expect(response.data).toBeNull();
        expect(response.errors?.[0]?.message).toMatch(/introspection has been disabled/);
      }
      for (const [, query, variables] of misspelled) {
        const response = await production.graphql(query, variables);
        expect(response.errors?.length).toBeGreaterThan(0);
        expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean|operations"|PLANNING/);
      }
      const page = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/graphiql/i);
    });

    // Tests run as NODE_ENV=test, which counts as development here: schema-contract and the
    // web's code generation read the schema from the code, but developers' tools introspect.
    it('is handed out in development, where the same mistakes get their suggestions', async () => {
      const response = await development.graphql(getIntrospectionQuery());
      expect(response.errors).toBeUndefined();
      expect(response.data!.__schema.queryType.name).toBe('Query');
      for (const [what, query, variables] of misspelled) {
        expect(JSON.stringify((await development.graphql(query, variables)).errors), what).toMatch(/Did you mean/);
      }
      const page = await fetch(`${development.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).toMatch(/jointops GraphiQL/);
    });
  });
});
