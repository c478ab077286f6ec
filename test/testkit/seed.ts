import { randomBytes } from 'node:crypto';
import { agencies, users } from '@jointops/server/db/schema/accounts';
import { encodeGlobalId } from '@jointops/server/global-id';
import { hashPassword } from '@jointops/server/modules/accounts/passwords';
import type { AgencyKind } from '@jointops/shared/domain';
import type { TestApp } from './app';

export interface SeededAgency {
  id: string;
  globalId: string;
  name: string;
  countryCode: string | null;
}

export interface SeededUser {
  id: string;
  globalId: string;
  email: string;
  password: string;
  isAdmin: boolean;
  agency: SeededAgency;
}

export interface Session {
  token: string;
  /** The Cookie request header value the server set at sign-in. */
  cookie: string;
  setCookie: string;
}

const unique = () => randomBytes(4).toString('hex');

/** Builders for the directory a test needs; everything else comes from the real API. */
export function seedKit(testApp: TestApp) {
  const { db } = testApp.database;
  return {
    async agency(fields: { name?: string; kind?: AgencyKind; countryCode?: string | null; acronym?: string } = {}): Promise<SeededAgency> {
      const [row] = await db
        .insert(agencies)
        .values({
          name: fields.name ?? `Test Customs ${unique()}`,
          kind: fields.kind ?? 'CUSTOMS',
          countryCode: fields.countryCode === undefined ? 'MY' : fields.countryCode,
          acronym: fields.acronym ?? null,
          timeZone: 'Asia/Kuala_Lumpur',
        })
        .returning();
      return { id: row!.id, globalId: encodeGlobalId('Agency', row!.id), name: row!.name, countryCode: row!.countryCode };
    },

    async user(
      fields: { agency?: SeededAgency; isAdmin?: boolean; email?: string; password?: string; locale?: 'en' | 'fr' } = {},
    ): Promise<SeededUser> {
      const agency = fields.agency ?? (await this.agency());
      const password = fields.password ?? `correct horse ${unique()}`;
      const [row] = await db
        .insert(users)
        .values({
          email: fields.email ?? `user-${unique()}@test.demo`,
          displayName: `Test User ${unique()}`,
          agencyId: agency.id,
          passwordHash: await hashPassword(password),
          isAdmin: fields.isAdmin ?? false,
          locale: fields.locale ?? 'en',
        })
        .returning();
      return { id: row!.id, globalId: encodeGlobalId('User', row!.id), email: row!.email, password, isAdmin: row!.isAdmin, agency };
    },

    /** Signs in through the real `login` mutation. */
    async signIn(user: Pick<SeededUser, 'email' | 'password'>): Promise<Session> {
      const response = await fetch(`${testApp.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: LoginInput!) { login(input: $input) { __typename ... on LoginSuccess { token } } }',
          variables: { input: { email: user.email, password: user.password } },
        }),
      });
      const body = (await response.json()) as { data?: { login?: { __typename: string; token?: string } } };
      const token = body.data?.login?.token;
      if (!token) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
      const setCookie = response.headers.get('set-cookie') ?? '';
      return { token, setCookie, cookie: setCookie.split(';')[0] ?? '' };
    },
  };
}

export type SeedKit = ReturnType<typeof seedKit>;
