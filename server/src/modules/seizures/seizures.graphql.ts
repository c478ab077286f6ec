import { DETECTION_METHODS, LOCATION_TYPES, SEIZURE_STATUSES, TRANSPORT_MODES } from '@jointops/shared/domain';
import { INTERPOL_NOTICE_TYPES, type InterpolNoticeType } from '@jointops/shared/seizures';
import { GraphQLError } from 'graphql';
import { ERROR_CODES } from '@jointops/shared/errors';
import { builder } from '../../graphql/builder';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { connectionPage, numericCursor, pageSize } from '../../graphql/pagination';
import { UserType } from '../accounts/accounts.graphql';
import { AgencyType } from '../agencies/agencies.graphql';
import { AlertType } from '../alerts/alerts.graphql';
import { CommodityType } from '../catalogue/catalogue.graphql';
import { QuantityUnitEnum } from '../../graphql/enums';
import { OperationType } from '../operations/operations.graphql';
import { alertsAwaitingFeedback } from './reconciliation.service';
import { countVisibleSeizures, findVisibleSeizure, visibleLinkedAlerts, visibleLinkedSeizures, visibleSeizuresPage } from './seizures.repo';
import { signedIn } from '../../graphql/signed-in';
import { uuidFromGlobalId } from '../../global-id';

export const SeizureStatusEnum = builder.enumType('SeizureStatus', { values: SEIZURE_STATUSES });
export const LocationTypeEnum = builder.enumType('LocationType', { values: LOCATION_TYPES });
export const DetectionMethodEnum = builder.enumType('DetectionMethod', { values: DETECTION_METHODS });
export const TransportModeEnum = builder.enumType('TransportMode', { values: TRANSPORT_MODES });
export const InterpolNoticeTypeEnum = builder.enumType('InterpolNoticeType', {
  description: 'The colour of an INTERPOL notice, UN_SPECIAL for an INTERPOL-UN Security Council Special Notice, or DIFFUSION.',
  values: INTERPOL_NOTICE_TYPES,
});

const InterpolNoticeRef = builder.objectRef<{ type: InterpolNoticeType; reference: string }>('InterpolNotice').implement({
  description: 'A notice or diffusion issued in the follow-up of a seizure.',
  fields: (t) => ({
    type: t.field({ type: InterpolNoticeTypeEnum, resolve: (notice) => notice.type }),
    reference: t.exposeString('reference', { description: 'As INTERPOL gives it, e.g. `2026/12345`.' }),
  }),
});

const NationalityCountRef = builder.objectRef<{ nationality: string; count: number }>('NationalityCount').implement({
  description: 'Persons of one nationality: a count, never a name.',
  fields: (t) => ({
    nationality: t.exposeString('nationality', { description: 'ISO 3166-1 alpha-2 code.' }),
    count: t.exposeInt('count'),
  }),
});

