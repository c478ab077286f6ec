import { defineRelations } from 'drizzle-orm';
import * as accounts from './schema/accounts';
import * as alertVersions from './schema/alert-versions';
import * as alerts from './schema/alerts';
import * as attachments from './schema/attachments';
import * as audit from './schema/audit';
import * as catalogue from './schema/catalogue';
import * as checks from './schema/checks';
import * as operations from './schema/operations';
import * as seizures from './schema/seizures';

export const tables = {
  ...accounts,
  ...catalogue,
  ...audit,
  ...operations,
  ...alerts,
  ...alertVersions,
  ...seizures,
  ...checks,
  ...attachments,
};

export const relations = defineRelations(tables, (r) => ({
  agencies: { users: r.many.users() },
  users: {
    agency: r.one.agencies({ from: r.users.agencyId, to: r.agencies.id, optional: false }),
    sessions: r.many.sessions(),
  },
  sessions: { user: r.one.users({ from: r.sessions.userId, to: r.users.id, optional: false }) },
  operations: {
    participations: r.many.participations(),
    alerts: r.many.alerts({ from: r.operations.id, to: r.alerts.operationId }),
    members: r.many.operationMembers(),
    phases: r.many.operationPhases(),
    targetCommodities: r.many.commodities({
      from: r.operations.id.through(r.operationTargets.operationId),
      to: r.commodities.id.through(r.operationTargets.commodityId),
    }),
  },
  participations: {
    operation: r.one.operations({ from: r.participations.operationId, to: r.operations.id, optional: false }),
    agency: r.one.agencies({ from: r.participations.agencyId, to: r.agencies.id, optional: false }),
    members: r.many.operationMembers({
      from: [r.participations.operationId, r.participations.agencyId],
      to: [r.operationMembers.operationId, r.operationMembers.agencyId],
    }),
  },
  operationMembers: {
    operation: r.one.operations({ from: r.operationMembers.operationId, to: r.operations.id, optional: false }),
    user: r.one.users({ from: r.operationMembers.userId, to: r.users.id, optional: false }),
    agency: r.one.agencies({ from: r.operationMembers.agencyId, to: r.agencies.id, optional: false }),
  },
  operationPhases: {
    operation: r.one.operations({ from: r.operationPhases.operationId, to: r.operations.id, optional: false }),
  },
  alerts: {
    raisedByUser: r.one.users({ from: r.alerts.raisedBy, to: r.users.id, optional: false }),
    raisedByAgency: r.one.agencies({ from: r.alerts.raisedByAgencyId, to: r.agencies.id, optional: false }),
    recipients: r.many.alertRecipients(),
    comments: r.many.alertComments(),
    versions: r.many.alertVersions(),
    amendedByUser: r.one.users({ from: r.alerts.amendedBy, to: r.users.id }),
    withdrawnByUser: r.one.users({ from: r.alerts.withdrawnBy, to: r.users.id }),
    commodities: r.many.commodities({
      from: r.alerts.id.through(r.alertCommodities.alertId),
      to: r.commodities.id.through(r.alertCommodities.commodityId),
    }),
  },
  alertRecipients: {
    alert: r.one.alerts({ from: r.alertRecipients.alertId, to: r.alerts.id, optional: false }),
    agency: r.one.agencies({ from: r.alertRecipients.agencyId, to: r.agencies.id, optional: false }),
    acknowledgedByUser: r.one.users({ from: r.alertRecipients.acknowledgedBy, to: r.users.id }),
    feedbacks: r.many.alertFeedback({
      from: [r.alertRecipients.alertId, r.alertRecipients.agencyId],
      to: [r.alertFeedback.alertId, r.alertFeedback.agencyId],
    }),
  },
  alertFeedback: {
    agency: r.one.agencies({ from: r.alertFeedback.agencyId, to: r.agencies.id, optional: false }),
    givenByUser: r.one.users({ from: r.alertFeedback.givenBy, to: r.users.id, optional: false }),
  },
  alertVersions: {
    alert: r.one.alerts({ from: r.alertVersions.alertId, to: r.alerts.id, optional: false }),
    madeByUser: r.one.users({ from: r.alertVersions.madeBy, to: r.users.id, optional: false }),
  },
  alertComments: {
    alert: r.one.alerts({ from: r.alertComments.alertId, to: r.alerts.id, optional: false }),
    author: r.one.users({ from: r.alertComments.authorId, to: r.users.id, optional: false }),
  },
  seizures: {
    operation: r.one.operations({ from: r.seizures.operationId, to: r.operations.id, optional: false }),
    reportingAgency: r.one.agencies({ from: r.seizures.reportingAgencyId, to: r.agencies.id, optional: false }),
    reportedByUser: r.one.users({ from: r.seizures.reportedBy, to: r.users.id, optional: false }),
    commodity: r.one.commodities({ from: r.seizures.commodityId, to: r.commodities.id }),
    verifiedByUser: r.one.users({ from: r.seizures.verifiedBy, to: r.users.id }),
    rejectedByUser: r.one.users({ from: r.seizures.rejectedBy, to: r.users.id }),
    interpolNcb: r.one.agencies({ from: r.seizures.interpolNcbAgencyId, to: r.agencies.id }),
  },
  attachments: {
    uploadedByUser: r.one.users({ from: r.attachments.uploadedBy, to: r.users.id, optional: false }),
  },
  licitShipmentChecks: {
    agency: r.one.agencies({ from: r.licitShipmentChecks.agencyId, to: r.agencies.id, optional: false }),
    commodity: r.one.commodities({ from: r.licitShipmentChecks.commodityId, to: r.commodities.id, optional: false }),
    recordedByUser: r.one.users({ from: r.licitShipmentChecks.recordedBy, to: r.users.id, optional: false }),
  },
  databaseChecks: {
    agency: r.one.agencies({ from: r.databaseChecks.agencyId, to: r.agencies.id, optional: false }),
    recordedByUser: r.one.users({ from: r.databaseChecks.recordedBy, to: r.users.id, optional: false }),
  },
}));
