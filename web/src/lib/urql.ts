import { cacheExchange, type Cache } from '@urql/exchange-graphcache';
import type { IntrospectionQuery } from 'graphql';
import { Client, fetchExchange, subscriptionExchange } from 'urql';
import schema from '../graphql/schema.json';
import { isStreamCatchingUp } from '../modules/live/live-state';
import { isNewestPageOfAll, takeIntoNewestPages } from '../modules/timeline/timeline-cache';
import { subscribeLive } from './live-socket';
import { resubscribing } from './resubscribing';
import { refetchInFlight } from './refetch-in-flight';
import { operationFieldsChangedBy, PLAN_FIELDS } from './operation-event-fields';

// Types the server gives no id: they live inside their parent and are never shared between two.
const EMBEDDED = [
  'AcknowledgementDeadline',
  'AlertClearedAcknowledgement',
  'AlertComment',
  'AlertFeedback',
  'AlertRecipient',
  'AlertVersion',
  'AuditEntry',
  'AwaitingAcknowledgementCount',
  'BaseQuantity',
  'CommodityCatalogue',
  'ConveyanceSubject',
  'CountryFiguresRow',
  'DatabaseCheckFigures',
  'DatabaseChecksRow',
  'FieldError',
  'FreeSubject',
  'GateCriterion',
  'ImportSeizuresSuccess',
  'LicitShipmentFigures',
  'LicitShipmentsCheckedRow',
  'LoginSuccess',
  'OperationResults',
  'OutcomeCount',
  'OverriddenCriterion',
  'PageInfo',
  'PassengerSubject',
  'PhasePlan',
  'ProgrammeResults',
  'ResultRow',
  'ResultsTotals',
  'RowError',
  'ShipmentSubject',
  'SubjectRoute',
] as const;

const ERRORS = [
  'ConflictError',
  'ImportRejectedError',
  'ImportTooLargeError',
  'InvalidCredentialsError',
  'NotFoundError',
  'PhaseGateError',
  'PhaseRuleError',
  'TooManyAttemptsError',
  'ValidationError',
] as const;

const noKey = () => null;

type FieldArgs = Record<string, unknown> | null;

/** What an alert's events change (acknowledgements, feedback, comments, versions, files, links, withdrawal). */
const ALERT_FIELDS_CHANGED_BY_EVENTS = new Set([
  'recipients',
  'comments',
  'versions',
  'version',
  'severity',
  'title',
  'description',
  'language',
  'subject',
  'commodities',
  'outcome',
  'amendedAt',
  'amendedBy',
  'withdrawnAt',
  'withdrawnBy',
  'withdrawalReason',
  'linkedSeizures',
  'attachments',
]);

/**
 * Drops what an event may have changed on the alert it names, so its page asks again; the fields
 * the event itself carried are fresh and kept.
 */
function invalidateAlert(cache: Cache, event: Record<string, unknown> | undefined) {
  // A file's event names its alert apart (attachedTo), as it may be a seizure's instead.
  const alert = (event?.alert ?? event?.attachedTo) as Record<string, unknown> | null | undefined;
  if (typeof alert?.id !== 'string') return;
  const entity = { __typename: 'Alert', id: alert.id };
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName in alert) continue;
    if (ALERT_FIELDS_CHANGED_BY_EVENTS.has(field.fieldName)) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

/**
 * Drops what an event may have changed on the seizure report it names (its status came with it),
 * so the report's page asks again: who verified it and when, a rejection's reason, its files.
 */
function invalidateSeizure(cache: Cache, event: Record<string, unknown> | undefined) {
  const seizure = (event?.seizure ?? event?.seizureAttached) as Record<string, unknown> | null | undefined;
  if (typeof seizure?.id !== 'string') return;
  const entity = { __typename: 'Seizure', id: seizure.id };
  for (const field of cache.inspectFields(entity)) {
    if (!(field.fieldName in seizure)) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

function invalidateOperation(
  cache: Cache,
  operationId: string,
  also: (fieldName: string, args: FieldArgs) => boolean = () => false,
  carried: ReadonlySet<string> = new Set(),
  changed: ReadonlySet<string> = PLAN_FIELDS,
) {
  const entity = { __typename: 'Operation', id: operationId };
  for (const field of cache.inspectFields(entity)) {
    if (carried.has(field.fieldName)) continue;
    if (changed.has(field.fieldName) || also(field.fieldName, field.arguments)) {
      cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
    }
  }
}

function invalidateRootField(cache: Cache, fieldName: string) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
  }
}

const operationIdOf = (args: Record<string, unknown>): string | undefined => {
  const input = args.input as { operationId?: string } | undefined;
  return input?.operationId;
};

