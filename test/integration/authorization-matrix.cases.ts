import { randomBytes } from 'node:crypto';
import { schema } from '@jointops/server/graphql/schema';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';
import type { SeededAgency, SeededUser } from '../testkit/seed';
import type { Shaped } from '../testkit/graphql';

// Who may do what with one operation, for every root field of the schema. Each row states, for
// each kind of person, what they get; authorization-matrix.test.ts runs every cell and fails on a
// root field that has no row here.

export const WHO = ['coordinator', 'contactPoint', 'reviewer', 'observer', 'outsider', 'invited', 'admin', 'anonymous'] as const;
export type Who = (typeof WHO)[number];

/** For these the operation does not exist: their answers must never name it or show its content. */
export const WITHOUT_STANDING: readonly Who[] = ['outsider', 'invited', 'admin', 'anonymous'];

export type Expectation =
  /** The data asked for: a success type, or a list that holds the operation (or anything, if it is not about one). */
  | 'allowed'
  /** A list without the operation; a list not about operations, with nothing in it. */
  | 'empty'
  /** Null or NotFoundError, exactly the answer to an id that names nothing. */
  | 'not-found'
  /** Null, as `me` is when signed out. */
  | 'null'
  /** A top-level FORBIDDEN error: the person sees the operation but it is not their role. */
  | 'forbidden'
  /** A top-level UNAUTHENTICATED error. */
  | 'unauthenticated'
  /** PhaseGateError: allowed to try, and the gate holds. */
  | 'phase-gate'
  /** PhaseRuleError: allowed to try, but not in this phase. */
  | 'phase-rule';

export interface World {
  kit: OperationKit;
  operation: OperationDriver;
  /** What only those with standing may ever read: the operation's identity, then its content. */
  identity: { code: string; name: string };
  objectives: string;
  /** Global ids of the operation, of the contact point's agency's participation and of the contact point's membership. */
  ids: { operation: string; participation: string; member: string };
  agencies: Record<'wco' | 'rmcd' | 'interpol' | 'thaiPolice' | 'pnp', SeededAgency>;
  people: Record<Exclude<Who, 'anonymous'>, Actor>;
  /** An account nobody else uses, for the login row. */
  loginTarget: SeededUser;
}

export interface Call {
  document: string;
  variables?: Record<string, unknown>;
}

export interface Case {
  /** What is asked, when a field has more than one case. */
  asks?: string;
  /** The request, sent by `caller` (null: anonymous); may set up fresh state first (a new agency to invite, a new user to assign). */
  request: (world: World, caller: Actor | null) => Call | Promise<Call>;
  /** The value the expectation is about; `data[field]` when absent. */
  pick?: (data: Shaped) => unknown;
  /** For lists: whether an item is the seeded operation. */
  isTheOperation?: (item: Shaped, world: World) => boolean;
  /** The call changes the caller's own standing or session, so each cell runs as a new person of the same standing. */
  fresh?: true;
  /** People without standing to whom this answer may name the operation (an invitation names it). */
  mayName?: Who[];
  expect: Record<Who, Expectation>;
}

const unique = () => randomBytes(4).toString('hex');

/** A mutation document typed from the schema, asking for `success` and every Error. */
function mutation(field: string, success: string): string {
  const input = schema
    .getMutationType()!
    .getFields()
    [field]!.args.find((arg) => arg.name === 'input');
  const [variables, args] = input ? [`($input: ${String(input.type)})`, '(input: $input)'] : ['', ''];
  return `mutation${variables} { ${field}${args} { __typename ... on Error { code message } ${success} } }`;
}

const nodeLookUp = (asks: string, id: (world: World) => string): Case => ({
  asks,
  request: (world) => ({ document: 'query($id: ID!) { node(id: $id) { __typename id } }', variables: { id: id(world) } }),
  expect: {
    coordinator: 'allowed',
    contactPoint: 'allowed',
    reviewer: 'allowed',
    observer: 'allowed',
    outsider: 'not-found',
    invited: 'not-found',
    admin: 'not-found',
    anonymous: 'unauthenticated',
  },
});

const OPERATION_BY_ID = (selection: string) => `query($id: ID!) { operation(id: $id) { ${selection} } }`;

/** A field of the operation asked for; where the operation is absent, its absence as answered (null). */
const inTheOperation = (field: string) => (data: Shaped) => (data?.operation ? data.operation[field] : data?.operation);

/** A TEST alert (the kind PRE_OPERATIONAL allows) raised by the contact point of RMCD: sent to the WCO and INTERPOL. */
async function alertRaisedByContactPoint(world: World, restrictedTo?: 'interpol'): Promise<string> {
  const { result } = await world.kit.mutate(world.people.contactPoint, 'raiseAlert', {
    operationId: world.ids.operation,
    idempotencyKey: unique(),
    category: 'TEST',
    severity: 'LOW',
    title: 'Readiness test',
    marking: 'GREEN',
    ...(restrictedTo
      ? { distribution: 'RESTRICTED', recipientAgencyIds: [world.agencies[restrictedTo].globalId] }
      : { distribution: 'ALL_PARTICIPANTS' }),
  });
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return result.id as string;
}

