import { z } from 'zod';
import { keyed } from './refusals';
import { DETECTION_METHODS, LOCATION_TYPES, QUANTITY_UNITS, TRANSPORT_MODES, type QuantityUnit } from './domain';
import {
  countryCode,
  dateTime,
  globalId,
  MAX_QUANTITY,
  MIN_QUANTITY,
  MIN_QUANTITY_MESSAGE,
  optionalText,
  requiredText,
} from './validation';

/** `<operation code>/S-0001`: numbered per operation, without gaps. */
export const seizureReference = (operationCode: string, number: number) => `${operationCode}/S-${String(number).padStart(4, '0')}`;

// Quantities are never added across dimensions: 54 t of precursors and 17,252 m of detonating
// cord are two figures. Results convert within a dimension only, to its base unit.

export const DIMENSIONS = ['MASS', 'VOLUME', 'LENGTH', 'COUNT'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const UNIT_DIMENSION: Record<QuantityUnit, Dimension> = {
  KG: 'MASS',
  G: 'MASS',
  T: 'MASS',
  L: 'VOLUME',
  ML: 'VOLUME',
  M: 'LENGTH',
  PIECES: 'COUNT',
};

export const BASE_UNIT: Record<Dimension, QuantityUnit> = { MASS: 'KG', VOLUME: 'L', LENGTH: 'M', COUNT: 'PIECES' };

/** How many of its dimension's base unit one unit is: 1 t = 1000 kg, 1 mL = 0.001 L. */
export const TO_BASE_UNIT: Record<QuantityUnit, number> = { KG: 1, G: 0.001, T: 1000, L: 1, ML: 0.001, M: 1, PIECES: 1 };

/** A quantity in its dimension's base unit (kg, L, m, pieces). */
export function inBaseUnit(quantity: number, unit: QuantityUnit): { quantity: number; unit: QuantityUnit } {
  return { quantity: quantity * TO_BASE_UNIT[unit], unit: BASE_UNIT[UNIT_DIMENSION[unit]] };
}

/**
 * The unit rule: a seizure of a catalogue commodity is reported in a unit of the dimension of the
 * commodity's default unit (ammonium nitrate by mass, nitric acid by volume, detonating cord by
 * length, detonators by the piece). Going from litres to kilograms, or from bags to kilograms,
 * needs a density or a unit weight only the reporter knows: the reporter converts and reports the
 * result, the system never guesses. A described other commodity may be in any unit.
 */
export const unitFitsCommodity = (unit: QuantityUnit, commodityDefaultUnit: QuantityUnit): boolean =>
  UNIT_DIMENSION[unit] === UNIT_DIMENSION[commodityDefaultUnit];

export const unitMismatchMessage = (commodityDefaultUnit: QuantityUnit) =>
  `This commodity is measured by ${UNIT_DIMENSION[commodityDefaultUnit].toLowerCase()} (like ${commodityDefaultUnit}): convert the quantity before reporting it`;

/**
 * How far before its operation a seizure may date: from the first planned (or actual) start of
 * any of its phases, this many days earlier; a seizure older than that is not the operation's,
 * or its year is mistyped.
 */
export const SEIZURE_LEAD_DAYS = 180;
export const seizureTooEarlyMessage = `Must not be more than ${SEIZURE_LEAD_DAYS} days before the operation begins`;

/** A device's clock may run a little ahead of the server's: "now" on a phone is not the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const coordinate = (limit: number) =>
  z
    .number()
    .min(-limit, { error: `Between -${limit} and ${limit}` })
    .max(limit, { error: `Between -${limit} and ${limit}` })
    .nullish()
    .transform((value) => value ?? null);

const optionalCountry = countryCode.nullish().transform((value) => value ?? null);

/**
 * The notices and diffusions INTERPOL issues (interpol.int, "Notices"): a seizure's follow-up
 * names those issued after it by their colour and reference; DIFFUSION is a request circulated by
 * a member country's NCB rather than issued by the General Secretariat.
 */
export const INTERPOL_NOTICE_TYPES = [
  'RED',
  'YELLOW',
  'BLUE',
  'BLACK',
  'GREEN',
  'ORANGE',
  'PURPLE',
  'SILVER',
  'UN_SPECIAL',
  'DIFFUSION',
] as const;
export type InterpolNoticeType = (typeof INTERPOL_NOTICE_TYPES)[number];

/** Notices one seizure may name; more is a typo or a case for INTERPOL's own systems. */
export const MAX_INTERPOL_NOTICES = 20;

/**
 * A notice's reference as INTERPOL writes it (`2026/12345`, `A-1234/5-2026`): letters, digits and
 * `/ - . _` only, so that it never holds the `:` and `;` of the CSV cell that lists notices.
 */
const noticeReference = z
  .string()
  .trim()
  .min(1, { error: 'Required' })
  .max(60, { error: 'At most 60 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 /._-]*$/, { error: 'Letters, digits, spaces and / - . _ only' });

const interpolNotices = z
  .array(z.object({ type: z.enum(INTERPOL_NOTICE_TYPES), reference: noticeReference }))
  .max(MAX_INTERPOL_NOTICES, { error: `At most ${MAX_INTERPOL_NOTICES}` })
  .nullish()
  .transform((list) => list ?? []);

/** Persons arrested, by nationality: counts only, since no personal data is kept here. */
const arrestsByNationality = z
  .array(
    z.object({
      nationality: countryCode,
      count: z
        .number()
        .int({ error: 'A whole number' })
        .min(1, { error: 'At least 1: leave a nationality out instead' })
        .max(100_000, { error: 'Too large' }),
    }),
  )
  .max(50, { error: 'At most 50' })
  .nullish()
  .transform((list) => list ?? []);

const ids = z
  .array(globalId)
  .max(50, { error: 'At most 50' })
  .nullish()
  .transform((list) => list ?? []);

/** What a seizure report says: the same fields when it is first reported and when it is corrected. */
const seizureContentFields = {
  seizedAt: dateTime,
  countryCode,
  place: requiredText(300),
  locationType: z.enum(LOCATION_TYPES),
  latitude: coordinate(90),
  longitude: coordinate(180),
  commodityId: globalId.nullish().transform((value) => value ?? null),
  commodityDescription: optionalText(1000, { multiline: true }),
  quantity: z
    .number()
    .refine(Number.isFinite, { error: 'Must be a number', ...keyed('NOT_A_NUMBER') })
    .positive({ error: 'Must be more than zero', abort: true })
    .min(MIN_QUANTITY, { error: MIN_QUANTITY_MESSAGE })
    .max(MAX_QUANTITY, { error: 'Too large' }),
  unit: z.enum(QUANTITY_UNITS),
  detectionMethod: z.enum(DETECTION_METHODS),
  concealment: optionalText(2000, { multiline: true }),
  transportMode: z.enum(TRANSPORT_MODES),
  conveyance: optionalText(300, { multiline: true }),
  originCountryCode: optionalCountry,
  transitCountryCodes: z
    .array(countryCode)
    .max(20, { error: 'At most 20' })
    .nullish()
    .transform((codes) => codes ?? []),
  destinationCountryCode: optionalCountry,
  /** Absent with arrestsByNationality: their sum. With it, it must be that sum. */
  arrests: z
    .number()
    .int({ error: 'A whole number' })
    .min(0, { error: 'Not negative' })
    .max(100_000, { error: 'Too large' })
    .nullish()
    .transform((value) => value ?? null),
  arrestsByNationality,
  /** When the National Central Bureau was told of the seizure; the follow-up's other fields need it. */
  interpolNotifiedAt: dateTime.nullish().transform((value) => value ?? null),
  /** The NCB told: an agency of kind INTERPOL_NCB of the directory, checked by the server. */
  interpolNcbAgencyId: globalId.nullish().transform((value) => value ?? null),
  interpolNotices,
  linkedAlertIds: ids,
};

interface ContentChecked {
  arrests: number | null;
  arrestsByNationality: { nationality: string; count: number }[];
  interpolNotifiedAt: Date | null;
  interpolNcbAgencyId: string | null;
  interpolNotices: unknown[];
  commodityId: string | null;
  commodityDescription: string | null;
  quantity: number;
  unit: QuantityUnit;
  latitude: number | null;
  longitude: number | null;
}

/** The rules between fields, which the server and the web form both apply. */
function checkContent(content: ContentChecked, ctx: z.RefinementCtx): void {
  if (!content.commodityId && !content.commodityDescription) {
    ctx.addIssue({
      code: 'custom',
      path: ['commodityDescription'],
      message: 'Choose a catalogue commodity or describe the commodity seized',
      ...keyed('COMMODITY_REQUIRED'),
    });
  }
  if (UNIT_DIMENSION[content.unit] === 'COUNT' && !Number.isInteger(content.quantity)) {
    ctx.addIssue({
      code: 'custom',
      path: ['quantity'],
      message: 'Pieces are counted in whole numbers',
      ...keyed('PIECES_IN_WHOLE_NUMBERS'),
    });
  }
  if ((content.latitude === null) !== (content.longitude === null)) {
    ctx.addIssue({
      code: 'custom',
      path: [content.latitude === null ? 'latitude' : 'longitude'],
      message: 'Give both coordinates, or neither',
      ...keyed('COORDINATES_IN_PAIRS'),
    });
  }
  checkArrests(content, ctx);
  if (!content.interpolNotifiedAt && (content.interpolNcbAgencyId || content.interpolNotices.length)) {
    ctx.addIssue({
      code: 'custom',
      path: ['interpolNotifiedAt'],
      message: INTERPOL_NOTIFIED_REQUIRED,
      ...keyed('INTERPOL_NOTIFICATION_REQUIRED'),
    });
  }
}

export const INTERPOL_NOTIFIED_REQUIRED = 'When was the National Central Bureau notified? A follow-up starts there';

/** The arrests added up by nationality; a nationality named twice is a slip, not two groups. */
function checkArrests(content: ContentChecked, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  content.arrestsByNationality.forEach(({ nationality }, index) => {
    if (seen.has(nationality))
      ctx.addIssue({
        code: 'custom',
        path: ['arrestsByNationality', index, 'nationality'],
        message: 'This nationality appears twice',
        ...keyed('GIVEN_TWICE'),
      });
    seen.add(nationality);
  });
  const sum = content.arrestsByNationality.reduce((total, entry) => total + entry.count, 0);
  if (content.arrestsByNationality.length && content.arrests !== null && content.arrests !== sum) {
    ctx.addIssue({
      code: 'custom',
      path: ['arrests'],
      message: arrestsDisagreeMessage(sum),
      ...keyed('ARRESTS_NOT_SUM_OF_NATIONALITIES', { expected: sum }),
    });
  }
}

export const arrestsDisagreeMessage = (sum: number) => `Must be the arrests by nationality added up (${sum}), or left out`;

/**
 * The total of arrests: as given, or the sum of the arrests by nationality when only those are
 * given (checkArrests refused a total that disagrees), or 0 without either. Old clients that send
 * the total alone keep working; their arrests have no nationality.
 */
export const arrestsTotal = (content: Pick<ContentChecked, 'arrests' | 'arrestsByNationality'>): number =>
  content.arrests ?? content.arrestsByNationality.reduce((total, entry) => total + entry.count, 0);

export const reportSeizureInput = z
  .object({
    operationId: globalId,
    idempotencyKey: requiredText(200),
    /** false keeps a DRAFT that only the reporting agency sees; absent or true submits it. */
    submit: z
      .boolean()
      .nullish()
      .transform((value) => value ?? true),
    ...seizureContentFields,
  })
  .superRefine(checkContent);
export type ReportSeizureInput = z.infer<typeof reportSeizureInput>;

export const correctSeizureInput = z.object({ seizureId: globalId, ...seizureContentFields }).superRefine(checkContent);
export type SeizureContent = Omit<z.infer<typeof correctSeizureInput>, 'seizureId'>;

/** What a report says, alone: one row of an imported file. */
export const seizureContentInput = z.object(seizureContentFields).superRefine(checkContent);

export const importSeizuresInput = z.object({
  operationId: globalId,
  csv: z.string().refine((csv) => csv.trim() !== '', { error: 'Required', ...keyed('REQUIRED') }),
});

export const submitSeizureInput = z.object({ seizureId: globalId });
export const verifySeizureInput = z.object({ seizureId: globalId });
export const rejectSeizureInput = z.object({ seizureId: globalId, reason: requiredText(2000, { multiline: true }) });
