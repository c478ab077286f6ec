/**
 * The criteria of the phase gates, each by its name in the GraphQL enum GateCriterionKey and by the
 * key the server records it under in PHASE_ADVANCED events and audit rows. Those rows are
 * append-only and were written before the enum: the stored keys stay as they are, and the schema
 * maps them to the enum's names.
 */
export const GATE_CRITERION_KEYS = {
  PARTICIPANTS_TWO_COUNTRIES: 'participants.twoCountries',
  PARTICIPANTS_CONTACT_POINTS: 'participants.contactPoints',
  PLAN_TARGET_COMMODITIES: 'plan.targetCommodities',
  PLAN_PHASE_DATES: 'plan.phaseDates',
  READINESS_ACKNOWLEDGED: 'readiness.acknowledged',
  SCHEDULE_OPERATIONAL_START: 'schedule.operationalStart',
  SCHEDULE_OPERATIONAL_END: 'schedule.operationalEnd',
  SEIZURES_SETTLED: 'seizures.settled',
  REPORT_RECORDED: 'report.recorded',
  /** Only from `phaseGate` asked about a phase that is not the next one: the operation is not in the phase just before. */
  TRANSITION: 'transition',
} as const;
export type GateCriterionKey = keyof typeof GATE_CRITERION_KEYS;
export type StoredCriterionKey = (typeof GATE_CRITERION_KEYS)[GateCriterionKey];

/** The enum name of a criterion as an event or audit row stores it; null for a key no criterion has. */
export const criterionKeyOf = (stored: string): GateCriterionKey | null =>
  (Object.keys(GATE_CRITERION_KEYS) as GateCriterionKey[]).find((key) => GATE_CRITERION_KEYS[key] === stored) ?? null;
