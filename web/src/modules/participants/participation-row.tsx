import type { ParticipationStatus } from '@jointops/shared/domain';
import { FormattedMessage, useIntl } from 'react-intl';
import { agencyKindWords, participationRoleWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { AgencyName } from '../../ui/agency';
import { DateTime } from '../../ui/time';
import { hiddenWords } from './hidden-words';
import type { ParticipationItem } from './participations-query';

export const columnWords = defineMessages({
  agency: { id: 'participants.column.agency', defaultMessage: 'Agency' },
  role: { id: 'participants.column.role', defaultMessage: 'Role in the operation' },
  invited: { id: 'participants.column.invited', defaultMessage: 'Invited' },
  ACCEPTED: { id: 'participants.column.accepted', defaultMessage: 'Accepted' },
  DECLINED: { id: 'participants.column.declined', defaultMessage: 'Declined' },
  WITHDRAWN: { id: 'participants.column.withdrawn', defaultMessage: 'Withdrawn' },
  readiness: { id: 'participants.column.readiness', defaultMessage: 'Readiness test acknowledged' },
  contactPoints: { id: 'participants.column.contactPoints', defaultMessage: 'Contact points' },
  actions: { id: 'participants.column.actions', defaultMessage: 'Actions' },
});

const words = defineMessages({
  yourAgency: { id: 'participants.row.yourAgency', defaultMessage: 'Your agency' },
  notYet: { id: 'participants.row.readinessNotYet', defaultMessage: 'Not yet' },
  noContactPoint: { id: 'participants.row.noContactPoint', defaultMessage: 'None assigned' },
  notRequired: { id: 'participants.row.notRequired', defaultMessage: 'Not required' },
  withdraw: { id: 'participants.row.withdraw', defaultMessage: 'Withdraw <hidden>{agency}</hidden>' },
});

interface ParticipationRowProps {
  participation: ParticipationItem;
  status: ParticipationStatus;
  referenceZone: string;
  isViewersAgency: boolean;
  /** Whether the viewer may withdraw this agency, were it not coordinating (the section says why not). */
  mayWithdraw: boolean;
  showActions: boolean;
  onWithdraw(): void;
}

export function ParticipationRow({
  participation,
  status,
  referenceZone,
  isViewersAgency,
  mayWithdraw,
  showActions,
  onWithdraw,
}: ParticipationRowProps) {
  const intl = useIntl();
  const label = (message: keyof typeof columnWords) => intl.formatMessage(columnWords[message]);
  const kind = agencyKindWords[participation.agency.kind];
  // Only participating agencies must pass the readiness test and name contact points (phase-gates.ts):
  // coordinating agencies act through their coordinators, and observers only read.
  const participating = participation.role === 'PARTICIPATING';
  return (
    <tr>
      <th scope="row" data-label={label('agency')}>
        <AgencyName agency={participation.agency} />
        {isViewersAgency && (
          <>
            {' '}
            <span className="badge own-agency">
              <FormattedMessage {...words.yourAgency} />
            </span>
          </>
        )}
        <span className="agency-kind">{intl.formatMessage(kind)}</span>
      </th>
      <td data-label={label('role')}>{intl.formatMessage(participationRoleWords[participation.role])}</td>
      <td data-label={label('invited')}>
        <DateTime value={participation.invitedAt} referenceZone={referenceZone} dateOnly />
      </td>
      {status !== 'INVITED' && (
        <td data-label={label(status)}>
          {participation.respondedAt && <DateTime value={participation.respondedAt} referenceZone={referenceZone} dateOnly />}
        </td>
      )}
      {status === 'ACCEPTED' && (
        <>
          <td data-label={label('readiness')}>
            {participation.readinessAcknowledgedAt ? (
              <DateTime value={participation.readinessAcknowledgedAt} referenceZone={referenceZone} />
            ) : participating ? (
              <span className="badge badge-warn">
                <FormattedMessage {...words.notYet} />
              </span>
            ) : (
              <span className="muted">
                <FormattedMessage {...words.notRequired} />
              </span>
            )}
          </td>
          <td data-label={label('contactPoints')}>
            {participation.contactPoints.length ? (
              <ul className="plain-list">
                {participation.contactPoints.map((person) => (
                  <li key={person.id}>{person.displayName}</li>
                ))}
              </ul>
            ) : (
              <span className={participating ? 'badge badge-warn' : 'muted'}>
                <FormattedMessage {...(participating ? words.noContactPoint : words.notRequired)} />
              </span>
            )}
          </td>
        </>
      )}
      {showActions && (
        <td data-label={label('actions')}>
          {mayWithdraw && participation.role !== 'COORDINATING' && (
            <button type="button" onClick={onWithdraw}>
              <FormattedMessage {...words.withdraw} values={{ agency: participation.agency.name, ...hiddenWords }} />
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