// Reached only through paths that already applied need-to-know: the operation's seizures, node,
// an alert's linked seizures, the events the viewer's agency is in the audience of, and the
// results of the caller's own actions.
export const SeizureType = builder.drizzleNode('seizures', {
  name: 'Seizure',
  id: { column: (seizure) => seizure.id },
  fields: (t) => ({
    reference: t.exposeString('reference', { description: '`<operation code>/S-0001`, numbered per operation without gaps.' }),
    status: t.expose('status', { type: SeizureStatusEnum }),
    reportingAgency: t.relation('reportingAgency', { type: AgencyType }),
    reportedBy: t.relation('reportedByUser', { type: UserType }),
    reportedAt: t.expose('reportedAt', { type: 'DateTime' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    seizedAt: t.expose('seizedAt', { type: 'DateTime' }),
    countryCode: t.exposeString('countryCode'),
    place: t.exposeString('place'),
    locationType: t.expose('locationType', { type: LocationTypeEnum }),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    commodity: t.relation('commodity', {
      type: CommodityType,
      nullable: true,
      description: 'Null for an other commodity, which `commodityDescription` names.',
    }),
    commodityDescription: t.exposeString('commodityDescription', { nullable: true }),
    quantity: t.exposeFloat('quantity'),
    unit: t.expose('unit', { type: QuantityUnitEnum }),
    bonus: t.exposeBoolean('bonus', {
      description: "The commodity was not among the operation's target commodities when the report was filed or last corrected.",
    }),
    detectionMethod: t.expose('detectionMethod', { type: DetectionMethodEnum }),
    concealment: t.exposeString('concealment', { nullable: true }),
    transportMode: t.expose('transportMode', { type: TransportModeEnum }),
    conveyance: t.exposeString('conveyance', { nullable: true }),
    originCountryCode: t.exposeString('originCountryCode', { nullable: true }),
    transitCountryCodes: t.exposeStringList('transitCountryCodes'),
    destinationCountryCode: t.exposeString('destinationCountryCode', { nullable: true }),
    arrests: t.exposeInt('arrests', { description: 'The total; with arrestsByNationality, their sum.' }),
    arrestsByNationality: t.field({
      type: [NationalityCountRef],
      description: 'Persons arrested, counted by nationality; empty when the report gives the total alone.',
      select: { columns: { arrestsByNationality: true } },
      resolve: (seizure) => seizure.arrestsByNationality,
    }),
    interpolNotifiedAt: t.expose('interpolNotifiedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the INTERPOL National Central Bureau was notified; null without an INTERPOL follow-up.',
    }),
    interpolNcb: t.relation('interpolNcb', { type: AgencyType, nullable: true, description: 'The NCB notified, when named.' }),
    interpolNotices: t.field({
      type: [InterpolNoticeRef],
      description: 'Notices and diffusions issued in the follow-up.',
      select: { columns: { interpolNotices: true } },
      resolve: (seizure) => seizure.interpolNotices,
    }),
    linkedAlerts: t.field({
      type: [AlertType],
      description: 'The linked alerts the viewer may see: a RESTRICTED one only for its audience.',
      select: { columns: { id: true } },
      resolve: (seizure, _args, ctx) => visibleLinkedAlerts(ctx.db, signedIn(ctx).viewer, seizure.id),
    }),
    verifiedBy: t.relation('verifiedByUser', { type: UserType, nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    rejectedBy: t.relation('rejectedByUser', { type: UserType, nullable: true }),
    rejectedAt: t.expose('rejectedAt', { type: 'DateTime', nullable: true }),
    rejectionReason: t.exposeString('rejectionReason', { nullable: true }),
  }),
});

registerNodeLoader('Seizure', (ctx, id) => (ctx.viewer ? findVisibleSeizure(ctx.db, ctx.viewer, id) : Promise.resolve(null)));

const seizureCursor = numericCursor('seizure');

builder.objectField(OperationType, 'seizures', (t) =>
  t.connection(
    {
      type: SeizureType,
      description: "The seizure reports the viewer may see (others' drafts are not), newest first.",
      args: {
        status: t.arg({ type: SeizureStatusEnum }),
        countryCode: t.arg.string({ description: 'Only reports of seizures made in this country (ISO 3166-1 alpha-2).' }),
        commodityId: t.arg.id({ description: 'Only reports of this catalogue commodity.' }),
        reportingAgencyId: t.arg.id({ description: 'Only reports of this agency.' }),
        detectionMethod: t.arg({ type: DetectionMethodEnum }),
      },
      resolve: async (operation, args, ctx) => {
        const before = args.after ? seizureCursor.decode(args.after) : null;
        if (before === null && args.after)
          throw new GraphQLError('Not a seizures cursor.', { extensions: { code: ERROR_CODES.VALIDATION } });
        const first = pageSize(args.first);
        const commodityId = args.commodityId ? uuidFromGlobalId(String(args.commodityId), 'Commodity') : undefined;
        const agencyId = args.reportingAgencyId ? uuidFromGlobalId(String(args.reportingAgencyId), 'Agency') : undefined;
        // A filter naming nothing that exists matches nothing, rather than being ignored.
        if (commodityId === null || agencyId === null)
          return { ...connectionPage([], first, () => '', args.after), totalCount: () => Promise.resolve(0) };
        const viewer = signedIn(ctx).viewer;
        const filter = {
          status: args.status ?? null,
          countryCode: args.countryCode?.toUpperCase() ?? null,
          commodityId: commodityId ?? null,
          agencyId: agencyId ?? null,
          detectionMethod: args.detectionMethod ?? null,
        };
        const rows = await visibleSeizuresPage(ctx.db, viewer, operation.id, { ...filter, before }, first + 1);
        // Counted only when asked for: a list that pages does not pay for a count it does not show.
        const totalCount = () => countVisibleSeizures(ctx.db, viewer, operation.id, filter);
        return { ...connectionPage(rows, first, (seizure) => seizureCursor.encode(seizure.number), args.after), totalCount };
      },
    },
    {
      name: 'SeizureConnection',
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many reports match the filters (the viewer may see them all), on every page alike.',
          resolve: (connection) => (connection as unknown as { totalCount(): Promise<number> }).totalCount(),
        }),
      }),
    },
    { name: 'SeizureEdge' },
  ),
);

builder.objectField(OperationType, 'alertsAwaitingFeedback', (t) =>
  t.field({
    type: [AlertType],
    description: 'Once past the operational phase: the alerts the viewer may see that still have no outcome (TEST alerts aside).',
    resolve: (operation, _args, ctx) => alertsAwaitingFeedback(ctx.db, signedIn(ctx).viewer, operation),
  }),
);

builder.objectField(AlertType, 'linkedSeizures', (t) =>
  t.field({
    type: [SeizureType],
    description: 'The seizure reports that answer this alert, as far as the viewer may see them.',
    resolve: (alert, _args, ctx) => visibleLinkedSeizures(ctx.db, signedIn(ctx).viewer, alert.id),
  }),
);
