import { randomBytes, randomUUID } from 'node:crypto';
import { encodeGlobalId } from '@jointops/server/global-id';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import type { SeededAgency, SeededUser } from '../testkit/seed';
import { SHIPMENT_SUBJECT } from '../testkit/alert-subjects';

// The malformed inputs of input-validation.test.ts, mutation by mutation: each is one mistake
// made to an input the mutation accepts, and names the field its ValidationError must name.

export interface World {
  kit: OperationKit;
  /** An agency taking part in no operation, with one of its people. */
  agency: SeededAgency;
  user: SeededUser;
  /** The one account the well-formed deactivateUser input switches off. */
  leaver: SeededUser;
  /** A joint operation in PRE_OPERATIONAL: its coordinator, and the contact point of a participating agency. */
  operation: OperationDriver;
  coordinator: Actor;
  contactPoint: Actor;
  /** An operation of the same coordinator in POST_OPERATIONAL, where a final report may be recorded and the contact point's agency reports late seizures. */
  concluded: OperationDriver;
}

export interface MalformedInput {
  /** What is wrong, as a person would say it. */
  mistake: string;
  /** The field the ValidationError must name, as its path joined with dots (`plannedPhases.1.startsAt`). */
  field: string;
  /** Replaces fields of the well-formed input; `undefined` leaves the field out. */
  change: (world: World) => Record<string, unknown>;
}

/** Who sends the input: someone the mutation would otherwise serve. `invited` is a user of an agency invited just before. */
export type Caller = 'admin' | 'anonymous' | 'coordinator' | 'contactPoint' | 'invited';

export interface Validated {
  caller: Caller;
  /** An input the mutation accepts, fresh on each call: each mistake below is a change to it. */
  wellFormed: (world: World) => Record<string, unknown> | Promise<Record<string, unknown>>;
  malformed: MalformedInput[];
}

export type MutationInputs = Validated | { exemptBecause: string };

const unique = () => randomBytes(4).toString('hex');

/** The same kinds of wrong id, for any id field that should name a `typename`. */
function badIds(field: string, typename: string, wrongType: (world: World) => string): MalformedInput[] {
  return [
    { mistake: `a blank ${field}`, field, change: () => ({ [field]: '' }) },
    { mistake: `a ${field} of spaces`, field, change: () => ({ [field]: '   ' }) },
    { mistake: `a ${field} that is no id at all`, field, change: () => ({ [field]: 'nope' }) },
    { mistake: `a ${field} that does not hold a uuid`, field, change: () => ({ [field]: encodeGlobalId(typename, 'not-a-uuid') }) },
    { mistake: `an id of another type as ${field}`, field, change: (world) => ({ [field]: wrongType(world) }) },
  ];
}

const operationIds = badIds('operationId', 'Operation', (world) => world.agency.globalId);
const userIds = badIds('userId', 'User', (world) => world.agency.globalId);
const agencyIds = badIds('agencyId', 'Agency', (world) => world.user.globalId);

/** A phase plan of (phase, start, end) windows, dates given as MM-DD in 2026. */
function phasePlan(...windows: [phase: string, startsAt: string, endsAt: string][]) {
  return windows.map(([phase, startsAt, endsAt]) => ({
    phase,
    startsAt: `2026-${startsAt}T00:00:00Z`,
    endsAt: `2026-${endsAt}T00:00:00Z`,
  }));
}

/** Acknowledgement deadlines an operation cannot run on. */
const deadlineMistakes: MalformedInput[] = [
  {
    mistake: 'a deadline of zero minutes',
    field: 'acknowledgementDeadlines.0.minutes',
    change: () => ({ acknowledgementDeadlines: [{ severity: 'LOW', minutes: 0 }] }),
  },
  {
    mistake: 'a deadline longer than a week',
    field: 'acknowledgementDeadlines.0.minutes',
    change: () => ({ acknowledgementDeadlines: [{ severity: 'LOW', minutes: 10_081 }] }),
  },
  {
    mistake: 'a severity given twice',
    field: 'acknowledgementDeadlines.1.severity',
    change: () => ({
      acknowledgementDeadlines: [
        { severity: 'HIGH', minutes: 30 },
        { severity: 'HIGH', minutes: 45 },
      ],
    }),
  },
  {
    mistake: 'a CRITICAL alert given longer than a HIGH one',
    field: 'acknowledgementDeadlines',
    change: () => ({ acknowledgementDeadlines: [{ severity: 'CRITICAL', minutes: 120 }] }),
  },
];

/** Second escalation levels an operation cannot run on: at or before the first deadline, or past ten times it. */
const escalationFactorMistakes: MalformedInput[] = [
  {
    mistake: 'a second level at the first deadline',
    field: 'coordinatorEscalationFactor',
    change: () => ({ coordinatorEscalationFactor: 1 }),
  },
  {
    mistake: 'a second level at zero times the deadline',
    field: 'coordinatorEscalationFactor',
    change: () => ({ coordinatorEscalationFactor: 0 }),
  },
  { mistake: 'a negative escalation factor', field: 'coordinatorEscalationFactor', change: () => ({ coordinatorEscalationFactor: -2 }) },
  {
    mistake: 'a second level past ten times the deadline',
    field: 'coordinatorEscalationFactor',
    change: () => ({ coordinatorEscalationFactor: 11 }),
  },
];

const plannedPhaseMistakes: MalformedInput[] = [
  {
    mistake: 'a phase that ends before it starts',
    field: 'plannedPhases.2.endsAt',
    change: () => ({
      plannedPhases: phasePlan(
        ['PLANNING', '06-01', '06-10'],
        ['PRE_OPERATIONAL', '06-10', '06-20'],
        ['OPERATIONAL', '06-20', '06-15'],
        ['POST_OPERATIONAL', '07-01', '08-01'],
      ),
    }),
  },
  {
    mistake: 'a phase that starts before the one before it ends',
    field: 'plannedPhases.1.startsAt',
    change: () => ({
      plannedPhases: phasePlan(
        ['PLANNING', '06-01', '06-10'],
        ['PRE_OPERATIONAL', '06-05', '06-20'],
        ['OPERATIONAL', '06-20', '07-01'],
        ['POST_OPERATIONAL', '07-01', '08-01'],
      ),
    }),
  },
  {
    mistake: 'the same phase planned twice',
    field: 'plannedPhases.1.phase',
    change: () => ({ plannedPhases: phasePlan(['PLANNING', '06-01', '06-10'], ['PLANNING', '06-10', '06-20']) }),
  },
  {
    mistake: 'planned dates for CLOSED',
    field: 'plannedPhases.1.phase',
    change: () => ({ plannedPhases: phasePlan(['PLANNING', '06-01', '06-10'], ['CLOSED', '08-01', '08-02']) }),
  },
];

