import type { Marking } from '@jointops/shared/domain';
import type { TestApp } from './app';
import { errorCode, type Shaped } from './graphql';
import {
  exportable,
  countsInResults,
  invitedTo,
  readsAuditTrail,
  seesAlert,
  seesOperation,
  seesSeizure,
  seesUserNode,
  type World,
  type WorldOperation,
  type WorldUser,
} from './isolation-model';
import type { Verdicts } from './isolation-scan';
import { parseCsv } from './results';

// The read paths over HTTP, each asked as one user and held against the model in both directions:
// nothing the user may not see, everything the user may see (so an empty answer cannot pass).

/** How one user reads: page sizes small enough that listings take several pages. */
export interface ReadPlan {
  pageSize: number;
  includeUnverified: boolean;
  maxMarking: Marking;
}

/** Within the default alias limit (QUERY_MAX_ALIASES, 30). */
const NODES_PER_REQUEST = 25;

type Edge<T> = { cursor: string; node: T };
interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const USER = 'id email';
const EVENT_FIELDS = `cursor type actor { ${USER} }
  ... on ParticipationChangedEvent { participation { id } withdrawalReason: reason }
  ... on MemberAssignedEvent { member { id user { ${USER} } } }
  ... on MemberRemovedEvent { member { id user { ${USER} } } }
  ... on AlertRaisedEvent { alert { id reference title } }
  ... on AlertAcknowledgedEvent { alert { id reference } }
  ... on AlertFeedbackGivenEvent { alert { id reference outcomeNote } agency { id } feedback { note givenBy { ${USER} } } }
  ... on AlertCommentedEvent { alert { id reference comments { body } } }
  ... on AlertReconciledEvent { alert { id reference } seizure { id reference } }
  ... on SeizureReportedEvent { seizure { id reference place } }
  ... on SeizureSubmittedEvent { seizure { id reference } }
  ... on SeizureVerifiedEvent { seizure { id reference } }
  ... on SeizureRejectedEvent { seizure { id reference } rejectionReason: reason }
  ... on LicitShipmentsCheckedEvent { check { id } }
  ... on DatabaseChecksRecordedEvent { check { id } }`;

export interface TimelineEvent {
  cursor: string;
  type: string;
  alert?: { id: string };
  seizure?: { id: string };
  participation?: { id: string };
}

