import { ALERT_CATEGORIES, ALERT_SEVERITIES, PHASES, QUANTITY_UNITS } from '@jointops/shared/domain';
import type { ProblemKey } from '@jointops/shared/problems';
import { UNIT_DIMENSION } from '@jointops/shared/seizures';
import { alertCategoryWords, distributionWords, phaseWords, severityWords, unitWords } from './codes';
import { defineMessages } from './define-messages';
import type { Problem } from './problems';
import { accountWords } from './server-texts/accounts';
import { alertWords } from './server-texts/alerts';
import { attachmentWords } from './server-texts/attachments';
import { checkWords } from './server-texts/checks';
import { fieldWords } from './server-texts/fields';
import { operationWords } from './server-texts/operations';
import { dimensionWords, seizureWords } from './server-texts/seizures';

// The words of each rule a field error can name by its key (shared/src/problems.ts), from the
// error's parameters: mostly the very words its English sentence gets (server-texts/), so a reader
// sees one wording whichever the client goes by. A table over every key: a key added to the shared
// list without words here does not compile.

const words = defineMessages({
  givenTwice: { id: 'problem.givenTwice', defaultMessage: 'Given twice: keep only one' },
  deadlinesOutOfOrder: {
    id: 'problem.deadlinesOutOfOrder',
    defaultMessage:
      'An alert of severity “{graver}” cannot be given longer to acknowledge than one of severity “{lighter}” ({lighterMinutes, number} min)',
  },
  phaseNotNext: {
    id: 'problem.phaseNotNext',
    defaultMessage: 'The operation is in the “{phase}” phase: it moves one phase forward at a time',
  },
  unknownTable: { id: 'problem.unknownTable', defaultMessage: 'Not a table of the results' },
});

/** A field error's key and parameters, as FieldError gives them (loosely typed: zod issues have fields of these names too). */
export interface KeyedIssue {
  path: readonly PropertyKey[];
  key?: unknown;
  min?: unknown;
  max?: unknown;
  expected?: unknown;
  phase?: unknown;
  catalogueVersion?: unknown;
  unit?: unknown;
  category?: unknown;
  severity?: unknown;
}

const number = (value: unknown): number => (typeof value === 'number' ? value : 0);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
  (values as readonly unknown[]).includes(value) ? (value as T) : null;

const plain = (message: Problem['message']) => (): Problem => ({ message });

/** "Not an item", or "Some are not items" for a list of ids. */
function notInCatalogue(issue: KeyedIssue): Problem {
  const isList = String(issue.path.at(-1) ?? '').endsWith('Ids');
  return {
    message: isList ? operationWords.notCatalogueItems : seizureWords.notCatalogueItem,
    values: { version: text(issue.catalogueVersion) },
  };
}

function unitOfCommodity(issue: KeyedIssue): Problem | null {
  const unit = oneOf(QUANTITY_UNITS, issue.unit);
  if (!unit) return null;
  const dimension = UNIT_DIMENSION[unit].toLowerCase() as keyof typeof dimensionWords;
  return {
    message: seizureWords.unitMismatch,
    values: { dimension: { message: dimensionWords[dimension] }, unit: { message: unitWords[unit] } },
  };
}

function deadlinesOutOfOrder(issue: KeyedIssue): Problem | null {
  const graver = oneOf(ALERT_SEVERITIES, issue.severity);
  const lighter = graver && ALERT_SEVERITIES[ALERT_SEVERITIES.indexOf(graver) - 1];
  if (!graver || !lighter) return null;
  return {
    message: words.deadlinesOutOfOrder,
    values: { graver: { message: severityWords[graver] }, lighter: { message: severityWords[lighter] }, lighterMinutes: number(issue.max) },
  };
}

function inPhase(message: Problem['message'], issue: KeyedIssue): Problem | null {
  const phase = oneOf(PHASES, issue.phase);
  return phase ? { message, values: { phase: { message: phaseWords[phase] } } } : null;
}

