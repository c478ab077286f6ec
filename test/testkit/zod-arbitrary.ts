import fc from 'fast-check';

// fast-check arbitraries read off the shared zod schemas (zod 4 keeps each schema's definition in
// `_zod.def`), so a fuzz suite follows the schemas as they change instead of a copy of them. Each
// value is drawn from what the schema accepts, from its edges (exact and one-past limits), or from
// the inputs that break naive code (NUL and other control characters, lone surrogates, huge
// strings, 5e-324, -0, year 0001 and 9999, unknown enum words). With `wrongTypes`, values of the
// wrong JSON type, missing required fields and unknown extra fields are mixed in as well: GraphQL
// refuses those before any resolver runs, and that refusal is what they test.

/** The part of a zod 4 schema this file reads; structural, so the tests need no zod of their own. */
interface ZodSchema {
  _zod: { def: ZodDef };
}

interface ZodDef {
  type: string;
  checks?: ZodSchema[];
  // string formats (z.email()) and number formats (z.int()) sit on the definition itself
  format?: string;
  pattern?: RegExp;
  check?: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  coerce?: boolean;
  entries?: Record<string, string | number>;
  values?: unknown[];
  shape?: Record<string, ZodSchema>;
  element?: ZodSchema;
  innerType?: ZodSchema;
  in?: ZodSchema;
  options?: ZodSchema[];
  keyType?: ZodSchema;
  valueType?: ZodSchema;
  getter?: () => ZodSchema;
}

export interface ZodArbitraryOptions {
  /**
   * Values for an object field, by its name, mixed with what its schema describes: the ids of a
   * test's world for `operationId`, say, which no schema can know.
   */
  field?: (name: string) => fc.Arbitrary<unknown> | undefined;
  /** Also values of the wrong JSON type, missing required fields and unknown fields. */
  wrongTypes?: boolean;
}

/** Characters that break naive code: NUL and the C0 controls, DEL, line separators, bidi overrides, surrogate halves. */
export const HOSTILE_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\u000b',
  '\f',
  '\r',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
];

/** Whole strings that have broken parsers, databases or templates somewhere. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '   ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(8),
  '\ud83d',
  'x\udc00y',
  '👮‍♀️🇲🇾',
  'e\u0301',
  '\u202eRTL',
  'NaN',
  'null',
  'undefined',
  'Infinity',
  '-0',
  '0x7fffffff',
  "'; drop table users; --",
  '%00',
  '\\u0000',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell lookup, sent as the literal text an attacker would type
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '{"$ne":null}',
  'ß',
  'ＭＹ',
  'İ',
  '\u0130\u0131',
  'ǅ',
];

const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, true, false, '', 'x', [], {}, [null], { nested: {} }];

/** A value of the wrong JSON type: GraphQL coerces none of these into a String, an Int, an enum or an input object. */
export const wrongType = (): fc.Arbitrary<unknown> => fc.constantFrom(...WRONG_TYPES);

/** A string with one hostile character, or a hostile string, somewhere in `base`. */
function spoiled(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(base, fc.constantFrom(...HOSTILE_CHARACTERS), fc.nat()).map(([text, bad, at]) => {
      const cut = text.length === 0 ? 0 : at % (text.length + 1);
      return text.slice(0, cut) + bad + text.slice(cut);
    }),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
}

/** `n` characters of one kind, for the edges of a length limit; capped so a request stays a request. */
const ofLength = (n: number) =>
  fc.constantFrom('x', 'é', '字', ' ', '\u0000').map((unit) => unit.repeat(Math.max(0, Math.min(n, 300_000))));

/** Every check of a schema, whether it came as a method (`.max()`) or is the schema itself (`z.email()`). */
function checksOf(def: ZodDef): ZodDef[] {
  return [def, ...(def.checks ?? []).map((check) => check._zod.def)];
}

function stringArbitrary(def: ZodDef): fc.Arbitrary<string> {
  let min = 0;
  let max = Infinity;
  let pattern: RegExp | undefined;
  let email = false;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum!);
    if (check.check === 'max_length') max = Math.min(max, check.maximum!);
    if (check.check === 'length_equals') {
      min = check.value!;
      max = check.value!;
    }
    if (check.format === 'regex' && check.pattern) pattern = check.pattern;
    if (check.format === 'email') email = true;
  }
  const shortMax = Math.min(max, min + 60);
  // fast-check generates from case-sensitive patterns only; one case of an /i pattern is enough.
  const accepted = pattern
    ? fc.stringMatching(new RegExp(pattern.source))
    : email
      ? fc.emailAddress()
      : fc.oneof(
          { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: shortMax }) },
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: shortMax }) },
        );
  const edges: fc.Arbitrary<string>[] = [
    ofLength(min),
    ofLength(min > 0 ? min - 1 : 0),
    accepted.map((text) => `  ${text}\t`),
    accepted.map((text) => text.toLowerCase()),
  ];
  if (Number.isFinite(max)) edges.push(ofLength(max), ofLength(max + 1));
  else edges.push(ofLength(100_000));
  return fc.oneof(
    { weight: 6, arbitrary: accepted },
    { weight: 2, arbitrary: fc.oneof(...edges) },
    { weight: 2, arbitrary: spoiled(accepted) },
  );
}

