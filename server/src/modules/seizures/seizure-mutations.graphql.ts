import { ConflictError, NotFoundError, PhaseRuleError, ValidationError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import type { ServiceContext } from '../../service-context';
import { QuantityUnitEnum } from '../../graphql/enums';
import type { SeizureRow } from './seizures.repo';
import { correctSeizure, reportSeizure, submitSeizure } from './seizures.service';
import { rejectSeizure, verifySeizure } from './seizure-review.service';
import { DetectionMethodEnum, InterpolNoticeTypeEnum, LocationTypeEnum, SeizureType, TransportModeEnum } from './seizures.graphql';

type InputFields = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

const NationalityCountInput = builder.inputType('NationalityCountInput', {
  fields: (t) => ({
    nationality: t.string({ required: true, description: 'ISO 3166-1 alpha-2 code.' }),
    count: t.int({ required: true, description: 'At least 1.' }),
  }),
});
const InterpolNoticeInput = builder.inputType('InterpolNoticeInput', {
  fields: (t) => ({
    type: t.field({ type: InterpolNoticeTypeEnum, required: true }),
    reference: t.string({ required: true, description: 'Letters, digits, spaces and / - . _ (60 characters).' }),
  }),
});

/** What a report says: the same fields when it is reported and when it is corrected. */
const contentFields = (t: InputFields) => ({
  seizedAt: t.field({ type: 'DateTime', required: true }),
  countryCode: t.string({ required: true, description: 'ISO 3166-1 alpha-2 code of the country where it was seized.' }),
  place: t.string({ required: true }),
  locationType: t.field({ type: LocationTypeEnum, required: true }),
  latitude: t.float({ description: 'With longitude, or neither.' }),
  longitude: t.float(),
  commodityId: t.id({ description: 'A catalogue item of the operation; its unit must be of the dimension of the item’s default unit.' }),
  commodityDescription: t.string({ description: 'Required without a catalogue commodity.' }),
  quantity: t.float({ required: true }),
  unit: t.field({ type: QuantityUnitEnum, required: true }),
  detectionMethod: t.field({ type: DetectionMethodEnum, required: true }),
  concealment: t.string(),
  transportMode: t.field({ type: TransportModeEnum, required: true }),
  conveyance: t.string({ description: 'Vessel, flight, vehicle or parcel details.' }),
  originCountryCode: t.string(),
  destinationCountryCode: t.string(),
  transitCountryCodes: t.stringList(),
  arrests: t.int({ description: 'The total. With arrestsByNationality it may be left out (their sum), or must equal their sum.' }),
  arrestsByNationality: t.field({ type: [NationalityCountInput], description: 'Counts by nationality, each at most once; no names.' }),
  interpolNotifiedAt: t.field({
    type: 'DateTime',
    description: 'When the INTERPOL National Central Bureau was notified; required by the other INTERPOL fields.',
  }),
  interpolNcbAgencyId: t.id({ description: 'The NCB notified: an agency of kind INTERPOL_NCB.' }),
  interpolNotices: t.field({ type: [InterpolNoticeInput], description: 'At most 20 notices or diffusions issued.' }),
  linkedAlertIds: t.idList({ description: 'Alerts of the operation the reporter may see.' }),
});

const ReportSeizureInput = builder.inputType('ReportSeizureInput', {
  fields: (t) => ({
    operationId: t.id({ required: true }),
    idempotencyKey: t.string({ required: true, description: 'A retry with the same key returns the first report.' }),
    submit: t.boolean({ description: 'false keeps a DRAFT that only the reporting agency sees; submitted when absent.' }),
    ...contentFields(t),
  }),
});
const CorrectSeizureInput = builder.inputType('CorrectSeizureInput', {
  fields: (t) => ({ seizureId: t.id({ required: true }), ...contentFields(t) }),
});
const SubmitSeizureInput = builder.inputType('SubmitSeizureInput', { fields: (t) => ({ seizureId: t.id({ required: true }) }) });
const VerifySeizureInput = builder.inputType('VerifySeizureInput', { fields: (t) => ({ seizureId: t.id({ required: true }) }) });
const RejectSeizureInput = builder.inputType('RejectSeizureInput', {
  fields: (t) => ({ seizureId: t.id({ required: true }), reason: t.string({ required: true }) }),
});

type SeizureInputRef =
  | typeof ReportSeizureInput
  | typeof CorrectSeizureInput
  | typeof SubmitSeizureInput
  | typeof VerifySeizureInput
  | typeof RejectSeizureInput;

// Every seizure mutation answers with the report it created or changed, or one of the same failures.
builder.mutationFields((t) => {
  const seizureChange = (
    input: SeizureInputRef,
    change: (ctx: ServiceContext, rawInput: unknown) => Promise<SeizureRow>,
    description?: string,
  ) =>
    t.field({
      type: SeizureType,
      authScopes: { authenticated: true },
      description,
      args: { input: t.arg({ type: input, required: true }) },
      errors: { types: [ValidationError, NotFoundError, PhaseRuleError, ConflictError] },
      resolve: (_root, args, ctx) => change(ctx, args.input),
    });
  return {
    reportSeizure: seizureChange(
      ReportSeizureInput,
      reportSeizure,
      "Reports a seizure for the caller's agency, in OPERATIONAL or (late) in POST_OPERATIONAL.",
    ),
    submitSeizure: seizureChange(SubmitSeizureInput, submitSeizure, 'Sends a DRAFT to the operation.'),
    correctSeizure: seizureChange(
      CorrectSeizureInput,
      correctSeizure,
      'Rewrites a DRAFT (it stays a draft) or a REJECTED report (it is submitted again).',
    ),
    verifySeizure: seizureChange(VerifySeizureInput, verifySeizure, 'By a reviewer or coordinator who did not file the report.'),
    rejectSeizure: seizureChange(
      RejectSeizureInput,
      rejectSeizure,
      'By a reviewer or coordinator who did not file the report; the reason is required.',
    ),
  };
});
