import type { StoredCriterionKey } from '@jointops/shared/operations';
import type { AlertOutcome, MemberRole, ParticipationRole, Phase, QuantityUnit, SeizureStatus } from '@jointops/shared/domain';
import type { operationEvents } from '../db/schema/operations';

// Every event an operation's log holds, with the facts it carries. The log is append-only and kept
// for the retention period, so a shape here is a promise about rows already written: add fields
// as optional, never rename one.

/** A check's figures on each side of a recording: the record itself shows today's. */
export type FiguresRecorded<F> = {
  checkId: string;
  /** It replaced a figure recorded earlier for the same day. */
  correction: boolean;
  before: F | null;
  after: F;
};

export type ShipmentFigures = {
  shipments: number;
  quantity: number | null;
  unit: QuantityUnit | null;
};

export type DatabaseFigures = {
  checks: number;
  hits: number;
};

/** The facts of each event type. */
export interface EventData {
  OPERATION_CREATED: { code: string; name: string };
  OPERATION_UPDATED: { changed: string[] };
  AGENCY_INVITED: { participationId: string; agencyId: string; role: ParticipationRole };
  INVITATION_ACCEPTED: { participationId: string; agencyId: string };
  INVITATION_DECLINED: { participationId: string; agencyId: string };
  PARTICIPATION_WITHDRAWN: { participationId: string; agencyId: string; reason?: string };
  MEMBER_ASSIGNED: { memberId: string; userId: string; agencyId: string; role: MemberRole };
  MEMBER_REMOVED: { memberId: string; userId: string; agencyId: string; role: MemberRole };
  PHASE_ADVANCED: {
    from: Phase;
    to: Phase;
    overridden: boolean;
    /** The gate's criteria left unmet (with whatever facts the gate gave for each). */
    overriddenCriteria?: { key: StoredCriterionKey; description: string }[];
    justification?: string | null;
  };
  FINAL_REPORT_RECORDED: { length: number };
  OPERATION_COMMODITY_ADDED: { commodityId: string; code: string };
  ALERT_RAISED: { alertId: string };
  ALERT_ACKNOWLEDGED: { alertId: string; agencyId: string };
  ALERT_OVERDUE: {
    alertId: string;
    agencyId: string;
    /**
     * 1: the recipient's deadline passed; 2: twice it (the operation's factor) passed too, and the
     * coordinators are told. Absent on events written before the second level: 1.
     */
    level?: 1 | 2;
    /** When the deadline of this level passed (ISO 8601). Absent on older events: the recipient's deadline. */
    dueAt?: string;
    /** When the escalator noticed it and recorded this event (ISO 8601). Absent on older events: occurredAt. */
    detectedAt?: string;
  };
  ALERT_FEEDBACK_GIVEN: {
    alertId: string;
    outcome: AlertOutcome;
    /** The recipient agency whose feedback it is, the row, and whether it superseded an earlier one (absent before per-agency feedback). */
    agencyId?: string;
    feedbackId?: string;
    amended?: boolean;
  };
  ALERT_COMMENTED: { alertId: string; commentId: string };
  ALERT_RECONCILED: { alertId: string; seizureId: string; outcome: 'SEIZED' };
  /** `version` is the new one; a severity rise asked every recipient to acknowledge again. */
  ALERT_AMENDED: { alertId: string; version: number; changed: string[]; severityRaised: boolean };
  ALERT_WITHDRAWN: { alertId: string };
  SEIZURE_REPORTED: { seizureId: string; status: SeizureStatus };
  SEIZURE_SUBMITTED: { seizureId: string };
  SEIZURE_CORRECTED: { seizureId: string; resubmitted: boolean };
  SEIZURE_VERIFIED: { seizureId: string };
  SEIZURE_REJECTED: { seizureId: string; reason: string };
  LICIT_SHIPMENTS_CHECKED: FiguresRecorded<ShipmentFigures>;
  DATABASE_CHECKS_RECORDED: FiguresRecorded<DatabaseFigures>;
  /** A file added to an alert or to a seizure report: exactly one of the two is named. */
  ATTACHMENT_ADDED: { attachmentId: string; alertId?: string; seizureId?: string };
  RESYNC_REQUIRED: { reason: string };
}