function numberArbitrary(def: ZodDef): fc.Arbitrary<number> {
  let min = -Number.MAX_VALUE;
  let max = Number.MAX_VALUE;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than') min = check.inclusive ? check.value! : check.value! + Number.EPSILON;
    if (check.check === 'less_than') max = check.inclusive ? check.value! : check.value! - Number.EPSILON;
    if (check.format && /int/.test(check.format)) integer = true;
  }
  // GraphQL's Int is 32 bits: wider values are refused before the schema sees them.
  const accepted = integer
    ? fc.integer({ min: Math.max(Math.ceil(min), -(2 ** 31)), max: Math.min(Math.floor(max), 2 ** 31 - 1) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const edges = [
    min,
    max,
    min - 1,
    max + 1,
    0,
    -0,
    5e-324,
    -5e-324,
    1e-7,
    0.1 + 0.2,
    1.5,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31),
    -(2 ** 31) - 1,
  ].filter(Number.isFinite);
  return fc.oneof({ weight: 6, arbitrary: accepted }, { weight: 3, arbitrary: fc.constantFrom(...edges) });
}

/** What z.coerce.date() is given over GraphQL: a DateTime string, sometimes one that is no date or far off. */
function dateArbitrary(): fc.Arbitrary<string> {
  const accepted = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString());
  const edges = fc.constantFrom(
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-05-01',
    '2026-05-01T06:00:00+14:00',
    '2026-05-01T06:00:00-12:00',
    '2026-05-01T24:00:00Z',
    '2026-13-01T00:00:00Z',
    'next Tuesday',
    '',
    'NaN',
    '0',
    '2026-05-01T06:00:00.123456789Z',
  );
  return fc.oneof({ weight: 6, arbitrary: accepted }, { weight: 3, arbitrary: edges }, { weight: 1, arbitrary: spoiled(accepted) });
}

function enumArbitrary(def: ZodDef): fc.Arbitrary<unknown> {
  const words = Object.values(def.entries!);
  const unknown = fc.constantFrom(
    'UNKNOWN_WORD',
    '',
    ' ',
    ...words.map((word) => String(word).toLowerCase()),
    ...words.map((word) => ` ${String(word)}`),
  );
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: unknown });
}

function arrayArbitrary(def: ZodDef, options: ZodArbitraryOptions): fc.Arbitrary<unknown[]> {
  let max = Infinity;
  let min = 0;
  for (const check of checksOf(def)) {
    if (check.check === 'max_length') max = Math.min(max, check.maximum!);
    if (check.check === 'min_length') min = Math.max(min, check.minimum!);
  }
  const element = arbitraryOf(def.element!, options);
  const accepted = fc.array(element, { minLength: min, maxLength: Math.min(max, min + 5) });
  // One past the limit, with the same element repeated: a long list is cheap to send and to refuse.
  const tooLong = Number.isFinite(max) ? element.map((value) => Array.from({ length: max + 1 }, () => value)) : fc.constant<unknown[]>([]);
  return fc.oneof({ weight: 8, arbitrary: accepted }, { weight: 1, arbitrary: tooLong });
}

function objectArbitrary(def: ZodDef, options: ZodArbitraryOptions): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape!;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const ofSchema = arbitraryOf(schema, options);
    const given = options.field?.(name);
    fields[name] = given ? fc.oneof({ weight: 3, arbitrary: given }, { weight: 1, arbitrary: ofSchema }) : ofSchema;
    if (!acceptsAbsence(schema)) required.push(name);
  }
  const record = fc.record(fields, { requiredKeys: required });
  if (!options.wrongTypes) return record;
  return fc.oneof(
    { weight: 8, arbitrary: record },
    // An unknown field, or a required one left out: both are the GraphQL layer's to refuse.
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.constantFrom('unknownField', '__proto__', 'constructor', 'id'))
        .map(([value, extra]) => ({ ...value, [extra]: 'x' })),
    },
    { weight: 1, arbitrary: fc.tuple(record, fc.constantFrom(...Object.keys(shape))).map(([value, left]) => withoutKey(value, left)) },
  );
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Whether a field of this schema may be left out of its object. */
function acceptsAbsence(schema: ZodSchema): boolean {
  const def = schema._zod.def;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return true;
  if (def.type === 'pipe') return acceptsAbsence(def.in!);
  if (def.type === 'unknown' || def.type === 'any') return true;
  return false;
}

/** An arbitrary of inputs for `schema`: mostly accepted values, with its edges and hostile values mixed in. */
export function arbitraryOf(schema: ZodSchema, options: ZodArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const value = ofDefinition(schema._zod.def, options);
  if (!options.wrongTypes || schema._zod.def.type === 'object') return value;
  return fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: wrongType() });
}

function ofDefinition(def: ZodDef, options: ZodArbitraryOptions): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
    case 'int':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return dateArbitrary();
    case 'enum':
      return enumArbitrary(def);
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'array':
      return arrayArbitrary(def, options);
    case 'object':
      return objectArbitrary(def, options);
    case 'optional':
      return fc.option(arbitraryOf(def.innerType!, options), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType!, options), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return arbitraryOf(def.innerType!, options);
    // What a pipe is given is what its first stage accepts; transforms and refinements run after.
    case 'pipe':
      return arbitraryOf(def.in!, options);
    case 'union':
      return fc.oneof(...def.options!.map((option) => arbitraryOf(option, options)));
    case 'record':
      return fc.dictionary(
        fc.oneof(stringArbitrary({ type: 'string' }), fc.constantFrom(...HOSTILE_STRINGS)),
        arbitraryOf(def.valueType!, options),
        { maxKeys: 6 },
      );
    case 'lazy':
      return arbitraryOf(def.getter!(), options);
    case 'unknown':
    case 'any':
    case 'transform':
      return jsonArbitrary();
    default:
      // A schema kind this walker does not know would silently go unfuzzed: name it instead.
      throw new Error(`zod-arbitrary: no arbitrary for zod type "${def.type}"; teach test/testkit/zod-arbitrary.ts about it`);
  }
}

/** Any JSON value, its strings hostile as often as not. */
export function jsonArbitrary(): fc.Arbitrary<unknown> {
  const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE_STRINGS), spoiled(fc.string({ maxLength: 10 })));
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
}