export function httpReads(testApp: TestApp, verdicts: Verdicts, world: World) {
  const ask = async (viewer: WorldUser, query: string, variables: Record<string, unknown>) => {
    verdicts.requests += 1;
    const response = await testApp.graphql(query, variables, { token: viewer.token });
    if (response.errors && errorCode(response) !== 'NOT_FOUND')
      throw new Error(`${query.slice(0, 60)}… failed for ${viewer.label}: ${JSON.stringify(response.errors)}`);
    return response;
  };

  /**
   * Every node of several connections read in one request, page by page; a connection that has
   * ended is left out of the next requests. Each answer is scanned.
   */
  async function paged(
    path: string,
    viewer: WorldUser,
    query: string,
    variables: Record<string, unknown>,
    connections: Record<string, (data: Shaped) => Page<Shaped> | undefined>,
    scanned: (data: Shaped) => unknown = (data) => data,
  ) {
    const names = Object.keys(connections);
    const nodes = Object.fromEntries(names.map((name) => [name, [] as Shaped[]]));
    // Each connection's cursor, and whether to ask for it again (`@include(if: $more_<name>)`).
    const cursors: Record<string, string | boolean | null> = Object.fromEntries(
      names.flatMap((name) => [
        [`after_${name}`, null],
        [`more_${name}`, true],
      ]),
    );
    let first: Shaped = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const response = await ask(viewer, query, { ...variables, ...cursors });
      verdicts.scan(path, viewer, scanned(response.data));
      first ??= response.data;
      for (const name of names.filter((candidate) => cursors[`more_${candidate}`])) {
        const page = connections[name]!(response.data);
        nodes[name]!.push(...(page?.edges.map((edge) => edge.node) ?? []));
        cursors[`after_${name}`] = page?.pageInfo.endCursor ?? null;
        cursors[`more_${name}`] = !!page?.pageInfo.hasNextPage;
      }
      if (!names.some((name) => cursors[`more_${name}`])) return { first, nodes };
    }
    throw new Error(`${path} never ended`);
  }

  const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

  return {
    /** `operations` (paged), `myInvitations`, `programmeResults`. */
    async lists(viewer: WorldUser, plan: ReadPlan): Promise<void> {
      const { first, nodes } = await paged(
        'operations',
        viewer,
        `query($first: Int, $after_operations: String, $more_operations: Boolean!, $all: Boolean) {
          operations(first: $first, after: $after_operations) @include(if: $more_operations) { edges { cursor node { id code name } } pageInfo { hasNextPage endCursor } }
          myInvitations { operationId code }
          programmeResults(programme: PROGRAMME_GLOBAL_SHIELD, includeUnverified: $all) { seizures byCountryAndCommodity { label } } }`,
        { first: plan.pageSize, all: plan.includeUnverified },
        { operations: (data) => data?.operations },
        // An invitation names the operation to the agency asked to join (checked below on its own).
        ({ myInvitations: _invitations, ...rest }) => rest,
      );
      verdicts.expectSet(
        'operations',
        viewer,
        ids(nodes.operations!),
        world.operations,
        (operation) => seesOperation(viewer, operation),
        (operation) => operation.code,
      );
      // The one thing an agency may know of an operation before it accepts.
      const invitations = first.myInvitations as { operationId: string }[];
      verdicts.expectSet(
        'myInvitations',
        viewer,
        invitations.map((invitation) => invitation.operationId),
        world.operations,
        (operation) => invitedTo(viewer, world).includes(operation),
        (operation) => `the invitation to ${operation.code}`,
      );
      const counted = world.operations
        .filter((operation) => seesOperation(viewer, operation))
        .flatMap((operation) => operation.seizures.filter((seizure) => countsInResults(seizure, plan.includeUnverified)));
      verdicts.expectEqual('programmeResults', viewer, 'seizures', first.programmeResults.seizures, counted.length);
    },

    /**
     * `operation(id)`, `operationByCode`, `node(id)` of the operation, its parts listed without
     * paging, and its results (totals, sums that say which reports and alerts were counted, the seizures CSV).
     */
    async operation(viewer: WorldUser, operation: WorldOperation, plan: ReadPlan): Promise<void> {
      const response = await ask(
        viewer,
        `query($id: ID!, $code: String!, $all: Boolean, $max: Marking) {
          byId: operation(id: $id) { id
            participations { id status agency { id } contactPoints { ${USER} } operation { id } }
            members { id user { ${USER} } }
            licitShipmentChecks { id recordedBy { ${USER} } } databaseChecks { id recordedBy { ${USER} } }
            alertsAwaitingFeedback { id reference title } assignableUsers { ${USER} } }
          byCode: operationByCode(code: $code) { id }
          asNode: node(id: $id) { id }
          operationResults(operationId: $id, includeUnverified: $all) {
            totals { seizures alertsRaised } byCountryAndCommodity { quantity unit label } alertOutcomes { outcome count }
            csv(table: seizures, maxMarking: $max, header: KEYS) }
        }`,
        { id: operation.globalId, code: operation.code, all: plan.includeUnverified, max: plan.maxMarking },
      );
      verdicts.scan('operation(id)', viewer, response.data);
      const sees = seesOperation(viewer, operation);
      for (const path of ['byId', 'byCode', 'asNode'] as const) {
        verdicts.expect(`operation ${path}`, viewer, operation.code, response.data?.[path]?.id === operation.globalId, sees);
      }
      const found = response.data?.byId;
      const parts = [...operation.participations.values()];
      verdicts.expectSet(
        'Operation.participations',
        viewer,
        ids(found?.participations ?? []),
        parts,
        () => sees,
        (p) => `participation ${p.status}`,
      );
      verdicts.expectSet(
        'Operation.members',
        viewer,
        ids(found?.members ?? []),
        [...operation.members.values()],
        (member) => sees && member.current,
        (member) => `membership ${member.role}`,
      );
      const checks = [...operation.checks.values()];
      verdicts.expectSet(
        'Operation.checks',
        viewer,
        [...ids(found?.licitShipmentChecks ?? []), ...ids(found?.databaseChecks ?? [])],
        checks,
        () => sees,
        (check) => check.kind,
      );
      this.results(viewer, operation, plan, response.data?.operationResults);
    },

    results(viewer: WorldUser, operation: WorldOperation, plan: ReadPlan, results: Shaped): void {
      const sees = seesOperation(viewer, operation);
      verdicts.expect('operationResults', viewer, `the results of ${operation.code}`, !!results, sees);
      if (!results || !sees) return;
      const counted = operation.seizures.filter((seizure) => countsInResults(seizure, plan.includeUnverified));
      const raised = operation.alerts.filter((alert) => alert.category !== 'TEST' && seesAlert(viewer, operation, alert));
      verdicts.expectEqual('operationResults', viewer, 'totals.seizures', results.totals.seizures, counted.length);
      verdicts.expectEqual('operationResults', viewer, 'totals.alertsRaised', results.totals.alertsRaised, raised.length);
      const kg = (results.byCountryAndCommodity as { quantity: number; unit: string }[])
        .filter((row) => row.unit === 'KG')
        .reduce((sum, row) => sum + row.quantity, 0);
      verdicts.expectEqual(
        'operationResults',
        viewer,
        'kilograms (which reports were counted)',
        kg,
        counted.reduce((sum, seizure) => sum + seizure.quantityKg, 0),
      );

      const [header, ...rows] = parseCsv(results.csv as string);
      const column = (name: string) => header!.indexOf(name);
      const listed = rows
        .filter((row) => row.length > 1)
        .map((row) => ({ reference: row[column('reference')]!, alerts: row[column('linked_alert_references')]! }));
      verdicts.expectSet(
        'results CSV: seizures',
        viewer,
        listed.map((row) => operation.seizures.find((s) => s.reference === row.reference)?.globalId ?? row.reference),
        operation.seizures,
        (seizure) => counted.includes(seizure),
        (seizure) => seizure.reference,
      );
      const exported = listed.flatMap((row) => row.alerts.match(/[A-Z0-9-]+\/A-\d+/g) ?? []);
      const inExport = (alertId: string) => {
        const alert = operation.alerts.find((candidate) => candidate.id === alertId)!;
        return seesAlert(viewer, operation, alert) && exportable(alert.marking, plan.maxMarking) ? [alert] : [];
      };
      const expected = new Set(counted.flatMap((seizure) => seizure.linkedAlertIds.flatMap(inExport)));
      verdicts.expectSet(
        'results CSV: linked alerts',
        viewer,
        exported.map((reference) => operation.alerts.find((a) => a.reference === reference)?.globalId ?? reference),
        operation.alerts,
        (alert) => expected.has(alert),
        (alert) => `${alert.reference} (${alert.marking})`,
      );
    },

    /** `Operation.alerts` and `Operation.seizures`, page by page, each with what it links to. */
    async alertsAndSeizures(viewer: WorldUser, operation: WorldOperation, plan: ReadPlan): Promise<void> {
      const { nodes } = await paged(
        'Operation.alerts and seizures',
        viewer,
        `query($id: ID!, $first: Int, $after_alerts: String, $after_seizures: String, $more_alerts: Boolean!, $more_seizures: Boolean!) { operation(id: $id) {
          alerts(first: $first, after: $after_alerts) @include(if: $more_alerts) { edges { cursor node {
            id reference title description outcomeNote raisedBy { ${USER} } recipients { agency { id } acknowledgedBy { ${USER} }
              feedback { note givenBy { ${USER} } } feedbackHistory { note } }
            comments { body author { ${USER} } } linkedSeizures { id reference place status } } } pageInfo { hasNextPage endCursor } }
          seizures(first: $first, after: $after_seizures) @include(if: $more_seizures) { edges { cursor node {
            id reference place commodityDescription rejectionReason status reportedBy { ${USER} } linkedAlerts { id reference title } } }
            pageInfo { hasNextPage endCursor } } } }`,
        { id: operation.globalId, first: plan.pageSize },
        { alerts: (data) => data?.operation?.alerts, seizures: (data) => data?.operation?.seizures },
      );
      const alerts = nodes.alerts as { id: string; linkedSeizures: { id: string }[] }[];
      verdicts.expectSet(
        'Operation.alerts',
        viewer,
        ids(alerts),
        operation.alerts,
        (alert) => seesAlert(viewer, operation, alert),
        (alert) => alert.reference,
      );
      for (const shown of alerts) {
        const alert = operation.alerts.find((candidate) => candidate.globalId === shown.id);
        const linking = operation.seizures.filter((seizure) => alert && seizure.linkedAlertIds.includes(alert.id));
        verdicts.expectSet(
          'Alert.linkedSeizures',
          viewer,
          ids(shown.linkedSeizures),
          linking,
          (seizure) => seesSeizure(viewer, operation, seizure),
          (seizure) => seizure.reference,
        );
      }
      const seizures = nodes.seizures as { id: string; linkedAlerts: { id: string }[] }[];
      verdicts.expectSet(
        'Operation.seizures',
        viewer,
        ids(seizures),
        operation.seizures,
        (seizure) => seesSeizure(viewer, operation, seizure),
        (seizure) => seizure.reference,
      );
      for (const shown of seizures) {
        const seizure = operation.seizures.find((candidate) => candidate.globalId === shown.id);
        const linked = operation.alerts.filter((alert) => seizure?.linkedAlertIds.includes(alert.id));
        verdicts.expectSet(
          'Seizure.linkedAlerts',
          viewer,
          ids(shown.linkedAlerts),
          linked,
          (alert) => seesAlert(viewer, operation, alert),
          (alert) => alert.reference,
        );
      }
    },

    /**
     * The timeline and the audit trail, page by page. The timeline: nothing beyond the viewer, and
     * every alert, report and invitation it may see has its event. The audit trail: for coordinators
     * and reviewers, the attempts about what they may see, every alert and report among them.
     */
    async history(viewer: WorldUser, operation: WorldOperation, plan: ReadPlan): Promise<TimelineEvent[]> {
      const { nodes } = await paged(
        'timeline and auditTrail',
        viewer,
        `query($id: ID!, $first: Int, $after_timeline: String, $after_audit: String, $more_timeline: Boolean!, $more_audit: Boolean!) { operation(id: $id) {
          timeline(first: $first, after: $after_timeline) @include(if: $more_timeline) { edges { cursor node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } }
          auditTrail(first: $first, after: $after_audit) @include(if: $more_audit) { edges { cursor node {
            action targetType targetId outcome reason details actor { ${USER} } } } pageInfo { hasNextPage endCursor } } } }`,
        { id: operation.globalId, first: plan.pageSize * 5 },
        { timeline: (data) => data?.operation?.timeline, audit: (data) => data?.operation?.auditTrail },
      );
      const events = nodes.timeline as TimelineEvent[];
      const sees = seesOperation(viewer, operation);
      verdicts.expectSet(
        'timeline: alert raised',
        viewer,
        events.filter((e) => e.type === 'ALERT_RAISED').map((e) => e.alert!.id),
        operation.alerts,
        (alert) => seesAlert(viewer, operation, alert),
        (alert) => alert.reference,
      );
      verdicts.expectSet(
        'timeline: seizures',
        viewer,
        new Set(events.flatMap((e) => (e.seizure && e.type !== 'ALERT_RECONCILED' ? [e.seizure.id] : []))),
        operation.seizures,
        (seizure) => seesSeizure(viewer, operation, seizure),
        (seizure) => seizure.reference,
      );
      // The coordinating agency's own participation comes with the operation, without an event of its own.
      const planner = world.users.find((user) => user.id === operation.plannerId)!;
      const invited = [...operation.participations.values()].filter((p) => p.agencyId !== planner.agency.id);
      verdicts.expectSet(
        'timeline: participations',
        viewer,
        new Set(events.flatMap((e) => (e.participation ? [e.participation.id] : []))),
        invited,
        () => sees,
        (p) => `participation ${p.status}`,
      );

      const entries = nodes.audit as { action: string; targetId: string | null }[];
      const reads = readsAuditTrail(viewer, operation);
      const targets = (action: string) => entries.filter((entry) => entry.action === action).map((entry) => entry.targetId ?? '');
      const raised = targets('raiseAlert');
      for (const alert of operation.alerts)
        verdicts.expect(
          'auditTrail: raiseAlert',
          viewer,
          alert.reference,
          raised.includes(alert.id),
          reads && seesAlert(viewer, operation, alert),
        );
      const reported = targets('reportSeizure');
      for (const seizure of operation.seizures)
        verdicts.expect(
          'auditTrail: reportSeizure',
          viewer,
          seizure.reference,
          reported.includes(seizure.id),
          reads && seesSeizure(viewer, operation, seizure),
        );
      return events;
    },

    /** `node(id)` of every entity of the world, several to a request as aliases. */
    async nodes(viewer: WorldUser): Promise<void> {
      const probes: { globalId: string; what: string; allowed: boolean }[] = [];
      for (const user of world.users)
        probes.push({ globalId: user.globalId, what: `user ${user.label}`, allowed: seesUserNode(viewer, user, world) });
      for (const operation of world.operations) {
        const sees = seesOperation(viewer, operation);
        for (const p of operation.participations.values())
          probes.push({ globalId: p.globalId, what: `participation of ${operation.code}`, allowed: sees });
        for (const m of operation.members.values())
          probes.push({ globalId: m.globalId, what: `membership in ${operation.code}`, allowed: sees });
        for (const c of operation.checks.values())
          probes.push({ globalId: c.globalId, what: `${c.kind} of ${operation.code}`, allowed: sees });
        for (const a of operation.alerts)
          probes.push({ globalId: a.globalId, what: `alert ${a.reference} (${a.distribution})`, allowed: seesAlert(viewer, operation, a) });
        for (const s of operation.seizures)
          probes.push({ globalId: s.globalId, what: `seizure ${s.reference} (${s.status})`, allowed: seesSeizure(viewer, operation, s) });
      }
      for (let start = 0; start < probes.length; start += NODES_PER_REQUEST) {
        const batch = probes.slice(start, start + NODES_PER_REQUEST);
        const query = `query(${batch.map((_, i) => `$i${i}: ID!`).join(', ')}) { ${batch.map((_, i) => `n${i}: node(id: $i${i}) { id }`).join(' ')} }`;
        const response = await ask(viewer, query, Object.fromEntries(batch.map((probe, i) => [`i${i}`, probe.globalId])));
        for (const [i, probe] of batch.entries()) {
          verdicts.expect('node(id)', viewer, probe.what, response.data?.[`n${i}`]?.id === probe.globalId, probe.allowed);
        }
      }
    },
  };
}