/** The alerts the awaitingMyAcknowledgement row raised, so that it judges only its own. */
const awaitedAlertIds = new Set<string>();
/** Likewise for the awaitingMyFeedback row. */
const feedbackAwaitedAlertIds = new Set<string>();

/**
 * Seizures exist only from OPERATIONAL on, and the operation above stays in PRE_OPERATIONAL for the
 * rows about it. So the seizure rows use a second operation of the same cast (same coordinator,
 * contact point, reviewer and observer; PNP invited), pushed to OPERATIONAL by override.
 */
let liveOperation: Promise<OperationDriver> | undefined;
function operationLive(world: World): Promise<OperationDriver> {
  liveOperation ??= (async () => {
    const { kit, people, agencies } = world;
    const operation = await kit.operation(people.coordinator, { code: `PGS-LIVE-${unique().toUpperCase()}` });
    await operation.join(people.contactPoint);
    await operation.join(people.observer, 'OBSERVING');
    await operation.assign(people.reviewer, 'REVIEWER');
    await operation.invite(agencies.pnp);
    for (const to of ['PRE_OPERATIONAL', 'OPERATIONAL'] as const) {
      const { result } = await operation.advance(to, { overrideJustification: 'Compressed schedule for the authorization checks.' });
      if (result?.phase !== to) throw new Error(`advancing to ${to} failed: ${JSON.stringify(result)}`);
    }
    return operation;
  })();
  return liveOperation;
}

/**
 * A PDF the contact point of RMCD attached (over HTTP, as any client does) to an alert of theirs
 * for every participant: made once, as the live operation is.
 */
let fileOnAlert: Promise<{ alertId: string; attachmentId: string }> | undefined;
function attachedFile(world: World) {
  fileOnAlert ??= (async () => {
    const alertId = await alertRaisedByContactPoint(world);
    const query = new URLSearchParams({ alertId, fileName: 'readiness-checklist.pdf' });
    const response = await fetch(`${world.kit.url}/attachments?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.people.contactPoint.token}`, 'content-type': 'application/pdf' },
      body: '%PDF-1.4\n% readiness checklist\n%%EOF\n',
    });
    if (response.status !== 201) throw new Error(`the upload failed: ${response.status} ${await response.text()}`);
    return { alertId, attachmentId: ((await response.json()) as { id: string }).id };
  })();
  return fileOnAlert;
}

/** The content of a seizure report by RMCD of a commodity outside the catalogue. */
const seizureContent = {
  seizedAt: '2026-05-30T06:00:00Z',
  countryCode: 'MY',
  place: 'Port Klang',
  locationType: 'SEAPORT',
  commodityDescription: 'Ammonium nitrate of an unlisted grade',
  quantity: 24,
  unit: 'T',
  detectionMethod: 'X_RAY',
  transportMode: 'SEA',
};

/** The same seizure as a one-row import file; a place of its own each time, so each import files a report. */
const seizureFile = () =>
  `seized_at,country_code,place,location_type,commodity_description,quantity,unit,detection_method,transport_mode\n2026-05-30T06:00Z,MY,Port Klang berth ${unique()},SEAPORT,${seizureContent.commodityDescription},24,T,X_RAY,SEA\n`;

/** A seizure the contact point of RMCD reports in the live operation: SUBMITTED, a DRAFT, or REJECTED by the reviewer. */
async function seizureByContactPoint(world: World, state: 'SUBMITTED' | 'DRAFT' | 'REJECTED' = 'SUBMITTED'): Promise<string> {
  const operation = await operationLive(world);
  const { result } = await world.kit.mutate(world.people.contactPoint, 'reportSeizure', {
    operationId: operation.id,
    idempotencyKey: unique(),
    submit: state !== 'DRAFT',
    ...seizureContent,
  });
  if (result?.__typename !== 'Seizure') throw new Error(`reportSeizure failed: ${JSON.stringify(result)}`);
  if (state === 'REJECTED')
    await world.kit.mutate(world.people.reviewer, 'rejectSeizure', { seizureId: result.id, reason: 'Photographs missing.' });
  return result.id as string;
}

const SEIZURE_REVIEW: Case['expect'] = {
  coordinator: 'allowed',
  contactPoint: 'forbidden',
  reviewer: 'allowed',
  observer: 'forbidden',
  outsider: 'not-found',
  invited: 'not-found',
  admin: 'not-found',
  anonymous: 'unauthenticated',
};

/** Account administration: administrators only, whatever their standing in any operation. */
const ADMIN_ONLY: Case['expect'] = {
  coordinator: 'forbidden',
  contactPoint: 'forbidden',
  reviewer: 'forbidden',
  observer: 'forbidden',
  outsider: 'forbidden',
  invited: 'forbidden',
  admin: 'allowed',
  anonymous: 'unauthenticated',
};

