import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { encodeGlobalId } from '@jointops/server/global-id';
import { CATALOGUE, CURRENT_CATALOGUE_VERSION, catalogueItems } from '@jointops/shared/catalogue';
import type { TestApp } from '../testkit/app';
import { errorCode, type GraphQLResponse } from '../testkit/graphql';
import { seedKit, type SeededAgency, type Session } from '../testkit/seed';

// A small directory: two colleagues at Royal Malaysian Customs, a Thai police officer, and an
// administrator at the WCO. Who may look whom up through `node(id)` is the story.

let testApp: TestApp;
let directory: Record<'rmcd' | 'pdrm' | 'thaiCustoms' | 'thaiPolice' | 'pnp' | 'boc' | 'wco', SeededAgency>;
let alice: { globalId: string; email: string; session: Session };
let bob: { session: Session };
let carol: { session: Session };
let admin: { session: Session };
let amelie: { session: Session };

it.beforeAll(async ({ app }) => {
  testApp = app;
  const seed = seedKit(testApp);
  directory = {
    rmcd: await seed.agency({ name: 'Royal Malaysian Customs Department', acronym: 'RMCD', countryCode: 'MY' }),
    pdrm: await seed.agency({ name: 'Royal Malaysia Police', acronym: 'PDRM', kind: 'POLICE', countryCode: 'MY' }),
    thaiCustoms: await seed.agency({ name: 'Thai Customs Department', acronym: 'TCD', countryCode: 'TH' }),
    thaiPolice: await seed.agency({ name: 'Royal Thai Police', acronym: 'RTP', kind: 'POLICE', countryCode: 'TH' }),
    pnp: await seed.agency({ name: 'Philippine National Police', acronym: 'PNP', kind: 'POLICE', countryCode: 'PH' }),
    boc: await seed.agency({ name: 'Bureau of Customs', acronym: 'BOC', countryCode: 'PH' }),
    wco: await seed.agency({ name: 'World Customs Organization', acronym: 'WCO', kind: 'INTERNATIONAL_ORGANIZATION', countryCode: null }),
  };
  const aliceUser = await seed.user({ agency: directory.rmcd });
  alice = { globalId: aliceUser.globalId, email: aliceUser.email, session: await seed.signIn(aliceUser) };
  bob = { session: await seed.signIn(await seed.user({ agency: directory.rmcd })) };
  carol = { session: await seed.signIn(await seed.user({ agency: directory.thaiPolice })) };
  admin = { session: await seed.signIn(await seed.user({ agency: directory.wco, isAdmin: true })) };
  amelie = { session: await seed.signIn(await seed.user({ agency: directory.wco, locale: 'fr' })) };
});

const NODE = `query($id: ID!) {
  node(id: $id) {
    __typename id
    ... on User { email agency { name } }
    ... on Agency { name countryCode }
    ... on Commodity { code name }
  }
}`;

const lookUp = (id: string, session?: Session) => testApp.graphql(NODE, { id }, session && { token: session.token });

describe('node(id) for a user', () => {
  it.each([
    ['the user themself', () => alice.session],
    ['a colleague of the same agency', () => bob.session],
    ['an administrator of another agency', () => admin.session],
  ])('shows the user to %s', async (_who, viewer) => {
    const response = await lookUp(alice.globalId, viewer());
    expect(response.errors).toBeUndefined();
    expect(response.data?.node).toEqual({
      __typename: 'User',
      id: alice.globalId,
      email: alice.email,
      agency: { name: 'Royal Malaysian Customs Department' },
    });
  });

  it('answers a user of another agency exactly as it answers an id that names nothing', async () => {
    const otherAgency = await lookUp(alice.globalId, carol.session);
    const answers = await Promise.all(
      [
        encodeGlobalId('User', randomUUID()),
        'x',
        Buffer.from('User:not-a-uuid').toString('base64'),
        encodeGlobalId('Spaceship', randomUUID()),
      ].map((id) => lookUp(id, carol.session)),
    );
    expect({ status: otherAgency.status, data: otherAgency.data, errors: otherAgency.errors }).toEqual({
      status: 200,
      data: { node: null },
      errors: undefined,
    });
    for (const answer of answers) {
      expect({ status: answer.status, data: answer.data, errors: answer.errors }).toEqual({
        status: otherAgency.status,
        data: otherAgency.data,
        errors: otherAgency.errors,
      });
    }
  });

  it('asks an anonymous caller to sign in', async () => {
    const response = await lookUp(alice.globalId);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.data?.node ?? null).toBeNull();
  });
});

