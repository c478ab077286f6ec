import * as domain from '@jointops/shared/domain';
import { describe, expect, it } from 'vitest';
import * as codes from './codes';

// Every coded value the domain knows has words: a value added to shared/ without them fails here.
const TABLES: [readonly string[], Record<string, unknown>][] = [
  [domain.PHASES, codes.phaseWords],
  [domain.MEMBER_ROLES, codes.memberRoleWords],
  [domain.PARTICIPATION_ROLES, codes.participationRoleWords],
  [domain.PARTICIPATION_STATUSES, codes.participationStatusWords],
  [domain.AGENCY_KINDS, codes.agencyKindWords],
  [domain.PROGRAMMES, codes.programmeWords],
  [domain.ALERT_CATEGORIES, codes.alertCategoryWords],
  [domain.ALERT_SEVERITIES, codes.severityWords],
  [domain.MARKINGS, codes.markingMeaningWords],
  [domain.DISTRIBUTION_KINDS, codes.distributionWords],
  [domain.ALERT_OUTCOMES, codes.outcomeWords],
  [domain.SEIZURE_STATUSES, codes.seizureStatusWords],
  [domain.DETECTION_METHODS, codes.detectionMethodWords],
  [domain.TRANSPORT_MODES, codes.transportModeWords],
  [domain.LOCATION_TYPES, codes.locationTypeWords],
  [domain.CHECKED_DATABASES, codes.checkedDatabaseWords],
  [domain.QUANTITY_UNITS, codes.unitWords],
];

describe('coded values', () => {
  it.each(TABLES.map(([values, words]) => [values.join(', '), values, words] as const))('has words for each of %s', (_, values, words) => {
    expect(Object.keys(words).sort()).toEqual([...values].sort());
  });

  it('writes TLP labels as the standard does, in every language', () => {
    expect(domain.MARKINGS.map(codes.tlpLabel)).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']);
  });
});
