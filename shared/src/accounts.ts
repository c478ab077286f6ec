import { z } from 'zod';
import { AGENCY_KINDS, LOCALES } from './domain';
import { countryCode, email, globalId, optionalText, requiredText, timeZone } from './validation';

export const PASSWORD_MIN_LENGTH = 12;

export const loginInput = z.object({
  email,
  // No length rule here: a wrong password must fail as invalid credentials, not as validation.
  password: z.string().min(1, { error: 'Required' }).max(1024),
});
export type LoginInput = z.infer<typeof loginInput>;

export const createAgencyInput = z
  .object({
    name: requiredText(200),
    acronym: optionalText(20),
    kind: z.enum(AGENCY_KINDS),
    countryCode: countryCode.nullish().transform((value) => value ?? null),
    timeZone: timeZone.nullish().transform((value) => value ?? null),
  })
  .superRefine((agency, ctx) => {
    // International organisations (WCO, INTERPOL General Secretariat) belong to no country;
    // every national agency does.
    if (agency.kind !== 'INTERNATIONAL_ORGANIZATION' && !agency.countryCode) {
      ctx.addIssue({ code: 'custom', path: ['countryCode'], message: 'Required for a national agency' });
    }
  });
export type CreateAgencyInput = z.infer<typeof createAgencyInput>;

export const createUserInput = z.object({
  email,
  displayName: requiredText(200),
  agencyId: globalId,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: `At least ${PASSWORD_MIN_LENGTH} characters` })
    .max(1024, { error: 'At most 1024 characters' }),
  locale: z
    .enum(LOCALES)
    .nullish()
    .transform((value) => value ?? 'en'),
  timeZone: timeZone.nullish().transform((value) => value ?? null),
  isAdmin: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const deactivateUserInput = z.object({ userId: globalId });
export type DeactivateUserInput = z.infer<typeof deactivateUserInput>;