function subjectOfCategory(issue: KeyedIssue): Problem | null {
  const category = oneOf(ALERT_CATEGORIES, issue.category);
  return category ? { message: alertWords.subjectKind, values: { category: { message: alertCategoryWords[category] } } } : null;
}

const restricted = { distribution: { message: distributionWords.RESTRICTED } };

/** The keys of bounds and formats, which problems.ts words with zod's issues of the browser. */
type WordedByProblems =
  | 'REQUIRED'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'TOO_FEW'
  | 'TOO_MANY'
  | 'TOO_SMALL'
  | 'TOO_LARGE'
  | 'CONTROL_CHARACTER'
  | 'ONE_LINE'
  | 'NOT_A_COUNTRY'
  | 'NOT_UNICODE'
  // No more than "not valid" (the sentence says which format), or nothing: the sentence is looked up.
  | 'INVALID'
  | 'OTHER';

/** The words of each rule's key; null when its parameters are missing, and the sentence is looked up instead. */
const BY_KEY: Record<Exclude<ProblemKey, WordedByProblems>, (issue: KeyedIssue) => Problem | null> = {
  BELOW_LEAST_QUANTITY: plain(fieldWords.leastQuantity),
  INVALID_ID: plain(fieldWords.notValidId),
  GIVEN_TWICE: plain(words.givenTwice),
  NOT_A_NUMBER: plain(fieldWords.mustBeNumber),
  NOT_AFTER_START: plain(operationWords.mustBeAfterStart),
  IN_THE_FUTURE: plain(fieldWords.notInFuture),
  DATE_TOO_EARLY: plain(fieldWords.from2000),
  DATE_TOO_LATE: plain(fieldWords.before2100),
  NO_SUCH_DAY: plain(fieldWords.noSuchDay),
  UNKNOWN_TIME_ZONE: plain(fieldWords.unknownTimeZone),
  COUNTRY_REQUIRED_FOR_NATIONAL_AGENCY: plain(accountWords.countryForNationalAgency),
  AGENCY_NAME_TAKEN: plain(accountWords.agencyNameTaken),
  NO_SUCH_AGENCY: plain(accountWords.noSuchAgency),
  AGENCY_DEACTIVATED: plain(accountWords.agencyDeactivated),
  EMAIL_TAKEN: plain(accountWords.emailTaken),
  CANNOT_DEACTIVATE_OWN_ACCOUNT: plain(accountWords.ownAccount),
  CANNOT_REMOVE_OWN_ADMIN_RIGHTS: plain(accountWords.ownAdminRights),
  MEMBER_CANNOT_CHANGE_AGENCY: plain(accountWords.agencyWhileMember),
  CANNOT_DEACTIVATE_OWN_AGENCY: plain(accountWords.ownAgency),
  NOT_CURRENT_PASSWORD: plain(accountWords.notYourPassword),
  PASSWORD_NOT_OWN: plain(accountWords.chooseYourOwn),
  NOT_IN_CATALOGUE: notInCatalogue,
  OPERATION_CODE_TAKEN: plain(operationWords.operationCodeTaken),
  OPERATION_COMMODITY_CODE_TAKEN: plain(operationWords.commodityCodeTaken),
  DEADLINES_OUT_OF_ORDER: deadlinesOutOfOrder,
  NOT_A_PLANNED_PHASE: plain(operationWords.onlyOpenPhasesPlanned),
  STARTS_BEFORE_PREVIOUS_ENDS: (issue) => inPhase(operationWords.overlapsPreviousPhase, issue),
  PHASE_NOT_NEXT: (issue) => inPhase(words.phaseNotNext, issue),
  CANCELLATION_NEEDS_REASON: plain(operationWords.reasonForCancelling),
  ALREADY_INVITED: plain(operationWords.alreadyInvited),
  ALREADY_TAKING_PART: plain(operationWords.alreadyTakingPart),
  AGENCY_NOT_TAKING_PART: plain(operationWords.notTakingPart),
  COORDINATING_AGENCY_CANNOT_WITHDRAW: plain(operationWords.coordinatingCannotWithdraw),
  NO_SUCH_ACTIVE_USER: plain(operationWords.noSuchActiveUser),
  AGENCY_NOT_ACCEPTED: plain(operationWords.onlyAcceptedAgencies),
  LAST_COORDINATOR: plain(operationWords.lastCoordinator),
  NO_SUCH_MEMBER: plain(operationWords.noSuchMember),
  TRANSPORT_DOCUMENT_REQUIRED: plain(alertWords.transportDocument),
  CONVEYANCE_REQUIRED: plain(alertWords.conveyance),
  SUBJECT_TOO_LONG: (issue) => ({ message: alertWords.subjectTooLong, values: { max: number(issue.max) } }),
  SUBJECT_TWICE: plain(alertWords.subjectTwice),
  SEVERAL_SUBJECT_KINDS: plain(alertWords.oneSubject),
  SUBJECT_NOT_OF_CATEGORY: subjectOfCategory,
  RECIPIENTS_REQUIRED: plain(alertWords.nameRecipient),
  RECIPIENTS_ONLY_WHEN_RESTRICTED: () => ({ message: alertWords.recipientsOnlyRestricted, values: restricted }),
  RED_NEEDS_NAMED_RECIPIENTS: () => ({ message: alertWords.redNamedAgenciesOnly, values: restricted }),
  OWN_AGENCY_NOT_RECIPIENT: plain(alertWords.ownAgencyRecipient),
  RECIPIENT_NOT_PARTICIPANT: plain(alertWords.recipientNotTakingPart),
  FEEDBACK_OUTCOME_REQUIRED: plain(alertWords.feedbackOutcome),
  TEST_ALERT_KEEPS_SEVERITY: plain(alertWords.testKeepsSeverity),
  NOTHING_CHANGED: plain(alertWords.nothingDiffers),
  COMMODITY_REQUIRED: plain(seizureWords.commodityOrDescription),
  PIECES_IN_WHOLE_NUMBERS: plain(seizureWords.wholePieces),
  COORDINATES_IN_PAIRS: plain(seizureWords.bothCoordinates),
  INTERPOL_NOTIFICATION_REQUIRED: plain(seizureWords.interpolNotifiedRequired),
  ARRESTS_NOT_SUM_OF_NATIONALITIES: (issue) => ({ message: seizureWords.arrestsDisagree, values: { sum: number(issue.expected) } }),
  NOT_AN_INTERPOL_NCB: plain(seizureWords.notAnNcb),
  NO_SUCH_ALERT: plain(seizureWords.noSuchAlert),
  ALERT_WITHDRAWN: plain(seizureWords.alertWithdrawn),
  UNIT_NOT_OF_COMMODITY_DIMENSION: unitOfCommodity,
  TOO_EARLY_FOR_OPERATION: (issue) => ({ message: seizureWords.tooEarly, values: { days: number(issue.max) } }),
  UNIT_REQUIRED: plain(checkWords.unitOfQuantity),
  UNIT_WITHOUT_QUANTITY: plain(checkWords.unitWithoutQuantity),
  QUANTITY_WITHOUT_SHIPMENTS: plain(checkWords.quantityWithoutShipment),
  MORE_HITS_THAN_CHECKS: plain(checkWords.moreHitsThanChecks),
  AGENCY_WITHOUT_COUNTRY: plain(checkWords.agencyWithoutCountry),
  DAY_NOT_YET_COME: plain(checkWords.dayNotCome),
  BEFORE_OPERATIONAL_PHASE: plain(checkWords.beforeOperational),
  UNKNOWN_TABLE: plain(words.unknownTable),
  FILE_NAME_WITH_FOLDER: plain(attachmentWords.fileNameFolders),
  ALERT_OR_SEIZURE: plain(attachmentWords.oneParent),
};

/** The problem a rule's key names, in words; null for another key. */
export function problemOfRuleKey(issue: KeyedIssue): Problem | null {
  const key = issue.key;
  return typeof key === 'string' && Object.hasOwn(BY_KEY, key) ? BY_KEY[key as keyof typeof BY_KEY](issue) : null;
}
