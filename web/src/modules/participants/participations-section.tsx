import { PARTICIPATION_STATUSES, type ParticipationStatus } from '@jointops/shared/domain';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { participationStatusWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { useSession } from '../../shell/viewer-context';
import { agencyLabel } from '../../ui/agency';
import { EmptyState } from '../../ui/page-state';
import { isCoordinator, isOpen, useOperation } from '../operations/operation-context';
import { columnWords, ParticipationRow } from './participation-row';
import { statusOf, type ParticipationItem } from './participations-query';
import { DoneNotice, type Done } from './done-notice';
import { WithdrawDialog } from './withdraw-dialog';

const words = defineMessages({
  heading: { id: 'participants.agencies.heading', defaultMessage: 'Participating agencies' },
  filter: { id: 'participants.agencies.filter', defaultMessage: 'Show agencies' },
  all: { id: 'participants.agencies.filterAll', defaultMessage: 'All ({count, number})' },
  byStatus: { id: 'participants.agencies.filterStatus', defaultMessage: '{status} ({count, number})' },
  count: { id: 'participants.agencies.count', defaultMessage: '{count, plural, one {# agency} other {# agencies}}' },
  noneInvited: { id: 'participants.agencies.noneInvited', defaultMessage: 'No agency has been invited yet.' },
  noneInvitedHintCoordinator: { id: 'participants.agencies.noneInvitedHintCoordinator', defaultMessage: 'Find one below and invite it.' },
  noneInvitedHint: { id: 'participants.agencies.noneInvitedHint', defaultMessage: 'The coordinators of the operation invite agencies.' },
  noneWithStatus: { id: 'participants.agencies.noneWithStatus', defaultMessage: 'No agency is in this state.' },
  cannotWithdrawCoordinating: {
    id: 'participants.agencies.cannotWithdrawCoordinating',
    defaultMessage: 'A coordinating agency cannot be withdrawn: its coordinators plan the operation.',
  },
});

export const statusBadgeClass: Record<ParticipationStatus, string> = {
  ACCEPTED: 'badge badge-ok',
  INVITED: 'badge badge-warn',
  DECLINED: 'badge status-declined',
  WITHDRAWN: 'badge badge-danger',
};

const ROLE_ORDER = { COORDINATING: 0, PARTICIPATING: 1, OBSERVING: 2 } as const;
/** Those taking part first, then those awaited, then those no longer there. */
const STATUS_ORDER = ['ACCEPTED', 'INVITED', 'DECLINED', 'WITHDRAWN'] as const satisfies readonly ParticipationStatus[];

/** The agencies of the operation by status, coordinating ones first, then by name. */
export function ParticipationsSection({ participations }: { participations: readonly ParticipationItem[] }) {
  const intl = useIntl();
  const operation = useOperation();
  const { viewer } = useSession();
  const headingId = useId();
  const [shown, setShown] = useState<ParticipationStatus | 'ALL'>('ALL');
  const [withdrawing, setWithdrawing] = useState<ParticipationItem | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const collator = new Intl.Collator(intl.locale);
  const sorted = [...participations].sort(
    (a, b) =>
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || collator.compare(agencyLabel(intl.locale, a.agency), agencyLabel(intl.locale, b.agency)),
  );
  const byStatus = new Map(PARTICIPATION_STATUSES.map((status) => [status, sorted.filter((item) => statusOf(item) === status)]));
  const groups = STATUS_ORDER.filter((status) => shown === 'ALL' || shown === status);
  // The planner's own agency coordinates from the start, invited and accepting at the same instant.
  const nobodyInvited = participations.every((item) => item.role === 'COORDINATING' && item.invitedAt === item.respondedAt);
  const coordinator = isCoordinator(operation);
  const open = isOpen(operation);
  const mayWithdraw = (item: ParticipationItem) =>
    open && (coordinator || (operation.myRole === 'CONTACT_POINT' && item.agency.id === viewer.agency.id));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.heading} />
      </h2>
      <DoneNotice done={done} />
      <div className="status-filter" role="group" aria-label={intl.formatMessage(words.filter)}>
        <button type="button" aria-pressed={shown === 'ALL'} onClick={() => setShown('ALL')}>
          <FormattedMessage {...words.all} values={{ count: participations.length }} />
        </button>
        {STATUS_ORDER.map((status) => (
          <button key={status} type="button" aria-pressed={shown === status} onClick={() => setShown(status)}>
            <FormattedMessage
              {...words.byStatus}
              values={{ status: intl.formatMessage(participationStatusWords[status]), count: byStatus.get(status)?.length ?? 0 }}
            />
          </button>
        ))}
      </div>
      {groups.map((status) => {
        const items = byStatus.get(status) ?? [];
        if (!items.length) {
          return shown === status ? <EmptyState key={status} title={<FormattedMessage {...words.noneWithStatus} />} /> : null;
        }
        const showActions = (status === 'ACCEPTED' || status === 'INVITED') && items.some(mayWithdraw);
        const groupId = `${headingId}-${status}`;
        return (
          <div key={status} className="status-group">
            <h3 id={groupId} className="status-heading">
              <span className={statusBadgeClass[status]}>{intl.formatMessage(participationStatusWords[status])}</span>{' '}
              <span className="status-count">
                <FormattedMessage {...words.count} values={{ count: items.length }} />
              </span>
            </h3>
            {/* An invitation not yet answered has no answer date; only accepted agencies take the readiness test and have contact points. */}
            <table className="stack-table participations-table" aria-labelledby={groupId}>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage {...columnWords.agency} />
                  </th>
                  <th scope="col">
                    <FormattedMessage {...columnWords.role} />
                  </th>
                  <th scope="col">
                    <FormattedMessage {...columnWords.invited} />
                  </th>
                  {status !== 'INVITED' && (
                    <th scope="col">
                      <FormattedMessage {...columnWords[status]} />
                    </th>
                  )}
                  {status === 'ACCEPTED' && (
                    <>
                      <th scope="col">
                        <FormattedMessage {...columnWords.readiness} />
                      </th>
                      <th scope="col">
                        <FormattedMessage {...columnWords.contactPoints} />
                      </th>
                    </>
                  )}
                  {showActions && (
                    <th scope="col">
                      <span className="visually-hidden">
                        <FormattedMessage {...columnWords.actions} />
                      </span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <ParticipationRow
                    key={item.id}
                    participation={item}
                    status={status}
                    referenceZone={operation.referenceTimeZone}
                    isViewersAgency={item.agency.id === viewer.agency.id}
                    mayWithdraw={mayWithdraw(item)}
                    showActions={showActions}
                    onWithdraw={() => setWithdrawing(item)}
                  />
                ))}
              </tbody>
            </table>
            {showActions && items.some((item) => item.role === 'COORDINATING' && mayWithdraw(item)) && (
              <p className="muted table-note">
                <FormattedMessage {...words.cannotWithdrawCoordinating} />
              </p>
            )}
          </div>
        );
      })}
      {nobodyInvited && (
        <EmptyState
          title={<FormattedMessage {...words.noneInvited} />}
          hint={<FormattedMessage {...(coordinator && open ? words.noneInvitedHintCoordinator : words.noneInvitedHint)} />}
        />
      )}
      {withdrawing && (
        <WithdrawDialog
          operationId={operation.id}
          agency={withdrawing.agency}
          onDone={(what) => {
            setWithdrawing(null);
            setDone(what);
          }}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </section>
  );
}