const commodityIdMistakes: MalformedInput[] = [
  { mistake: 'a blank commodity id', field: 'targetCommodityIds.0', change: () => ({ targetCommodityIds: [''] }) },
  { mistake: 'a commodity id that is no id at all', field: 'targetCommodityIds.0', change: () => ({ targetCommodityIds: ['nope'] }) },
  {
    mistake: 'an agency id among the commodity ids',
    field: 'targetCommodityIds.0',
    change: (world) => ({ targetCommodityIds: [world.agency.globalId] }),
  },
  {
    mistake: 'a commodity id that names no catalogue item',
    field: 'targetCommodityIds',
    change: () => ({ targetCommodityIds: [encodeGlobalId('Commodity', randomUUID())] }),
  },
];

const alertIds = badIds('alertId', 'Alert', (world) => world.agency.globalId);

/** An answer's key is optional (left out or blank, each call is a new answer), but bounded and clean when given. */
const answerIdempotencyKeys: MalformedInput[] = [
  {
    mistake: 'an idempotency key longer than 200 characters',
    field: 'idempotencyKey',
    change: () => ({ idempotencyKey: 'k'.repeat(201) }),
  },
  { mistake: 'a NUL byte in the idempotency key', field: 'idempotencyKey', change: () => ({ idempotencyKey: 'outbox\u0000key' }) },
];

/** A TEST alert from the coordinator, sent to every participant: the contact point's agency answers it. */
async function alertToContactPoint(world: World): Promise<string> {
  const { result } = await world.kit.mutate(world.coordinator, 'raiseAlert', {
    operationId: world.operation.id,
    idempotencyKey: unique(),
    category: 'TEST',
    severity: 'LOW',
    title: 'Readiness test',
    marking: 'GREEN',
    distribution: 'ALL_PARTICIPANTS',
  });
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return result.id as string;
}

const seizureIds = badIds('seizureId', 'Seizure', (world) => world.agency.globalId);

/** What a late seizure report of the contact point's agency says: 24 t of ammonium nitrate, a target of every test operation. */
async function seizureContent(world: World): Promise<Record<string, unknown>> {
  const ammoniumNitrate = (await world.kit.catalogue(world.coordinator)).find((item) => item.code === 'AMMONIUM_NITRATE')!;
  return {
    seizedAt: '2026-05-30T06:00:00Z',
    countryCode: 'MY',
    place: 'Port Klang, Westport',
    locationType: 'SEAPORT',
    latitude: 2.9996,
    longitude: 101.3918,
    commodityId: ammoniumNitrate.id,
    quantity: 24,
    unit: 'T',
    detectionMethod: 'X_RAY',
    transportMode: 'SEA',
    transitCountryCodes: ['SG'],
    arrests: 2,
  };
}

/** A seizure the contact point reports late in the concluded operation: a DRAFT, or submitted. */
async function lateSeizure(world: World, submit: boolean): Promise<string> {
  const { result } = await world.kit.mutate(world.contactPoint, 'reportSeizure', {
    operationId: world.concluded.id,
    idempotencyKey: unique(),
    submit,
    ...(await seizureContent(world)),
  });
  if (result?.__typename !== 'Seizure') throw new Error(`reportSeizure failed: ${JSON.stringify(result)}`);
  return result.id as string;
}

/** The mistakes a seizure report's content can hold, whether first reported or corrected. */
const seizureContentMistakes: MalformedInput[] = [
  { mistake: 'a seizure dated in the future', field: 'seizedAt', change: () => ({ seizedAt: '2099-01-01T00:00:00Z' }) },
  { mistake: 'a seizure in year 0001', field: 'seizedAt', change: () => ({ seizedAt: '0001-01-01T00:00:00Z' }) },
  { mistake: 'a seizure two years before the operation', field: 'seizedAt', change: () => ({ seizedAt: '2024-05-30T06:00:00Z' }) },
  { mistake: 'a country code no country has', field: 'countryCode', change: () => ({ countryCode: 'ZZ' }) },
  { mistake: 'a NUL byte in the place', field: 'place', change: () => ({ place: 'Port\u0000Klang' }) },
  { mistake: 'a place over two lines', field: 'place', change: () => ({ place: 'Port Klang\nWestport' }) },
  {
    mistake: 'a terminal escape sequence in the concealment',
    field: 'concealment',
    change: () => ({ concealment: 'Declared as \u001B[31mNPK' }),
  },
  { mistake: 'a subnormal quantity', field: 'quantity', change: () => ({ quantity: 5e-324 }) },
  { mistake: 'a transit country code no country has', field: 'transitCountryCodes.0', change: () => ({ transitCountryCodes: ['XK'] }) },
  { mistake: 'a blank country', field: 'countryCode', change: () => ({ countryCode: '' }) },
  { mistake: 'a country name instead of its code', field: 'countryCode', change: () => ({ countryCode: 'Malaysia' }) },
  { mistake: 'a blank place', field: 'place', change: () => ({ place: '' }) },
  { mistake: 'a place of spaces', field: 'place', change: () => ({ place: '   ' }) },
  { mistake: 'a place longer than 300 characters', field: 'place', change: () => ({ place: 'Port Klang '.repeat(30) }) },
  { mistake: 'a latitude past the pole', field: 'latitude', change: () => ({ latitude: 90.5 }) },
  { mistake: 'a longitude without its latitude', field: 'latitude', change: () => ({ latitude: null }) },
  { mistake: 'a commodity id that is no id at all', field: 'commodityId', change: () => ({ commodityId: 'nope' }) },
  { mistake: 'an agency id as commodity', field: 'commodityId', change: (world) => ({ commodityId: world.agency.globalId }) },
  {
    mistake: 'a commodity id that names no catalogue item',
    field: 'commodityId',
    change: () => ({ commodityId: encodeGlobalId('Commodity', randomUUID()) }),
  },
  { mistake: 'no commodity and no description', field: 'commodityDescription', change: () => ({ commodityId: null }) },
  {
    mistake: 'a description longer than 1000 characters',
    field: 'commodityDescription',
    change: () => ({ commodityDescription: 'Bags. '.repeat(200) }),
  },
  {
    mistake: 'arrests of a nationality no country has',
    field: 'arrestsByNationality.0.nationality',
    change: () => ({ arrests: null, arrestsByNationality: [{ nationality: 'XK', count: 2 }] }),
  },
  {
    mistake: 'a negative count of arrests by nationality',
    field: 'arrestsByNationality.0.count',
    change: () => ({ arrests: null, arrestsByNationality: [{ nationality: 'FR', count: -2 }] }),
  },
  {
    mistake: 'a total of arrests other than the sum by nationality',
    field: 'arrests',
    change: () => ({ arrests: 2, arrestsByNationality: [{ nationality: 'FR', count: 1 }] }),
  },
  {
    mistake: 'an INTERPOL follow-up naming a customs agency as the NCB',
    field: 'interpolNcbAgencyId',
    change: (world) => ({ interpolNotifiedAt: '2026-05-30T07:00:00Z', interpolNcbAgencyId: world.agency.globalId }),
  },
  {
    mistake: 'an INTERPOL follow-up naming an agency that does not exist',
    field: 'interpolNcbAgencyId',
    change: () => ({ interpolNotifiedAt: '2026-05-30T07:00:00Z', interpolNcbAgencyId: encodeGlobalId('Agency', randomUUID()) }),
  },
  {
    mistake: 'more than 20 INTERPOL notices',
    field: 'interpolNotices',
    change: () => ({
      interpolNotifiedAt: '2026-05-30T07:00:00Z',
      interpolNotices: Array.from({ length: 21 }, (_, i) => ({ type: 'DIFFUSION', reference: `D-${i}/2026` })),
    }),
  },
  {
    mistake: 'INTERPOL notices without the NCB notified',
    field: 'interpolNotifiedAt',
    change: () => ({ interpolNotices: [{ type: 'PURPLE', reference: '2026/12345' }] }),
  },
  { mistake: 'a quantity of zero', field: 'quantity', change: () => ({ quantity: 0 }) },
  { mistake: 'a negative quantity', field: 'quantity', change: () => ({ quantity: -24 }) },
  { mistake: 'ammonium nitrate in litres', field: 'unit', change: () => ({ unit: 'L' }) },
  {
    mistake: 'pieces that are not whole',
    field: 'quantity',
    change: () => ({ commodityId: null, commodityDescription: 'Detonators', quantity: 2.5, unit: 'PIECES' }),
  },
  { mistake: 'an origin of three letters', field: 'originCountryCode', change: () => ({ originCountryCode: 'MYS' }) },
  { mistake: 'a transit country that is no code', field: 'transitCountryCodes.0', change: () => ({ transitCountryCodes: ['Singapore'] }) },
  { mistake: 'negative arrests', field: 'arrests', change: () => ({ arrests: -1 }) },
  { mistake: 'a linked alert id that is no id at all', field: 'linkedAlertIds.0', change: () => ({ linkedAlertIds: ['nope'] }) },
  {
    mistake: 'a linked alert that does not exist',
    field: 'linkedAlertIds.0',
    change: () => ({ linkedAlertIds: [encodeGlobalId('Alert', randomUUID())] }),
  },
];