// A mutation's result updates the entity it returns by itself; these are the lists and derived
// fields (gate, participants) that the result cannot reach, dropped so their screens ask again.
const invalidatesOperation = (result: Record<string, unknown>, args: Record<string, unknown>, cache: Cache) => {
  const operationId = operationIdOf(args);
  const payload = Object.values(result)[0] as Record<string, unknown> | null | undefined;
  const carried = payload?.__typename === 'Operation' ? new Set(Object.keys(payload)) : new Set<string>();
  if (operationId) invalidateOperation(cache, operationId, () => false, carried);
};

// Lists read anew after a resync, when events were lost.
const RESYNC_LISTS = ['alerts', 'awaitingMyAcknowledgement', 'awaitingMyFeedback'];

export function createUrqlClient(): Client {
  const inFlight = refetchInFlight();
  return new Client({
    url: '/graphql',
    // The session is an httpOnly cookie: the browser attaches it, and nothing here ever holds a token.
    fetchOptions: { credentials: 'same-origin' },
    // A JSON POST is never a "simple" request, so another site cannot make the browser send one
    // with the session cookie; urql's default would send queries as GET.
    preferGetMethod: false,
    exchanges: [
      cacheExchange({
        schema: schema as unknown as IntrospectionQuery,
        keys: {
          ...Object.fromEntries([...EMBEDDED, ...ERRORS].map((name) => [name, noKey])),
          // biome-ignore lint/correctness/noComponentHookFactories: a cache key function named after its type, not a component.
          Invitation: (invitation) => (invitation.operationId as string | undefined) ?? null,
        },
        updates: {
          Mutation: {
            createOperation: (_result, _args, cache) => invalidateRootField(cache, 'operations'),
            updateOperation: invalidatesOperation,
            advancePhase: (result, args, cache) => {
              invalidatesOperation(result, args, cache);
              invalidateRootField(cache, 'operations');
            },
            inviteAgency: invalidatesOperation,
            withdrawParticipation: invalidatesOperation,
            assignMember: invalidatesOperation,
            removeMember: invalidatesOperation,
            recordFinalReport: invalidatesOperation,
            respondToInvitation: (_result, _args, cache) => {
              invalidateRootField(cache, 'myInvitations');
              invalidateRootField(cache, 'operations');
            },
            createAgency: (_result, _args, cache) => invalidateRootField(cache, 'agencies'),
            createUser: (_result, _args, cache) => invalidateRootField(cache, 'users'),
          },
          Subscription: {
            // The timeline's newest page takes the new event; older pages never change. The rest
            // goes by the event's type (lib/operation-event-fields.ts). Lists of alerts are kept
            // by the room from the alerts the events carry (modules/room), except after a resync,
            // when events were lost and every list is read again.
            operationEvents: (result, args, cache) => {
              const operationId = args.operationId as string;
              const event = result.operationEvents as Record<string, unknown> | undefined;
              const type = event?.type as string | undefined;
              const resync = type === 'RESYNC_REQUIRED';
              // A report's first page of the list takes a new or changed report (a draft becoming visible).
              const seizures = resync || !!type?.startsWith('SEIZURE_');
              // An event heard live goes on top of the whole timeline's newest pages (modules/timeline/timeline-cache.ts);
              // a replayed one may be older than their newest, so they are read again, as filtered pages are.
              const live = !resync && !!event && !isStreamCatchingUp(operationId);
              const takenLive = (name: string, fieldArgs: FieldArgs) => live && name === 'timeline' && isNewestPageOfAll(fieldArgs);
              const firstPage = (name: string, fieldArgs: FieldArgs) =>
                !takenLive(name, fieldArgs) &&
                (((name === 'timeline' || (seizures && name === 'seizures')) && !fieldArgs?.after) || (resync && name === 'alerts'));
              const changed = operationFieldsChangedBy(type);
              invalidateOperation(cache, operationId, firstPage, new Set(), changed);
              if (live) takeIntoNewestPages(cache, operationId, event as { cursor: string });
              // The operation's fields only: an alert's (its title, its recipients) are in every page
              // of the feed, which a busy room would otherwise read again after each of its events.
              inFlight.changed([...changed, 'timeline', ...(seizures ? ['seizures'] : []), ...(resync ? RESYNC_LISTS : [])]);
              invalidateAlert(cache, event);
              invalidateSeizure(cache, event);
              if (resync) {
                invalidateRootField(cache, 'awaitingMyAcknowledgement');
                invalidateRootField(cache, 'awaitingMyFeedback');
              }
            },
          },
        },
      }),
      inFlight.exchange,
      fetchExchange,
      subscriptionExchange({
        // A stream the server ends by itself (the viewer's role changed) is subscribed again (lib/resubscribing.ts).
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe: (sink) => ({ unsubscribe: resubscribing(subscribeLive, input, sink as Parameters<typeof subscribeLive>[1]) }),
          };
        },
      }),
    ],
  });
}
