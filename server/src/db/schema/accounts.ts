import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { AGENCY_KINDS, LOCALES } from '@jointops/shared/domain';

export const agencyKind = pgEnum('agency_kind', AGENCY_KINDS);
export const locale = pgEnum('locale', LOCALES);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    kind: agencyKind('kind').notNull(),
    countryCode: text('country_code'),
    timeZone: text('time_zone'),
    /** Set while the agency is switched off: its people cannot sign in and it is not offered for invitation. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  // Two agencies of one country with one name would be indistinguishable in every picker.
  (t) => [uniqueIndex('agencies_name_country_key').on(sql`lower(${t.name})`, sql`coalesce(${t.countryCode}, '')`)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    passwordHash: text('password_hash').notNull(),
    locale: locale('locale').notNull().default('en'),
    timeZone: text('time_zone').notNull().default('UTC'),
    isAdmin: boolean('is_admin').notNull().default(false),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** Set when an administrator chose the password: until the person picks their own, they may do nothing else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_agency_idx').on(t.agencyId)],
);

/** Sessions hold only a hash of their token: a leaked table grants nobody a session. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    sourceAddress: text('source_address'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per key ("account:<email>" or "address:<ip>"), shared by every server process so
 * that spreading guesses across processes gains nothing.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