const JUSTIFICATION = 'Agencies confirmed by letter; registration follows.';

const checkedOnMistakes: MalformedInput[] = [
  { mistake: 'a blank day', field: 'checkedOn', change: () => ({ checkedOn: '' }) },
  { mistake: 'a day of spaces', field: 'checkedOn', change: () => ({ checkedOn: '   ' }) },
  { mistake: 'a day given as DD/MM/YYYY', field: 'checkedOn', change: () => ({ checkedOn: '01/06/2026' }) },
  { mistake: 'a day that does not exist', field: 'checkedOn', change: () => ({ checkedOn: '2026-02-30' }) },
  { mistake: 'a day in year 0001', field: 'checkedOn', change: () => ({ checkedOn: '0001-01-01' }) },
  { mistake: 'a day still to come', field: 'checkedOn', change: () => ({ checkedOn: '2099-01-01' }) },
  { mistake: 'a day before the operational phase began', field: 'checkedOn', change: () => ({ checkedOn: '2020-01-01' }) },
];

export const mutationInputs: Record<string, MutationInputs> = {
  login: {
    caller: 'anonymous',
    wellFormed: (world) => ({ email: world.user.email, password: world.user.password }),
    malformed: [
      { mistake: 'a blank e-mail address', field: 'email', change: () => ({ email: '' }) },
      { mistake: 'an e-mail address of spaces', field: 'email', change: () => ({ email: '   ' }) },
      { mistake: 'something that is not an e-mail address', field: 'email', change: () => ({ email: 'officer.customs.gov.my' }) },
      { mistake: 'a blank password', field: 'password', change: () => ({ password: '' }) },
    ],
  },
  logout: {
    exemptBecause: 'logout takes no input: it ends the session the request itself carries',
  },
  createAgency: {
    caller: 'admin',
    wellFormed: () => ({
      name: `Royal Malaysian Customs ${unique()}`,
      acronym: 'JKDM',
      kind: 'CUSTOMS',
      countryCode: 'MY',
      timeZone: 'Asia/Kuala_Lumpur',
    }),
    malformed: [
      { mistake: 'a blank name', field: 'name', change: () => ({ name: '' }) },
      { mistake: 'a name of spaces', field: 'name', change: () => ({ name: ' \t ' }) },
      { mistake: 'a name longer than 200 characters', field: 'name', change: () => ({ name: 'Customs '.repeat(30) }) },
      { mistake: 'an acronym longer than 20 characters', field: 'acronym', change: () => ({ acronym: 'JABATAN-KASTAM-DIRAJA-MALAYSIA' }) },
      { mistake: 'a national agency without a country', field: 'countryCode', change: () => ({ countryCode: undefined }) },
      { mistake: 'a national agency with a null country', field: 'countryCode', change: () => ({ kind: 'POLICE', countryCode: null }) },
      { mistake: 'a country name instead of its code', field: 'countryCode', change: () => ({ countryCode: 'Malaysia' }) },
      { mistake: 'a three-letter country code', field: 'countryCode', change: () => ({ countryCode: 'MYS' }) },
      { mistake: 'a country code no country has', field: 'countryCode', change: () => ({ countryCode: 'ZZ' }) },
      { mistake: 'a NUL byte in the name', field: 'name', change: () => ({ name: 'Royal Malaysian\u0000Customs' }) },
      { mistake: 'a time zone that does not exist', field: 'timeZone', change: () => ({ timeZone: 'Mars/Base' }) },
    ],
  },
  createUser: {
    caller: 'admin',
    wellFormed: (world) => ({
      email: `officer-${unique()}@customs.gov.my`,
      displayName: 'Nurul Aisyah',
      agencyId: world.agency.globalId,
      password: 'twelve chars at least',
      locale: 'en',
      timeZone: 'Asia/Kuala_Lumpur',
    }),
    malformed: [
      { mistake: 'a blank e-mail address', field: 'email', change: () => ({ email: '' }) },
      { mistake: 'an e-mail address of spaces', field: 'email', change: () => ({ email: '  ' }) },
      { mistake: 'an e-mail address without a domain', field: 'email', change: () => ({ email: 'nurul.aisyah@' }) },
      { mistake: 'a blank display name', field: 'displayName', change: () => ({ displayName: '' }) },
      { mistake: 'a display name of spaces', field: 'displayName', change: () => ({ displayName: '   ' }) },
      { mistake: 'a password shorter than twelve characters', field: 'password', change: () => ({ password: 'short' }) },
      { mistake: 'a display name with a bell character', field: 'displayName', change: () => ({ displayName: 'Nurul\u0007 Aisyah' }) },
      { mistake: 'a password with a NUL byte', field: 'password', change: () => ({ password: 'twelve chars\u0000at least' }) },
      { mistake: 'a blank agency id', field: 'agencyId', change: () => ({ agencyId: '' }) },
      { mistake: 'an agency id that is no id at all', field: 'agencyId', change: () => ({ agencyId: 'nope' }) },
      { mistake: 'a user id where an agency id belongs', field: 'agencyId', change: (world) => ({ agencyId: world.user.globalId }) },
      {
        mistake: 'an agency id that names no agency',
        field: 'agencyId',
        change: () => ({ agencyId: encodeGlobalId('Agency', randomUUID()) }),
      },
      { mistake: 'a language the app does not speak', field: 'locale', change: () => ({ locale: 'de' }) },
      { mistake: 'a time zone that does not exist', field: 'timeZone', change: () => ({ timeZone: 'Mars/Base' }) },
    ],
  },
  deactivateUser: {
    caller: 'admin',
    wellFormed: (world) => ({ userId: world.leaver.globalId }),
    malformed: [
      { mistake: 'a blank user id', field: 'userId', change: () => ({ userId: '' }) },
      { mistake: 'a user id of spaces', field: 'userId', change: () => ({ userId: '   ' }) },
      { mistake: 'a user id that is no id at all', field: 'userId', change: () => ({ userId: 'nope' }) },
      { mistake: 'a user id that does not hold a uuid', field: 'userId', change: () => ({ userId: encodeGlobalId('User', 'not-a-uuid') }) },
      { mistake: 'an agency id where a user id belongs', field: 'userId', change: (world) => ({ userId: world.agency.globalId }) },
    ],
  },
  reactivateUser: {
    caller: 'admin',
    wellFormed: async (world) => ({ userId: (await world.kit.seed.user({ agency: world.agency })).globalId }),
    malformed: userIds,
  },
  updateUser: {
    caller: 'admin',
    wellFormed: async (world) => ({
      userId: (await world.kit.seed.user({ agency: world.agency })).globalId,
      displayName: 'Nurul Aisyah',
      locale: 'fr',
    }),
    malformed: [
      ...userIds,
      { mistake: 'a blank display name', field: 'displayName', change: () => ({ displayName: '' }) },
      { mistake: 'a display name longer than 200 characters', field: 'displayName', change: () => ({ displayName: 'Nurul '.repeat(40) }) },
      { mistake: 'a display name with a NUL byte', field: 'displayName', change: () => ({ displayName: 'Nurul\u0000Aisyah' }) },
      { mistake: 'an e-mail address without a domain', field: 'email', change: () => ({ email: 'nurul.aisyah@' }) },
      { mistake: "another account's e-mail address", field: 'email', change: (world) => ({ email: world.user.email }) },
      { mistake: 'a language the app does not speak', field: 'locale', change: () => ({ locale: 'de' }) },
      { mistake: 'a time zone that does not exist', field: 'timeZone', change: () => ({ timeZone: 'Mars/Base' }) },
      { mistake: 'administrator rights of null', field: 'isAdmin', change: () => ({ isAdmin: null }) },
      ...badIds('agencyId', 'Agency', (world) => world.user.globalId),
      {
        mistake: 'an agency id that names no agency',
        field: 'agencyId',
        change: () => ({ agencyId: encodeGlobalId('Agency', randomUUID()) }),
      },
      {
        mistake: 'another agency for a member of an operation still open',
        field: 'agencyId',
        change: (world) => ({ userId: world.contactPoint.globalId, agencyId: world.agency.globalId }),
      },
    ],
  },
  resetUserPassword: {
    caller: 'admin',
    wellFormed: async (world) => ({
      userId: (await world.kit.seed.user({ agency: world.agency })).globalId,
      newPassword: 'twelve chars at least',
    }),
    malformed: [
      ...userIds,
      { mistake: 'a blank password', field: 'newPassword', change: () => ({ newPassword: '' }) },
      { mistake: 'a password shorter than twelve characters', field: 'newPassword', change: () => ({ newPassword: 'short' }) },
      { mistake: 'a password longer than 1024 characters', field: 'newPassword', change: () => ({ newPassword: 'p'.repeat(1025) }) },
    ],
  },
  changeMyPassword: {
    caller: 'contactPoint',
    // The same password again: accepted, and the contact point's later calls still know it.
    wellFormed: (world) => ({ currentPassword: world.contactPoint.password, newPassword: world.contactPoint.password }),
    malformed: [
      { mistake: 'a blank current password', field: 'currentPassword', change: () => ({ currentPassword: '' }) },
      {
        mistake: 'a current password that is not theirs',
        field: 'currentPassword',
        change: () => ({ currentPassword: 'not my password at all' }),
      },
      { mistake: 'a blank new password', field: 'newPassword', change: () => ({ newPassword: '' }) },
      { mistake: 'a new password shorter than twelve characters', field: 'newPassword', change: () => ({ newPassword: 'short' }) },
      { mistake: 'a new password longer than 1024 characters', field: 'newPassword', change: () => ({ newPassword: 'p'.repeat(1025) }) },
      {
        mistake: 'a new password with a pasted line break',
        field: 'newPassword',
        change: () => ({ newPassword: 'twelve chars\nat least' }),
      },
    ],
  },
  updateMyPreferences: {
    caller: 'contactPoint',
    wellFormed: () => ({ locale: 'en', timeZone: 'Asia/Kuala_Lumpur' }),
    malformed: [
      { mistake: 'a language the app does not speak', field: 'locale', change: () => ({ locale: 'de' }) },
      { mistake: 'a language of null', field: 'locale', change: () => ({ locale: null }) },
      { mistake: 'a time zone that does not exist', field: 'timeZone', change: () => ({ timeZone: 'Mars/Base' }) },
      { mistake: 'a time zone given as an offset name', field: 'timeZone', change: () => ({ timeZone: 'Malaysia Time' }) },
    ],
  },
  updateAgency: {
    caller: 'admin',
    wellFormed: async (world) => ({
      agencyId: (await world.kit.seed.agency({ countryCode: 'MY' })).globalId,
      name: `Lao Customs ${unique()}`,
      acronym: 'LCD',
      timeZone: 'Asia/Vientiane',
    }),
    malformed: [
      ...agencyIds,
      { mistake: 'a blank name', field: 'name', change: () => ({ name: '' }) },
      { mistake: 'a name of spaces', field: 'name', change: () => ({ name: ' \t ' }) },
      { mistake: 'a name longer than 200 characters', field: 'name', change: () => ({ name: 'Customs '.repeat(30) }) },
      {
        mistake: 'the name of another agency of the same country',
        field: 'name',
        change: (world) => ({ name: world.agency.name.toUpperCase() }),
      },
      { mistake: 'a name with a C1 control character', field: 'name', change: () => ({ name: 'Lao\u009BCustoms' }) },
      { mistake: 'a country code no country has', field: 'countryCode', change: () => ({ countryCode: 'ZZ' }) },
      { mistake: 'an acronym longer than 20 characters', field: 'acronym', change: () => ({ acronym: 'JABATAN-KASTAM-DIRAJA-MALAYSIA' }) },
      { mistake: 'a national agency left without a country', field: 'countryCode', change: () => ({ countryCode: null }) },
      { mistake: 'a country name instead of its code', field: 'countryCode', change: () => ({ countryCode: 'Malaysia' }) },
      { mistake: 'a time zone that does not exist', field: 'timeZone', change: () => ({ timeZone: 'Mars/Base' }) },
    ],
  },
  deactivateAgency: {
    caller: 'admin',
    wellFormed: async (world) => ({ agencyId: (await world.kit.seed.agency({ countryCode: 'KH' })).globalId }),
    malformed: agencyIds,
  },
  reactivateAgency: {
    caller: 'admin',
    wellFormed: async (world) => ({ agencyId: (await world.kit.seed.agency({ countryCode: 'KH' })).globalId }),
    malformed: agencyIds,
  },
  createOperation: {
    caller: 'coordinator',
    wellFormed: (world) =>
      world.kit.operationInput(world.coordinator, { objectives: 'Intercept precursor consignments at the main seaports.' }),
    malformed: [
      { mistake: 'a blank code', field: 'code', change: () => ({ code: '' }) },
      { mistake: 'a code of spaces', field: 'code', change: () => ({ code: '   ' }) },
      { mistake: 'a code with spaces and a slash', field: 'code', change: () => ({ code: 'PGS APAC 2020/01' }) },
      { mistake: 'a code of two characters', field: 'code', change: () => ({ code: 'PG' }) },
      { mistake: 'the code of another operation', field: 'code', change: (world) => ({ code: world.operation.code }) },
      { mistake: 'a blank name', field: 'name', change: () => ({ name: '' }) },
      { mistake: 'a name of spaces', field: 'name', change: () => ({ name: ' \t ' }) },
      { mistake: 'a name longer than 200 characters', field: 'name', change: () => ({ name: 'Operation '.repeat(25) }) },
      { mistake: 'objectives longer than 4000 characters', field: 'objectives', change: () => ({ objectives: 'Intercept. '.repeat(400) }) },
      { mistake: 'a NUL byte in the name', field: 'name', change: () => ({ name: 'Operation\u0000Shield' }) },
      { mistake: 'a DEL character in the objectives', field: 'objectives', change: () => ({ objectives: 'Intercept\u007F precursors' }) },
      {
        mistake: 'a phase planned in year 0001',
        field: 'plannedPhases.0.startsAt',
        change: () => ({ plannedPhases: [{ phase: 'PLANNING', startsAt: '0001-01-01T00:00:00Z', endsAt: '2026-06-10T00:00:00Z' }] }),
      },
      ...commodityIdMistakes,
      { mistake: 'a blank time zone', field: 'referenceTimeZone', change: () => ({ referenceTimeZone: '' }) },
      { mistake: 'a time zone that does not exist', field: 'referenceTimeZone', change: () => ({ referenceTimeZone: 'Mars/Base' }) },
      ...plannedPhaseMistakes,
      ...deadlineMistakes,
      ...escalationFactorMistakes,
    ],
  },
  addOperationCommodity: {
    caller: 'admin',
    wellFormed: (world) => ({
      operationId: world.operation.id,
      code: `AZIDE_${unique().toUpperCase()}`,
      nameEn: 'Sodium azide',
      nameFr: 'Azoture de sodium',
      hsCode: '2850.00',
      dimension: 'MASS',
      category: 'PRECURSOR_CHEMICAL',
    }),
    malformed: [
      ...operationIds,
      { mistake: 'a blank code', field: 'code', change: () => ({ code: '' }) },
      { mistake: 'a code with spaces', field: 'code', change: () => ({ code: 'SODIUM AZIDE' }) },
      { mistake: 'a code starting with a digit', field: 'code', change: () => ({ code: '2AZIDE' }) },
      { mistake: 'a code of the reference lists', field: 'code', change: () => ({ code: 'AMMONIUM_NITRATE' }) },
      { mistake: 'a blank English name', field: 'nameEn', change: () => ({ nameEn: '  ' }) },
      { mistake: 'a blank French name', field: 'nameFr', change: () => ({ nameFr: '' }) },
      { mistake: 'a French name over two lines', field: 'nameFr', change: () => ({ nameFr: 'Azoture\nde sodium' }) },
      { mistake: 'an HS code with letters', field: 'hsCode', change: () => ({ hsCode: '28AB.00' }) },
      { mistake: 'an HS code of three digits', field: 'hsCode', change: () => ({ hsCode: '285' }) },
      { mistake: 'an unknown dimension', field: 'dimension', change: () => ({ dimension: 'WEIGHT' }) },
      { mistake: 'an unknown category', field: 'category', change: () => ({ category: 'EXPLOSIVE' }) },
    ],
  },
  updateOperation: {
    caller: 'coordinator',
    wellFormed: (world) => ({ operationId: world.operation.id, name: 'Operation Test Shield', region: 'Asia/Pacific' }),
    malformed: [
      ...operationIds,
      { mistake: 'a blank name', field: 'name', change: () => ({ name: '' }) },
      { mistake: 'a name of spaces', field: 'name', change: () => ({ name: '   ' }) },
      ...commodityIdMistakes,
      { mistake: 'a name over two lines', field: 'name', change: () => ({ name: 'Operation\r\nShield' }) },
      { mistake: 'a time zone that does not exist', field: 'referenceTimeZone', change: () => ({ referenceTimeZone: 'Mars/Base' }) },
      ...plannedPhaseMistakes,
      ...deadlineMistakes,
      ...escalationFactorMistakes,
    ],
  },
  inviteAgency: {
    caller: 'coordinator',
    wellFormed: async (world) => ({
      operationId: world.operation.id,
      agencyId: (await world.kit.seed.agency({ countryCode: 'VN' })).globalId,
      role: 'PARTICIPATING',
    }),
    malformed: [
      ...badIds('operationId', 'Operation', (world) => world.user.globalId),
      ...badIds('agencyId', 'Agency', (world) => world.user.globalId),
      {
        mistake: 'an agency id that names no agency',
        field: 'agencyId',
        change: () => ({ agencyId: encodeGlobalId('Agency', randomUUID()) }),
      },
      {
        mistake: 'an agency already taking part',
        field: 'agencyId',
        change: (world) => ({ agencyId: world.contactPoint.agency.globalId }),
      },
    ],
  },
  respondToInvitation: {
    caller: 'invited',
    wellFormed: (world) => ({ operationId: world.operation.id, accept: true }),
    malformed: operationIds,
  },
  withdrawParticipation: {
    caller: 'coordinator',
    wellFormed: async (world) => {
      const agency = await world.kit.seed.agency({ countryCode: 'KH' });
      await world.operation.invite(agency);
      return { operationId: world.operation.id, agencyId: agency.globalId, reason: 'No customs presence at the ports in scope' };
    },
    malformed: [
      ...operationIds,
      ...badIds('agencyId', 'Agency', (world) => world.user.globalId),
      { mistake: 'an agency that is not taking part', field: 'agencyId', change: (world) => ({ agencyId: world.agency.globalId }) },
      { mistake: 'the coordinating agency', field: 'agencyId', change: (world) => ({ agencyId: world.coordinator.agency.globalId }) },
      { mistake: 'a blank reason', field: 'reason', change: () => ({ reason: '' }) },
      { mistake: 'a reason of spaces', field: 'reason', change: () => ({ reason: ' \n ' }) },
      { mistake: 'a reason longer than 1000 characters', field: 'reason', change: () => ({ reason: 'Withdrawn. '.repeat(100) }) },
      { mistake: 'a NUL byte in the reason', field: 'reason', change: () => ({ reason: 'No customs presence\u0000' }) },
    ],
  },
  assignMember: {
    caller: 'coordinator',
    wellFormed: async (world) => ({
      operationId: world.operation.id,
      userId: (await world.kit.seed.user({ agency: world.contactPoint.agency })).globalId,
      role: 'OBSERVER',
    }),
    malformed: [
      ...operationIds,
      ...badIds('userId', 'User', (world) => world.agency.globalId),
      { mistake: 'a user id that names nobody', field: 'userId', change: () => ({ userId: encodeGlobalId('User', randomUUID()) }) },
      { mistake: 'a user of an agency that is not taking part', field: 'userId', change: (world) => ({ userId: world.user.globalId }) },
    ],
  },
  removeMember: {
    caller: 'coordinator',
    // A colleague of the contact point, made an observer just before: the well-formed call takes them off.
    wellFormed: async (world) => {
      const { result } = await world.operation.assign(await world.kit.seed.user({ agency: world.contactPoint.agency }), 'OBSERVER');
      if (result?.__typename !== 'OperationMember') throw new Error(`assignMember failed: ${JSON.stringify(result)}`);
      return { operationId: world.operation.id, memberId: result.id as string };
    },
    malformed: [
      ...operationIds,
      ...badIds('memberId', 'OperationMember', (world) => world.user.globalId),
      {
        mistake: 'a member id that names no member',
        field: 'memberId',
        change: () => ({ memberId: encodeGlobalId('OperationMember', randomUUID()) }),
      },
    ],
  },
  advancePhase: {
    caller: 'coordinator',
    // A new operation each time, in PLANNING: the well-formed call moves it on.
    wellFormed: async (world) => ({
      operationId: (await world.kit.operation(world.coordinator)).id,
      to: 'PRE_OPERATIONAL',
      overrideJustification: JUSTIFICATION,
    }),
    malformed: [
      ...operationIds,
      {
        mistake: 'a justification shorter than 20 characters',
        field: 'overrideJustification',
        change: () => ({ overrideJustification: 'Letters arrived.' }),
      },
      { mistake: 'a justification of spaces', field: 'overrideJustification', change: () => ({ overrideJustification: ' '.repeat(30) }) },
      {
        mistake: 'a justification longer than 4000 characters',
        field: 'overrideJustification',
        change: () => ({ overrideJustification: JUSTIFICATION.repeat(80) }),
      },
      {
        mistake: 'a NUL byte in the justification',
        field: 'overrideJustification',
        change: () => ({ overrideJustification: `${JUSTIFICATION}\u0000` }),
      },
      { mistake: 'a phase two steps ahead', field: 'to', change: () => ({ to: 'OPERATIONAL' }) },
      { mistake: 'a jump to CLOSED', field: 'to', change: () => ({ to: 'CLOSED' }) },
      {
        mistake: 'a cancellation without a reason',
        field: 'overrideJustification',
        change: () => ({ to: 'CANCELLED', overrideJustification: undefined }),
      },
    ],
  },
  recordFinalReport: {
    caller: 'coordinator',
    wellFormed: (world) => ({
      operationId: world.concluded.id,
      report: 'Results compiled per country and commodity; lessons learnt attached.',
    }),
    malformed: [
      ...operationIds,
      { mistake: 'a blank report', field: 'report', change: () => ({ report: '' }) },
      { mistake: 'a report of spaces', field: 'report', change: () => ({ report: '  \n\t ' }) },
      { mistake: 'a report longer than 100,000 characters', field: 'report', change: () => ({ report: 'x'.repeat(100_001) }) },
      { mistake: 'a NUL byte in the report', field: 'report', change: () => ({ report: 'Results compiled.\u0000' }) },
    ],
  },
  raiseAlert: {
    caller: 'contactPoint',
    // The operation is in PRE_OPERATIONAL, where TEST alerts may be raised.
    wellFormed: (world) => ({
      operationId: world.operation.id,
      idempotencyKey: unique(),
      category: 'TEST',
      severity: 'LOW',
      title: 'Readiness test',
      marking: 'GREEN',
      distribution: 'ALL_PARTICIPANTS',
    }),
    malformed: [
      ...operationIds,
      { mistake: 'a blank idempotency key', field: 'idempotencyKey', change: () => ({ idempotencyKey: '' }) },
      { mistake: 'an idempotency key of spaces', field: 'idempotencyKey', change: () => ({ idempotencyKey: '   ' }) },
      {
        mistake: 'an idempotency key longer than 200 characters',
        field: 'idempotencyKey',
        change: () => ({ idempotencyKey: 'k'.repeat(201) }),
      },
      { mistake: 'a blank title', field: 'title', change: () => ({ title: '' }) },
      { mistake: 'a title of spaces', field: 'title', change: () => ({ title: ' \t ' }) },
      { mistake: 'a title longer than 300 characters', field: 'title', change: () => ({ title: 'Alert '.repeat(60) }) },
      { mistake: 'a NUL byte in the title', field: 'title', change: () => ({ title: 'Readiness\u0000test' }) },
      {
        mistake: 'a C1 control character in the description',
        field: 'description',
        change: () => ({ description: 'Declared weight\u0085 24 t' }),
      },
      {
        mistake: 'a NUL byte deep in a free subject',
        field: 'subject.source.0',
        change: () => ({ category: 'INTELLIGENCE', subject: { source: ['tip-off\u0000'] } }),
      },
      {
        mistake: 'a NUL byte in a consignor',
        field: 'subject.consignor',
        change: () => ({
          category: 'SHIPMENT',
          subject: { ...SHIPMENT_SUBJECT, consignor: 'Agro\u0000Chem' },
        }),
      },
      {
        mistake: 'a typed subject of another kind than the category',
        field: 'typedSubject.free',
        change: () => ({ category: 'SHIPMENT', typedSubject: { free: { source: 'tip-off' } } }),
      },
      {
        mistake: 'a NUL byte in a typed consignor',
        field: 'typedSubject.shipment.consignor',
        change: () => ({
          category: 'SHIPMENT',
          typedSubject: { shipment: { ...SHIPMENT_SUBJECT, consignor: 'Agro\u0000Chem' } },
        }),
      },
      {
        mistake: 'a typed subject and the deprecated one',
        field: 'typedSubject',
        change: () => ({ category: 'CONVEYANCE', subject: { imo: '9412337' }, typedSubject: { conveyance: { imo: '9412337' } } }),
      },
      { mistake: 'a language that is no language tag', field: 'language', change: () => ({ language: 'English' }) },
      {
        mistake: 'a passenger route to a country that is no code',
        field: 'subject.route.destination',
        change: () => ({
          category: 'PASSENGER',
          subject: { travelDocumentCountry: 'NG', flightNumber: 'MH123', route: { origin: 'NG', destination: 'KUL' } },
        }),
      },
      {
        mistake: 'a shipment without its consignee',
        field: 'subject.consignee',
        change: () => ({
          category: 'SHIPMENT',
          subject: { ...SHIPMENT_SUBJECT, consignee: undefined },
        }),
      },
      { mistake: 'a RESTRICTED alert to nobody', field: 'recipientAgencyIds', change: () => ({ distribution: 'RESTRICTED' }) },
      { mistake: 'a TLP:RED alert to every participant', field: 'distribution', change: () => ({ marking: 'RED' }) },
      {
        mistake: 'recipients for an alert to every participant',
        field: 'recipientAgencyIds',
        change: (world) => ({ recipientAgencyIds: [world.coordinator.agency.globalId] }),
      },
      {
        mistake: 'a recipient that is not taking part',
        field: 'recipientAgencyIds.0',
        change: (world) => ({ distribution: 'RESTRICTED', recipientAgencyIds: [world.agency.globalId] }),
      },
      {
        mistake: "the raiser's own agency as recipient",
        field: 'recipientAgencyIds.0',
        change: (world) => ({ distribution: 'RESTRICTED', recipientAgencyIds: [world.contactPoint.agency.globalId] }),
      },
      {
        mistake: 'a user id among the recipients',
        field: 'recipientAgencyIds.0',
        change: (world) => ({ distribution: 'RESTRICTED', recipientAgencyIds: [world.user.globalId] }),
      },
      {
        mistake: 'an agency id among the commodity ids',
        field: 'commodityIds.0',
        change: (world) => ({ commodityIds: [world.agency.globalId] }),
      },
      {
        mistake: 'a commodity id that names no catalogue item',
        field: 'commodityIds',
        change: () => ({ commodityIds: [encodeGlobalId('Commodity', randomUUID())] }),
      },
    ],
  },
  acknowledgeAlert: {
    caller: 'contactPoint',
    wellFormed: async (world) => ({ alertId: await alertToContactPoint(world) }),
    malformed: alertIds,
  },
  giveAlertFeedback: {
    caller: 'contactPoint',
    wellFormed: async (world) => ({
      alertId: await alertToContactPoint(world),
      outcome: 'NOTHING_FOUND',
      note: 'Inspected at Port Klang; nothing found.',
      idempotencyKey: unique(),
    }),
    malformed: [
      ...alertIds,
      ...answerIdempotencyKeys,
      { mistake: 'a note longer than 4000 characters', field: 'note', change: () => ({ note: 'Inspected. '.repeat(400) }) },
      { mistake: 'a NUL byte in the note', field: 'note', change: () => ({ note: 'Inspected\u0000' }) },
      { mistake: 'PENDING, which is no feedback', field: 'outcome', change: () => ({ outcome: 'PENDING' }) },
    ],
  },
  amendAlert: {
    caller: 'coordinator',
    // The coordinator's own TEST alert, the kind PRE_OPERATIONAL allows: its words may be corrected.
    wellFormed: async (world) => ({
      alertId: await alertToContactPoint(world),
      expectedVersion: 1,
      title: 'Readiness test: acknowledge, please',
      description: 'Acknowledge within the day.',
    }),
    malformed: [
      ...alertIds,
      { mistake: 'a version below 1', field: 'expectedVersion', change: () => ({ expectedVersion: 0 }) },
      { mistake: 'a blank title', field: 'title', change: () => ({ title: '' }) },
      { mistake: 'a title longer than 300 characters', field: 'title', change: () => ({ title: 'Alert '.repeat(60) }) },
      { mistake: 'a NUL byte in the title', field: 'title', change: () => ({ title: 'Readiness\u0000test' }) },
      { mistake: 'a description longer than 20000 characters', field: 'description', change: () => ({ description: 'x'.repeat(20_001) }) },
      { mistake: 'a language that is no language tag', field: 'language', change: () => ({ language: 'English' }) },
      {
        mistake: 'an agency id among the commodity ids',
        field: 'commodityIds.0',
        change: (world) => ({ commodityIds: [world.agency.globalId] }),
      },
      { mistake: 'another severity for a TEST alert', field: 'severity', change: () => ({ severity: 'CRITICAL' }) },
      { mistake: 'a subject over 10000 characters', field: 'subject', change: () => ({ subject: { note: 'x'.repeat(10_001) } }) },
    ],
  },
  withdrawAlert: {
    caller: 'coordinator',
    wellFormed: async (world) => ({ alertId: await alertToContactPoint(world), reason: 'Sent to the wrong list; a new test follows.' }),
    malformed: [
      ...alertIds,
      { mistake: 'a blank reason', field: 'reason', change: () => ({ reason: '' }) },
      { mistake: 'a reason of spaces', field: 'reason', change: () => ({ reason: ' \n ' }) },
      { mistake: 'a reason longer than 2000 characters', field: 'reason', change: () => ({ reason: 'Wrong list. '.repeat(200) }) },
      { mistake: 'a NUL byte in the reason', field: 'reason', change: () => ({ reason: 'Wrong\u0000list' }) },
    ],
  },
  commentOnAlert: {
    caller: 'contactPoint',
    wellFormed: async (world) => ({
      alertId: await alertToContactPoint(world),
      body: 'Our port team is briefed.',
      idempotencyKey: unique(),
    }),
    malformed: [
      ...alertIds,
      ...answerIdempotencyKeys,
      { mistake: 'a blank comment', field: 'body', change: () => ({ body: '' }) },
      { mistake: 'a comment of spaces', field: 'body', change: () => ({ body: '  \n ' }) },
      { mistake: 'a comment longer than 4000 characters', field: 'body', change: () => ({ body: 'Briefed. '.repeat(500) }) },
      { mistake: 'a NUL byte in the comment', field: 'body', change: () => ({ body: 'Our port team\u0000 is briefed.' }) },
    ],
  },
  reportSeizure: {
    caller: 'contactPoint',
    // A late report: the concluded operation is in POST_OPERATIONAL.
    wellFormed: async (world) => ({ operationId: world.concluded.id, idempotencyKey: unique(), ...(await seizureContent(world)) }),
    malformed: [
      ...operationIds,
      { mistake: 'a blank idempotency key', field: 'idempotencyKey', change: () => ({ idempotencyKey: '' }) },
      { mistake: 'an idempotency key of spaces', field: 'idempotencyKey', change: () => ({ idempotencyKey: '   ' }) },
      {
        mistake: 'an idempotency key longer than 200 characters',
        field: 'idempotencyKey',
        change: () => ({ idempotencyKey: 'k'.repeat(201) }),
      },
      ...seizureContentMistakes,
    ],
  },
  importSeizures: {
    caller: 'contactPoint',
    // A late file, into the concluded operation; row errors and size are ImportRejectedError and ImportTooLargeError, tested in seizure-import.test.ts.
    wellFormed: (world) => ({
      operationId: world.concluded.id,
      csv: `seized_at,country_code,place,location_type,commodity_code,quantity,unit,detection_method,transport_mode\n2026-05-30T06:00Z,MY,Port Klang ${unique()},SEAPORT,AMMONIUM_NITRATE,24,T,X_RAY,SEA\n`,
    }),
    malformed: [
      ...operationIds,
      { mistake: 'an empty file', field: 'csv', change: () => ({ csv: '' }) },
      { mistake: 'a file of blank lines', field: 'csv', change: () => ({ csv: ' \r\n\r\n' }) },
    ],
  },
  submitSeizure: {
    caller: 'contactPoint',
    wellFormed: async (world) => ({ seizureId: await lateSeizure(world, false) }),
    malformed: seizureIds,
  },
  correctSeizure: {
    caller: 'contactPoint',
    wellFormed: async (world) => ({ seizureId: await lateSeizure(world, false), ...(await seizureContent(world)), arrests: 3 }),
    malformed: [...seizureIds, ...seizureContentMistakes],
  },
  verifySeizure: {
    caller: 'coordinator',
    wellFormed: async (world) => ({ seizureId: await lateSeizure(world, true) }),
    malformed: seizureIds,
  },
  rejectSeizure: {
    caller: 'coordinator',
    wellFormed: async (world) => ({ seizureId: await lateSeizure(world, true), reason: 'The seals are not on the photographs.' }),
    malformed: [
      ...seizureIds,
      { mistake: 'a blank reason', field: 'reason', change: () => ({ reason: '' }) },
      { mistake: 'a reason of spaces', field: 'reason', change: () => ({ reason: ' \n ' }) },
      { mistake: 'a reason longer than 2000 characters', field: 'reason', change: () => ({ reason: 'Rejected. '.repeat(201) }) },
      { mistake: 'a NUL byte in the reason', field: 'reason', change: () => ({ reason: 'The seals\u0000 are missing.' }) },
    ],
  },
  recordLicitShipmentsChecked: {
    caller: 'contactPoint',
    // The concluded operation is in POST_OPERATIONAL, where late figures are still taken.
    wellFormed: async (world) => {
      const urea = (await world.kit.catalogue(world.contactPoint)).find((item) => item.code === 'UREA')!;
      return {
        operationId: world.concluded.id,
        checkedOn: await world.concluded.operationalDay(),
        commodityId: urea.id,
        shipments: 6,
        quantity: 1.5,
        unit: 'T',
      };
    },
    malformed: [
      ...operationIds,
      ...checkedOnMistakes,
      ...badIds('commodityId', 'Commodity', (world) => world.agency.globalId),
      {
        mistake: 'a commodity id that names no catalogue item',
        field: 'commodityId',
        change: () => ({ commodityId: encodeGlobalId('Commodity', randomUUID()) }),
      },
      { mistake: 'a negative number of shipments', field: 'shipments', change: () => ({ shipments: -1 }) },
      { mistake: 'more than a million shipments in a day', field: 'shipments', change: () => ({ shipments: 1_000_001 }) },
      { mistake: 'a negative quantity', field: 'quantity', change: () => ({ quantity: -0.5 }) },
      { mistake: 'a quantity no border sees in a day', field: 'quantity', change: () => ({ quantity: 1e13 }) },
      { mistake: 'a subnormal quantity', field: 'quantity', change: () => ({ quantity: 5e-324 }) },
      { mistake: 'a quantity without its unit', field: 'unit', change: () => ({ unit: undefined }) },
      { mistake: 'a unit without a quantity', field: 'quantity', change: () => ({ quantity: null }) },
      { mistake: 'a quantity with no shipment checked', field: 'quantity', change: () => ({ shipments: 0 }) },
      { mistake: 'urea in litres', field: 'unit', change: () => ({ unit: 'L' }) },
    ],
  },
  recordDatabaseChecks: {
    caller: 'contactPoint',
    wellFormed: async (world) => ({
      operationId: world.concluded.id,
      checkedOn: await world.concluded.operationalDay(),
      database: 'INTERPOL_SLTD',
      checks: 320,
      hits: 2,
    }),
    malformed: [
      ...operationIds,
      ...checkedOnMistakes,
      { mistake: 'a negative number of checks', field: 'checks', change: () => ({ checks: -1 }) },
      { mistake: 'more than ten million checks in a day', field: 'checks', change: () => ({ checks: 10_000_001 }) },
      { mistake: 'a negative number of hits', field: 'hits', change: () => ({ hits: -1 }) },
      { mistake: 'more hits than checks', field: 'hits', change: () => ({ hits: 321 }) },
    ],
  },
};