describe('node(id) for reference data', () => {
  it('resolves an agency of any country for any signed-in user', async () => {
    const response = await lookUp(directory.rmcd.globalId, carol.session);
    expect(response.data?.node).toEqual({
      __typename: 'Agency',
      id: directory.rmcd.globalId,
      name: 'Royal Malaysian Customs Department',
      countryCode: 'MY',
    });
  });

  it('resolves a commodity for any signed-in user', async () => {
    const catalogue = await testApp.graphql('{ commodityCatalogue { items { id code } } }', {}, { token: carol.session.token });
    const ammoniumNitrate = catalogue.data?.commodityCatalogue.items.find((item: { code: string }) => item.code === 'AMMONIUM_NITRATE');
    const response = await lookUp(ammoniumNitrate.id, carol.session);
    expect(response.data?.node).toEqual({
      __typename: 'Commodity',
      id: ammoniumNitrate.id,
      code: 'AMMONIUM_NITRATE',
      name: 'Ammonium nitrate',
    });
  });

  it('asks an anonymous caller to sign in before showing an agency', async () => {
    expect(errorCode(await lookUp(directory.rmcd.globalId))).toBe('UNAUTHENTICATED');
  });
});

describe('the agency directory', () => {
  const AGENCIES = `query($first: Int, $after: String, $search: String) {
    agencies(first: $first, after: $after, search: $search) {
      edges { cursor node { name } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  interface AgencyPage {
    edges: { cursor: string; node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }

  async function names(search?: string): Promise<string[]> {
    const response = await testApp.graphql(AGENCIES, { first: 100, search }, { token: carol.session.token });
    expect(response.errors).toBeUndefined();
    return response.data?.agencies.edges.map((edge: { node: { name: string } }) => edge.node.name);
  }

  it('pages through every agency, each once, in the order of the whole list', async () => {
    const wholeList = await names();
    expect([...wholeList].sort()).toEqual(
      Object.values(directory)
        .map((agency) => agency.name)
        .sort(),
    );

    const pages: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse<{ agencies: AgencyPage }> = await testApp.graphql(
        AGENCIES,
        { first: 3, after },
        { token: carol.session.token },
      );
      const connection = response.data!.agencies;
      pages.push(connection.edges.map((edge) => edge.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(wholeList);
  });

  it.each([
    [
      'part of a name, in any case',
      'cUsToMs',
      ['Bureau of Customs', 'Royal Malaysian Customs Department', 'Thai Customs Department', 'World Customs Organization'],
    ],
    ['an acronym', 'pdrm', ['Royal Malaysia Police']],
    ['a country code', 'PH', ['Bureau of Customs', 'Philippine National Police']],
    ['a wildcard character, taken literally', '%', []],
    ['an underscore, taken literally', '_H', []],
  ])('finds agencies by %s', async (_by, search, expected) => {
    expect((await names(search)).sort()).toEqual(expected);
  });

  it('is only for signed-in users', async () => {
    expect(errorCode(await testApp.graphql(AGENCIES, { first: 5 }))).toBe('UNAUTHENTICATED');
  });
});

describe('the commodity catalogue', () => {
  const CATALOGUE_QUERY = `query($version: String) {
    commodityCatalogue(version: $version) { version items { code name } }
  }`;

  it.each([
    ['PGS-2010', 14],
    ['PGS-2015', 19],
  ] as const)('lists the %s version with its %i items', async (version, count) => {
    const response = await testApp.graphql(CATALOGUE_QUERY, { version }, { token: carol.session.token });
    expect(response.data?.commodityCatalogue.version).toBe(version);
    expect(response.data?.commodityCatalogue.items).toHaveLength(count);
    expect(response.data?.commodityCatalogue.items.map((item: { code: string }) => item.code)).toEqual(
      catalogueItems(version).map((item) => item.code),
    );
  });

  it('lists every item of the current version by default', async () => {
    const response = await testApp.graphql(CATALOGUE_QUERY, {}, { token: carol.session.token });
    expect(response.data?.commodityCatalogue.version).toBe(CURRENT_CATALOGUE_VERSION);
    expect(response.data?.commodityCatalogue.items).toHaveLength(CATALOGUE.length);
  });

  it('names the items in French for a French-speaking user', async () => {
    const response = await testApp.graphql(CATALOGUE_QUERY, {}, { token: amelie.session.token });
    expect(response.data?.commodityCatalogue.items).toEqual(CATALOGUE.map((item) => ({ code: item.code, name: item.name.fr })));
    expect(response.data?.commodityCatalogue.items[0]).toEqual({ code: 'AMMONIUM_NITRATE', name: 'Nitrate d’ammonium' });
  });

  it('refuses an unknown version, naming it and the known ones', async () => {
    const response = await testApp.graphql(CATALOGUE_QUERY, { version: 'PGS-1999' }, { token: carol.session.token });
    expect(response.data).toBeNull();
    expect(errorCode(response)).toBe('VALIDATION');
    expect(response.errors?.[0]?.message).toContain('PGS-1999');
    expect(response.errors?.[0]?.message).toContain('PGS-2010');
  });
});
