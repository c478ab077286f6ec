import { z } from 'zod';
import { keyed } from './refusals';
import { AGENCY_KINDS, LOCALES, type AgencyKind } from './domain';
import { countryCode, email, globalId, optionalText, requiredText, timeZone, withoutControlCharacters } from './validation';

export const PASSWORD_MIN_LENGTH = 12;

export const loginInput = z.object({
  email,
  // No length rule here: a wrong password must fail as invalid credentials, not as validation.
  password: z.string().min(1, { error: 'Required' }).max(1024),
});
export type LoginInput = z.infer<typeof loginInput>;

/**
 * What is wrong with an agency's country, if anything: international organisations (WCO, INTERPOL
 * General Secretariat) belong to no country; every national agency does.
 */
export function agencyCountryProblem(agency: { kind: AgencyKind; countryCode: string | null }): string | null {
  return agency.kind !== 'INTERNATIONAL_ORGANIZATION' && !agency.countryCode ? 'Required for a national agency' : null;
}

export const createAgencyInput = z
  .object({
    name: requiredText(200),
    acronym: optionalText(20),
    kind: z.enum(AGENCY_KINDS),
    countryCode: countryCode.nullish().transform((value) => value ?? null),
    timeZone: timeZone.nullish().transform((value) => value ?? null),
  })
  .superRefine((agency, ctx) => {
    const problem = agencyCountryProblem(agency);
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['countryCode'], message: problem, ...keyed('COUNTRY_REQUIRED_FOR_NATIONAL_AGENCY') });
  });
export type CreateAgencyInput = z.infer<typeof createAgencyInput>;

/**
 * Fields left out stay as they are; `null` clears acronym, country or time zone. Whether the
 * result still has the country its kind needs depends on the stored agency: the service checks it
 * with `agencyCountryProblem`.
 */
export const updateAgencyInput = z.object({
  agencyId: globalId,
  name: requiredText(200).optional(),
  acronym: optionalText(20).optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  countryCode: countryCode
    .nullish()
    .transform((value) => value ?? null)
    .optional(),
  timeZone: timeZone
    .nullish()
    .transform((value) => value ?? null)
    .optional(),
});
export type UpdateAgencyInput = z.infer<typeof updateAgencyInput>;

export const deactivateAgencyInput = z.object({ agencyId: globalId });
export const reactivateAgencyInput = deactivateAgencyInput;

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `At least ${PASSWORD_MIN_LENGTH} characters` })
  .max(1024, { error: 'At most 1024 characters' })
  // A password is typed on a keyboard: a control character in it is a paste gone wrong.
  .superRefine(withoutControlCharacters());

export const createUserInput = z.object({
  email,
  displayName: requiredText(200),
  agencyId: globalId,
  password,
  locale: z
    .enum(LOCALES)
    .nullish()
    .transform((value) => value ?? 'en'),
  timeZone: timeZone.nullish().transform((value) => value ?? null),
  isAdmin: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  /** The password is one the administrator chose for the person: they must choose their own at first sign-in. */
  mustChangePassword: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const deactivateUserInput = z.object({ userId: globalId });
export type DeactivateUserInput = z.infer<typeof deactivateUserInput>;

export const reactivateUserInput = deactivateUserInput;

/** Fields left out stay as they are; none of them can be cleared. */
export const updateUserInput = z.object({
  userId: globalId,
  displayName: requiredText(200).optional(),
  email: email.optional(),
  agencyId: globalId.optional(),
  isAdmin: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
  timeZone: timeZone.optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const resetUserPasswordInput = z.object({ userId: globalId, newPassword: password });
export type ResetUserPasswordInput = z.infer<typeof resetUserPasswordInput>;

/**
 * No rule on the current password but presence: a wrong one is refused as not the person's
 * password, whatever its length. The new one follows the rules every password does.
 */
export const changeMyPasswordInput = z.object({
  currentPassword: z.string().min(1, { error: 'Required' }).max(1024, { error: 'At most 1024 characters' }),
  newPassword: password,
});
export type ChangeMyPasswordInput = z.infer<typeof changeMyPasswordInput>;

/** Fields left out stay as they are; neither can be cleared. */
export const updateMyPreferencesInput = z.object({
  locale: z.enum(LOCALES).optional(),
  timeZone: timeZone.optional(),
});
export type UpdateMyPreferencesInput = z.infer<typeof updateMyPreferencesInput>;