/** What anyone does to their own account: nothing about the operation, and nobody else's. */
const ANYONE_SIGNED_IN: Case['expect'] = {
  coordinator: 'allowed',
  contactPoint: 'allowed',
  reviewer: 'allowed',
  observer: 'allowed',
  outsider: 'allowed',
  invited: 'allowed',
  admin: 'allowed',
  anonymous: 'unauthenticated',
};

/** A new account of the Royal Thai Police (an agency outside the operation), for a row that changes one. */
const freshAccount = async (world: World) => (await world.kit.seed.user({ agency: world.agencies.thaiPolice })).globalId;

const ALERT_NODE = 'query($id: ID!) { node(id: $id) { __typename id ... on Alert { reference title } } }';

export const matrix: Record<string, Case[]> = {
  'Subscription.operationEvents': [
    {
      asks: 'replay from the first event, over GraphQL-over-SSE',
      request: async (world) => {
        const first = await world.operation.view(world.operation.coordinator, 'timeline(first: 1) { edges { cursor } }');
        return {
          document:
            'subscription($id: ID!, $after: String) { operationEvents(operationId: $id, after: $after) { __typename cursor type } }',
          variables: { id: world.ids.operation, after: first!.timeline.edges[0].cursor },
        };
      },
      pick: (data) => data?.operationEvents,
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Subscription.operationResultsChanged': [
    {
      asks: 'the current figures, the first thing the stream sends, over GraphQL-over-SSE',
      request: (world) => ({
        document:
          'subscription($id: ID!) { operationResultsChanged(operationId: $id, includeUnverified: true) { totals { seizures alertsRaised } byCountry { countryCode } } }',
        variables: { id: world.ids.operation },
      }),
      pick: (data) => data?.operationResultsChanged,
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.accountAuditTrail': [
    {
      request: () => ({
        document: '{ accountAuditTrail(first: 500) { edges { node { action targetType targetId outcome reason actor { id } } } } }',
      }),
      expect: {
        coordinator: 'forbidden',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'forbidden',
        invited: 'forbidden',
        admin: 'allowed',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.agencies': [
    {
      request: () => ({ document: '{ agencies(first: 100) { edges { node { id name } } } }' }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'allowed',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'with the deactivated agencies',
      request: () => ({ document: '{ agencies(first: 100, includeInactive: true) { edges { node { id name active } } } }' }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'allowed',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.users': [
    {
      request: () => ({
        document: '{ users(first: 100, includeInactive: true) { edges { node { id displayName email active agency { id } } } } }',
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'Query.commodityCatalogue': [
    {
      request: () => ({ document: '{ commodityCatalogue { version items { code } } }' }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'allowed',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.seizureImportTemplate': [
    {
      request: () => ({ document: '{ seizureImportTemplate }' }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'allowed',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.me': [
    {
      request: () => ({ document: '{ me { id email } }' }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'allowed',
        anonymous: 'null',
      },
    },
  ],
  'Query.myInvitations': [
    {
      request: () => ({ document: '{ myInvitations { operationId code name invitedByName operationalStartsAt } }' }),
      isTheOperation: (invitation, world) => invitation.operationId === world.ids.operation,
      mayName: ['invited'],
      expect: {
        coordinator: 'empty',
        contactPoint: 'empty',
        reviewer: 'empty',
        observer: 'empty',
        outsider: 'empty',
        invited: 'allowed',
        admin: 'empty',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.node': [
    {
      asks: 'an Attachment id, of a file on an alert for every participant',
      request: async (world) => ({
        document: 'query($id: ID!) { node(id: $id) { __typename id ... on Attachment { fileName downloadUrl } } }',
        variables: { id: (await attachedFile(world)).attachmentId },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: "an Alert id, with the alert's files",
      request: async (world) => ({
        document: 'query($id: ID!) { node(id: $id) { __typename id ... on Alert { attachments { id fileName } } } }',
        variables: { id: (await attachedFile(world)).alertId },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    nodeLookUp('an Operation id', (world) => world.ids.operation),
    nodeLookUp('a Participation id', (world) => world.ids.participation),
    nodeLookUp('an OperationMember id', (world) => world.ids.member),
    {
      asks: 'an Alert id, of an alert for every participant',
      request: async (world) => ({ document: ALERT_NODE, variables: { id: await alertRaisedByContactPoint(world) } }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      // Restricted to INTERPOL: the coordinating WCO is not named, so for its people the alert does not exist.
      asks: 'an Alert id, of an alert RESTRICTED to another agency',
      request: async (world) => ({ document: ALERT_NODE, variables: { id: await alertRaisedByContactPoint(world, 'interpol') } }),
      expect: {
        coordinator: 'not-found',
        contactPoint: 'allowed',
        reviewer: 'not-found',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'a Seizure id, of a submitted report',
      request: async (world) => ({
        document: 'query($id: ID!) { node(id: $id) { __typename id } }',
        variables: { id: await seizureByContactPoint(world) },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      // A draft is the reporting agency's own until submitted.
      asks: 'a Seizure id, of a draft of RMCD',
      request: async (world) => ({
        document: 'query($id: ID!) { node(id: $id) { __typename id } }',
        variables: { id: await seizureByContactPoint(world, 'DRAFT') },
      }),
      expect: {
        coordinator: 'not-found',
        contactPoint: 'allowed',
        reviewer: 'not-found',
        observer: 'not-found',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.operationByCode': [
    {
      asks: 'the operation by its code',
      request: (world) => ({
        document: 'query($code: String!) { operationByCode(code: $code) { id code name phase } }',
        variables: { code: world.identity.code },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.operation': [
    {
      asks: 'the operation',
      request: (world) => ({ document: OPERATION_BY_ID('id code name phase myRole'), variables: { id: world.ids.operation } }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'its timeline',
      request: (world) => ({
        document: OPERATION_BY_ID('timeline(first: 100) { edges { node { __typename type } } }'),
        variables: { id: world.ids.operation },
      }),
      pick: inTheOperation('timeline'),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'its alerts',
      request: async (world) => {
        await alertRaisedByContactPoint(world);
        return {
          document: OPERATION_BY_ID('alerts(first: 100) { edges { node { id reference } } }'),
          variables: { id: world.ids.operation },
        };
      },
      pick: inTheOperation('alerts'),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'the seizures of the operation in OPERATIONAL',
      request: async (world) => {
        await seizureByContactPoint(world);
        return {
          document: OPERATION_BY_ID('seizures(first: 100) { edges { node { id reference status } } }'),
          variables: { id: (await operationLive(world)).id },
        };
      },
      pick: inTheOperation('seizures'),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'its register of checks in OPERATIONAL',
      request: async (world) => {
        const operation = await operationLive(world);
        const figure = {
          operationId: operation.id,
          checkedOn: await operation.operationalDay(),
          database: 'INTERPOL_SLTD',
          checks: 40,
          hits: 1,
        };
        const { result } = await world.kit.mutate(world.people.contactPoint, 'recordDatabaseChecks', figure);
        if (result?.__typename !== 'DatabaseCheck') throw new Error(`recordDatabaseChecks failed: ${JSON.stringify(result)}`);
        return { document: OPERATION_BY_ID('databaseChecks { id countryCode checks hits }'), variables: { id: operation.id } };
      },
      pick: inTheOperation('databaseChecks'),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      // A coordinator is offered everyone of the accepted agencies; RMCD's contact point, RMCD's people; others nobody.
      asks: 'the people the viewer may assign',
      request: (world) => ({ document: OPERATION_BY_ID('assignableUsers { id displayName }'), variables: { id: world.ids.operation } }),
      pick: inTheOperation('assignableUsers'),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'empty',
        observer: 'empty',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'its audit trail',
      request: (world) => ({
        document: OPERATION_BY_ID('auditTrail(first: 100) { edges { node { action outcome } } }'),
        variables: { id: world.ids.operation },
      }),
      pick: inTheOperation('auditTrail'),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'empty',
        reviewer: 'allowed',
        observer: 'empty',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.operationResults': [
    {
      asks: 'the results tables',
      request: (world) => ({
        document:
          'query($id: ID!) { operationResults(operationId: $id) { totals { seizures alertsRaised hitRate } byCountryAndCommodity { key } alertOutcomes { outcome count } } }',
        variables: { id: world.ids.operation },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'the INTERPOL follow-ups and the arrests by nationality',
      request: (world) => ({
        document:
          'query($id: ID!) { operationResults(operationId: $id, includeUnverified: true) { totals { interpolFollowUps } arrestsByNationality { nationality arrests } } }',
        variables: { id: world.ids.operation },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'the seizure list as CSV',
      request: (world) => ({
        document: 'query($id: ID!) { operationResults(operationId: $id) { csv(table: seizures) } }',
        variables: { id: world.ids.operation },
      }),
      pick: (data) => data?.operationResults?.csv,
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.programmeResults': [
    {
      // Figures over the operations each person may see: for those without standing, none at all.
      asks: 'with the submitted report of the operation in OPERATIONAL',
      request: async (world) => {
        await seizureByContactPoint(world);
        return {
          document:
            '{ programmeResults(programme: PROGRAMME_GLOBAL_SHIELD, includeUnverified: true) { operations seizures byCountryAndCommodity { key seizures } } }',
        };
      },
      pick: (data) => data?.programmeResults?.byCountryAndCommodity,
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'empty',
        invited: 'empty',
        admin: 'empty',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.awaitingMyAcknowledgement': [
    {
      // Sent to the WCO and INTERPOL by RMCD: awaited by the coordinating WCO's people and INTERPOL's observer only.
      asks: 'a fresh alert for every participant',
      request: async (world) => {
        awaitedAlertIds.add(await alertRaisedByContactPoint(world));
        return { document: '{ awaitingMyAcknowledgement(first: 500) { edges { node { id reference } } } }' };
      },
      isTheOperation: (alert) => awaitedAlertIds.has(alert.id as string),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'empty',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'empty',
        invited: 'empty',
        admin: 'empty',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.awaitingMyFeedback': [
    {
      // A live alert from RMCD to every participant, acknowledged by the WCO only: owed by the WCO's people alone.
      asks: 'a fresh alert the WCO acknowledged',
      request: async (world) => {
        const operation = await operationLive(world);
        const { result } = await world.kit.mutate(world.people.contactPoint, 'raiseAlert', {
          operationId: operation.id,
          idempotencyKey: unique(),
          category: 'INTELLIGENCE',
          severity: 'LOW',
          title: 'Courier network moving detonators',
          marking: 'GREEN',
          distribution: 'ALL_PARTICIPANTS',
        });
        if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
        await world.kit.mutate(world.people.coordinator, 'acknowledgeAlert', { alertId: result.id });
        feedbackAwaitedAlertIds.add(result.id as string);
        return { document: '{ awaitingMyFeedback(first: 500) { edges { node { id reference } } } }' };
      },
      isTheOperation: (alert) => feedbackAwaitedAlertIds.has(alert.id as string),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'empty',
        reviewer: 'allowed',
        observer: 'empty',
        outsider: 'empty',
        invited: 'empty',
        admin: 'empty',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Query.operations': [
    {
      asks: 'searching for its code',
      request: (world) => ({
        document: 'query($search: String) { operations(first: 50, search: $search) { edges { node { id code name } } } }',
        variables: { search: world.identity.code },
      }),
      isTheOperation: (operation, world) => operation.id === world.ids.operation,
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'empty',
        invited: 'empty',
        admin: 'empty',
        anonymous: 'unauthenticated',
      },
    },
  ],

  'Mutation.login': [
    {
      request: (world) => ({
        document: mutation('login', '... on LoginSuccess { user { id } }'),
        variables: { input: { email: world.loginTarget.email, password: world.loginTarget.password } },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'allowed',
        anonymous: 'allowed',
      },
    },
  ],
  'Mutation.logout': [
    {
      request: () => ({ document: 'mutation { logout }' }),
      fresh: true,
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'allowed',
        anonymous: 'allowed',
      },
    },
  ],
  'Mutation.createAgency': [
    {
      request: () => ({
        document: mutation('createAgency', '... on Agency { id }'),
        variables: { input: { name: `Lao Customs Department ${unique()}`, kind: 'CUSTOMS', countryCode: 'LA' } },
      }),
      expect: {
        coordinator: 'forbidden',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'forbidden',
        invited: 'forbidden',
        admin: 'allowed',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.createUser': [
    {
      request: (world) => ({
        document: mutation('createUser', '... on User { id }'),
        variables: {
          input: {
            email: `officer-${unique()}@police.go.th`,
            displayName: 'Somchai Wongsa',
            agencyId: world.agencies.thaiPolice.globalId,
            password: 'twelve chars at least',
          },
        },
      }),
      expect: {
        coordinator: 'forbidden',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'forbidden',
        invited: 'forbidden',
        admin: 'allowed',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.deactivateUser': [
    {
      request: async (world) => ({
        document: mutation('deactivateUser', '... on User { id active }'),
        variables: { input: { userId: (await world.kit.seed.user({ agency: world.agencies.thaiPolice })).globalId } },
      }),
      expect: {
        coordinator: 'forbidden',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'forbidden',
        invited: 'forbidden',
        admin: 'allowed',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.reactivateUser': [
    {
      request: async (world) => ({
        document: mutation('reactivateUser', '... on User { id active }'),
        variables: { input: { userId: await freshAccount(world) } },
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'Mutation.updateUser': [
    {
      request: async (world) => ({
        document: mutation('updateUser', '... on User { id displayName }'),
        variables: { input: { userId: await freshAccount(world), displayName: 'Somchai Wongsa', locale: 'fr' } },
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'Mutation.resetUserPassword': [
    {
      request: async (world) => ({
        document: mutation('resetUserPassword', '... on User { id }'),
        variables: { input: { userId: await freshAccount(world), newPassword: 'twelve chars at least' } },
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'Mutation.changeMyPassword': [
    {
      request: (_world, caller) => ({
        document: mutation('changeMyPassword', '... on User { id }'),
        variables: { input: { currentPassword: caller?.password ?? 'twelve chars at least', newPassword: `passphrase ${unique()} anew` } },
      }),
      fresh: true,
      expect: ANYONE_SIGNED_IN,
    },
  ],
  'Mutation.updateMyPreferences': [
    {
      request: () => ({ document: mutation('updateMyPreferences', '... on User { id locale }'), variables: { input: { locale: 'fr' } } }),
      fresh: true,
      expect: ANYONE_SIGNED_IN,
    },
  ],
  'Mutation.updateAgency': [
    {
      request: async (world) => ({
        document: mutation('updateAgency', '... on Agency { id name }'),
        variables: {
          input: { agencyId: (await world.kit.seed.agency({ countryCode: 'LA' })).globalId, name: `Lao Customs Department ${unique()}` },
        },
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'Mutation.deactivateAgency': [
    {
      request: async (world) => ({
        document: mutation('deactivateAgency', '... on Agency { id active }'),
        variables: { input: { agencyId: (await world.kit.seed.agency({ countryCode: 'KH' })).globalId } },
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'Mutation.reactivateAgency': [
    {
      request: async (world) => ({
        document: mutation('reactivateAgency', '... on Agency { id active }'),
        variables: { input: { agencyId: (await world.kit.seed.agency({ countryCode: 'KH' })).globalId } },
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'Mutation.createOperation': [
    {
      request: async (world) => ({
        document: mutation('createOperation', '... on Operation { id code }'),
        variables: { input: await world.kit.operationInput(world.people.coordinator, { code: `PGS-OTHER-${unique().toUpperCase()}` }) },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'forbidden',
        anonymous: 'unauthenticated',
      },
    },
    {
      // Its second escalation level chosen at creation: whoever may plan one may.
      request: async (world) => ({
        document: mutation('createOperation', '... on Operation { id coordinatorEscalationFactor }'),
        variables: {
          input: await world.kit.operationInput(world.people.coordinator, {
            code: `PGS-OTHER-${unique().toUpperCase()}`,
            coordinatorEscalationFactor: null,
          }),
        },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'allowed',
        invited: 'allowed',
        admin: 'forbidden',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.addOperationCommodity': [
    {
      request: (world) => ({
        document: mutation('addOperationCommodity', '... on Commodity { id code }'),
        variables: {
          input: {
            operationId: world.ids.operation,
            code: `MATRIX_${unique().toUpperCase()}`,
            nameEn: 'Sodium azide',
            nameFr: 'Azoture de sodium',
            dimension: 'MASS',
            category: 'PRECURSOR_CHEMICAL',
          },
        },
      }),
      // The catalogue is the administrators' to keep, for an operation they need not see.
      expect: ADMIN_ONLY,
    },
  ],
  'Mutation.updateOperation': [
    {
      request: (world) => ({
        document: mutation('updateOperation', '... on Operation { id region }'),
        variables: { input: { operationId: world.ids.operation, region: 'Asia/Pacific and Oceania' } },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      // The second escalation level is the coordinators' to set, like the deadlines.
      request: (world) => ({
        document: mutation('updateOperation', '... on Operation { id coordinatorEscalationFactor }'),
        variables: { input: { operationId: world.ids.operation, coordinatorEscalationFactor: 3 } },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.inviteAgency': [
    {
      request: async (world) => ({
        document: mutation('inviteAgency', '... on Participation { id status }'),
        variables: {
          input: {
            operationId: world.ids.operation,
            agencyId: (await world.kit.seed.agency({ countryCode: 'VN' })).globalId,
            role: 'PARTICIPATING',
          },
        },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.respondToInvitation': [
    {
      asks: 'accepting',
      request: (world) => ({
        document: mutation('respondToInvitation', '... on Participation { status role }'),
        variables: { input: { operationId: world.ids.operation, accept: true } },
      }),
      fresh: true,
      expect: {
        coordinator: 'not-found',
        contactPoint: 'not-found',
        reviewer: 'not-found',
        observer: 'not-found',
        outsider: 'not-found',
        invited: 'allowed',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      // Declining leaves the agency outside: the answer must not open the operation to it.
      asks: 'declining, and asking for the operation',
      request: (world) => ({
        document: mutation(
          'respondToInvitation',
          '... on Participation { status operation { id code name objectives members { id user { email } } } }',
        ),
        variables: { input: { operationId: world.ids.operation, accept: false } },
      }),
      fresh: true,
      mayName: ['invited'],
      expect: {
        coordinator: 'not-found',
        contactPoint: 'not-found',
        reviewer: 'not-found',
        observer: 'not-found',
        outsider: 'not-found',
        invited: 'allowed',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.withdrawParticipation': [
    {
      asks: 'withdrawing another agency',
      request: async (world) => {
        const agency = await world.kit.seed.agency({ countryCode: 'KH' });
        await world.operation.invite(agency);
        return {
          document: mutation('withdrawParticipation', '... on Participation { id status }'),
          variables: {
            input: { operationId: world.ids.operation, agencyId: agency.globalId, reason: 'No customs presence at the ports in scope' },
          },
        };
      },
      expect: {
        coordinator: 'allowed',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.assignMember': [
    {
      asks: 'a new colleague of the contact point as contact point',
      request: async (world) => ({
        document: mutation('assignMember', '... on OperationMember { id role }'),
        variables: {
          input: {
            operationId: world.ids.operation,
            userId: (await world.kit.seed.user({ agency: world.agencies.rmcd })).globalId,
            role: 'CONTACT_POINT',
          },
        },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.removeMember': [
    {
      asks: "a colleague the contact point's agency has as observer",
      request: async (world) => {
        const { result } = await world.operation.assign(await world.kit.seed.user({ agency: world.agencies.rmcd }), 'OBSERVER');
        if (result?.__typename !== 'OperationMember') throw new Error(`assignMember failed: ${JSON.stringify(result)}`);
        return {
          document: mutation('removeMember', '... on OperationMember { id removedAt }'),
          variables: { input: { operationId: world.ids.operation, memberId: result.id } },
        };
      },
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.advancePhase': [
    {
      asks: 'to OPERATIONAL before its planned start',
      request: (world) => ({
        document: mutation('advancePhase', '... on Operation { id phase }'),
        variables: { input: { operationId: world.ids.operation, to: 'OPERATIONAL' } },
      }),
      expect: {
        coordinator: 'phase-gate',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.recordFinalReport': [
    {
      asks: 'before POST_OPERATIONAL',
      request: (world) => ({
        document: mutation('recordFinalReport', '... on Operation { id }'),
        variables: { input: { operationId: world.ids.operation, report: 'Seizures compiled per country and commodity.' } },
      }),
      expect: {
        coordinator: 'phase-rule',
        contactPoint: 'forbidden',
        reviewer: 'phase-rule',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.raiseAlert': [
    {
      asks: 'a TEST alert in PRE_OPERATIONAL',
      request: (world) => ({
        document: mutation('raiseAlert', '... on Alert { id reference }'),
        variables: {
          input: {
            operationId: world.ids.operation,
            idempotencyKey: unique(),
            category: 'TEST',
            severity: 'LOW',
            title: 'Readiness test',
            marking: 'GREEN',
            distribution: 'ALL_PARTICIPANTS',
          },
        },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'an intelligence alert before OPERATIONAL',
      request: (world) => ({
        document: mutation('raiseAlert', '... on Alert { id reference }'),
        variables: {
          input: {
            operationId: world.ids.operation,
            idempotencyKey: unique(),
            category: 'INTELLIGENCE',
            severity: 'HIGH',
            title: 'Consignee linked to an earlier diversion',
            marking: 'AMBER',
            distribution: 'ALL_PARTICIPANTS',
          },
        },
      }),
      expect: {
        coordinator: 'phase-rule',
        contactPoint: 'phase-rule',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.acknowledgeAlert': [
    {
      asks: "an alert sent to the WCO and INTERPOL, for the caller's agency",
      request: async (world) => ({
        document: mutation('acknowledgeAlert', '... on Alert { id recipients { acknowledgedAt } }'),
        variables: { input: { alertId: await alertRaisedByContactPoint(world) } },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'an alert RESTRICTED to INTERPOL',
      request: async (world) => ({
        document: mutation('acknowledgeAlert', '... on Alert { id title }'),
        variables: { input: { alertId: await alertRaisedByContactPoint(world, 'interpol') } },
      }),
      expect: {
        coordinator: 'not-found',
        contactPoint: 'forbidden',
        reviewer: 'not-found',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.giveAlertFeedback': [
    {
      asks: 'on an alert sent to the WCO and INTERPOL',
      request: async (world) => ({
        document: mutation('giveAlertFeedback', '... on Alert { id outcome }'),
        variables: {
          input: { alertId: await alertRaisedByContactPoint(world), outcome: 'NOTHING_FOUND', note: 'Container inspected; nothing found.' },
        },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'forbidden',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.commentOnAlert': [
    {
      asks: 'on an alert for every participant',
      request: async (world) => ({
        document: mutation('commentOnAlert', '... on Alert { id comments { body } }'),
        variables: { input: { alertId: await alertRaisedByContactPoint(world), body: 'Noted; our port team is briefed.' } },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'allowed',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'on an alert RESTRICTED to INTERPOL',
      request: async (world) => ({
        document: mutation('commentOnAlert', '... on Alert { id title }'),
        variables: { input: { alertId: await alertRaisedByContactPoint(world, 'interpol'), body: 'Anything on this?' } },
      }),
      expect: {
        coordinator: 'not-found',
        contactPoint: 'allowed',
        reviewer: 'not-found',
        observer: 'allowed',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.amendAlert': [
    {
      asks: 'an alert for every participant, raised by the contact point',
      request: async (world) => ({
        document: mutation('amendAlert', '... on Alert { id version versions { title } }'),
        variables: {
          input: { alertId: await alertRaisedByContactPoint(world), expectedVersion: 1, title: 'Readiness test: acknowledge, please' },
        },
      }),
      expect: {
        coordinator: 'forbidden',
        contactPoint: 'allowed',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'an alert RESTRICTED to INTERPOL, raised by the contact point',
      request: async (world) => ({
        document: mutation('amendAlert', '... on Alert { id title }'),
        variables: {
          input: {
            alertId: await alertRaisedByContactPoint(world, 'interpol'),
            expectedVersion: 1,
            title: 'Readiness test: acknowledge, please',
          },
        },
      }),
      expect: {
        coordinator: 'not-found',
        contactPoint: 'allowed',
        reviewer: 'not-found',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.withdrawAlert': [
    {
      asks: 'an alert for every participant, raised by the contact point',
      request: async (world) => ({
        document: mutation('withdrawAlert', '... on Alert { id withdrawnAt withdrawalReason }'),
        variables: { input: { alertId: await alertRaisedByContactPoint(world), reason: 'Sent to the wrong list.' } },
      }),
      expect: {
        coordinator: 'forbidden',
        contactPoint: 'allowed',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'an alert RESTRICTED to INTERPOL, raised by the contact point',
      request: async (world) => ({
        document: mutation('withdrawAlert', '... on Alert { id title }'),
        variables: { input: { alertId: await alertRaisedByContactPoint(world, 'interpol'), reason: 'Sent to the wrong list.' } },
      }),
      expect: {
        coordinator: 'not-found',
        contactPoint: 'allowed',
        reviewer: 'not-found',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.reportSeizure': [
    {
      asks: 'in PRE_OPERATIONAL',
      request: (world) => ({
        document: mutation('reportSeizure', '... on Seizure { id reference }'),
        variables: { input: { operationId: world.ids.operation, idempotencyKey: unique(), ...seizureContent } },
      }),
      expect: {
        coordinator: 'phase-rule',
        contactPoint: 'phase-rule',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'in OPERATIONAL',
      request: async (world) => ({
        document: mutation('reportSeizure', '... on Seizure { id reference }'),
        variables: { input: { operationId: (await operationLive(world)).id, idempotencyKey: unique(), ...seizureContent } },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.importSeizures': [
    {
      asks: 'a file of one row, in PRE_OPERATIONAL',
      request: (world) => ({
        document: mutation('importSeizures', '... on ImportSeizuresSuccess { importedCount }'),
        variables: { input: { operationId: world.ids.operation, csv: seizureFile() } },
      }),
      expect: {
        coordinator: 'phase-rule',
        contactPoint: 'phase-rule',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
    {
      asks: 'a file of one row, in OPERATIONAL',
      request: async (world) => ({
        document: mutation('importSeizures', '... on ImportSeizuresSuccess { importedCount seizures { id reference } }'),
        variables: { input: { operationId: (await operationLive(world)).id, csv: seizureFile() } },
      }),
      expect: {
        coordinator: 'allowed',
        contactPoint: 'allowed',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.submitSeizure': [
    {
      asks: "a draft of RMCD's",
      request: async (world) => ({
        document: mutation('submitSeizure', '... on Seizure { id status }'),
        variables: { input: { seizureId: await seizureByContactPoint(world, 'DRAFT') } },
      }),
      expect: {
        coordinator: 'not-found',
        contactPoint: 'allowed',
        reviewer: 'not-found',
        observer: 'not-found',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.correctSeizure': [
    {
      asks: "a rejected report of RMCD's",
      request: async (world) => ({
        document: mutation('correctSeizure', '... on Seizure { id status }'),
        variables: { input: { seizureId: await seizureByContactPoint(world, 'REJECTED'), ...seizureContent, conveyance: 'MSKU1234565' } },
      }),
      expect: {
        coordinator: 'forbidden',
        contactPoint: 'allowed',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.verifySeizure': [
    {
      asks: 'a submitted report',
      request: async (world) => ({
        document: mutation('verifySeizure', '... on Seizure { id status }'),
        variables: { input: { seizureId: await seizureByContactPoint(world) } },
      }),
      expect: SEIZURE_REVIEW,
    },
  ],
  'Mutation.rejectSeizure': [
    {
      asks: 'a submitted report',
      request: async (world) => ({
        document: mutation('rejectSeizure', '... on Seizure { id status }'),
        variables: { input: { seizureId: await seizureByContactPoint(world), reason: 'Quantity does not match the x-ray report.' } },
      }),
      expect: SEIZURE_REVIEW,
    },
  ],
  'Mutation.recordLicitShipmentsChecked': [
    {
      asks: 'in PRE_OPERATIONAL, before any check is made',
      request: async (world) => {
        const urea = (await world.kit.catalogue(world.people.coordinator)).find((item) => item.code === 'UREA')!;
        return {
          document: mutation('recordLicitShipmentsChecked', '... on LicitShipmentCheck { id shipments }'),
          variables: { input: { operationId: world.ids.operation, checkedOn: '2026-06-01', commodityId: urea.id, shipments: 3 } },
        };
      },
      expect: {
        coordinator: 'phase-rule',
        contactPoint: 'phase-rule',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
  'Mutation.recordDatabaseChecks': [
    {
      asks: 'in PRE_OPERATIONAL, before any check is made',
      request: (world) => ({
        document: mutation('recordDatabaseChecks', '... on DatabaseCheck { id checks hits }'),
        variables: { input: { operationId: world.ids.operation, checkedOn: '2026-06-01', database: 'INTERPOL_SLTD', checks: 40, hits: 1 } },
      }),
      expect: {
        coordinator: 'phase-rule',
        contactPoint: 'phase-rule',
        reviewer: 'forbidden',
        observer: 'forbidden',
        outsider: 'not-found',
        invited: 'not-found',
        admin: 'not-found',
        anonymous: 'unauthenticated',
      },
    },
  ],
};