export type EventType = keyof EventData;

/** The catalogue as a discriminated union: `{ type: 'PHASE_ADVANCED'; data: { from, to, … } } | …`. */
export type JournalEvent<T extends EventType = EventType> = { [K in T]: { type: K; data: EventData[K] } }[T];

/**
 * Who an event is for:
 * - `members`: every member of the operation (stored without an audience);
 * - `need-to-know`: the agencies the alert or seizure it names is for, given when it is recorded
 *   (null when that is everyone);
 * - `subscriber`: never stored; the stream tells one subscriber.
 */
export type EventAudience = 'members' | 'need-to-know' | 'subscriber';

/** Every event type and its audience: the runtime list the GraphQL schema is checked against. */
export const EVENT_CATALOGUE = {
  OPERATION_CREATED: 'members',
  OPERATION_UPDATED: 'members',
  AGENCY_INVITED: 'members',
  INVITATION_ACCEPTED: 'members',
  INVITATION_DECLINED: 'members',
  PARTICIPATION_WITHDRAWN: 'members',
  MEMBER_ASSIGNED: 'members',
  MEMBER_REMOVED: 'members',
  PHASE_ADVANCED: 'members',
  FINAL_REPORT_RECORDED: 'members',
  OPERATION_COMMODITY_ADDED: 'members',
  ALERT_RAISED: 'need-to-know',
  ALERT_ACKNOWLEDGED: 'need-to-know',
  ALERT_OVERDUE: 'need-to-know',
  ALERT_FEEDBACK_GIVEN: 'need-to-know',
  ALERT_COMMENTED: 'need-to-know',
  ALERT_RECONCILED: 'need-to-know',
  ALERT_AMENDED: 'need-to-know',
  ALERT_WITHDRAWN: 'need-to-know',
  // A draft is its agency's alone; once submitted, every member sees the report.
  SEIZURE_REPORTED: 'need-to-know',
  SEIZURE_SUBMITTED: 'need-to-know',
  SEIZURE_CORRECTED: 'need-to-know',
  // Only a submitted report is reviewed, and a submitted report is every member's.
  SEIZURE_VERIFIED: 'members',
  SEIZURE_REJECTED: 'members',
  LICIT_SHIPMENTS_CHECKED: 'members',
  DATABASE_CHECKS_RECORDED: 'members',
  // A file has its parent's audience: the alert's, or the seizure report's (its agency while a draft).
  ATTACHMENT_ADDED: 'need-to-know',
  RESYNC_REQUIRED: 'subscriber',
} as const satisfies Record<EventType, EventAudience>;

type TypesFor<A extends EventAudience> = { [T in EventType]: (typeof EVENT_CATALOGUE)[T] extends A ? T : never }[EventType];

/** Events every member sees: recorded without an audience. */
export type MembersEventType = TypesFor<'members'>;
/** Events narrowed to an alert's or a seizure's audience: recorded with it. */
export type NeedToKnowEventType = TypesFor<'need-to-know'>;
/** What a service may write to the log. */
export type RecordedEventType = Exclude<EventType, TypesFor<'subscriber'>>;

type EventRowColumns = Omit<typeof operationEvents.$inferSelect, 'type' | 'data'>;

/** One event of the log, its facts typed by its type: checking `type` narrows `data`. */
export type StoredEvent<T extends EventType = EventType> = Extract<EventRowColumns & JournalEvent, { type: T }>;

/** Whether an event is of one of these types (narrowing its data for the caller). */
export const isEventOf = <T extends EventType>(event: StoredEvent, types: readonly T[]): event is StoredEvent<T> =>
  (types as readonly EventType[]).includes(event.type);
