import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import { useSession } from '../../shell/viewer-context';
import { agencyLabel, AgencyName } from '../../ui/agency';
import { EmptyState, LoadError, Skeleton } from '../../ui/page-state';
import { isCoordinator, isOpen, useOperation } from '../operations/operation-context';
import { AssignMemberForm } from './assign-member-form';
import { MemberRow, memberWords } from './member-row';
import { givableRoles, MembersQuery, type MemberItem } from './members-query';
import { DoneNotice, type Done } from './done-notice';
import { RemoveMemberDialog } from './remove-member-dialog';

const words = defineMessages({
  heading: { id: 'participants.members.heading', defaultMessage: 'Members and their roles' },
  count: { id: 'participants.members.count', defaultMessage: '{count, plural, one {# member} other {# members}}' },
  contactPoints: {
    id: 'participants.members.contactPoints',
    defaultMessage: '{count, plural, =0 {no contact point} one {# contact point} other {# contact points}}',
  },
  none: { id: 'participants.members.none', defaultMessage: 'Nobody is a member yet.' },
  noneHint: {
    id: 'participants.members.noneHint',
    defaultMessage: 'People become members when their agency accepts the invitation, or when they are assigned below.',
  },
});

/** Whether the viewer may end this membership (operations.policy.ts canRemove); the server decides in the end. */
function mayRemove(myRole: string | null | undefined, viewerAgencyId: string, member: MemberItem): boolean {
  if (myRole === 'COORDINATOR') return true;
  return (
    myRole === 'CONTACT_POINT' && member.agency.id === viewerAgencyId && (member.role === 'CONTACT_POINT' || member.role === 'OBSERVER')
  );
}

/** The people of the operation by agency, the viewer's own first, with what the viewer may change. */
export function MembersSection() {
  const intl = useIntl();
  const operation = useOperation();
  const { viewer } = useSession();
  const headingId = useId();
  const [removing, setRemoving] = useState<MemberItem | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MembersQuery, variables: { operationId: operation.id } });

  const open = isOpen(operation);
  const members = data?.operation?.members ?? [];
  const assignable = data?.operation?.assignableUsers ?? [];
  const assignableIds = new Set(assignable.map((user) => user.id));
  const memberIds = new Set(members.map((member) => member.user.id));
  const roles = open ? givableRoles(operation.myRole) : [];
  const canAssign = roles.length > 0 && (isCoordinator(operation) || assignable.length > 0);

  const collator = new Intl.Collator(intl.locale);
  const byAgency = new Map<string, MemberItem[]>();
  for (const member of members) byAgency.set(member.agency.id, [...(byAgency.get(member.agency.id) ?? []), member]);
  const agencyGroups = [...byAgency.values()].sort((a, b) => {
    const own = Number(b[0]!.agency.id === viewer.agency.id) - Number(a[0]!.agency.id === viewer.agency.id);
    return own || collator.compare(agencyLabel(intl.locale, a[0]!.agency), agencyLabel(intl.locale, b[0]!.agency));
  });

  const rolesFor = (member: MemberItem) => (assignableIds.has(member.user.id) ? roles : []);
  const removable = (member: MemberItem) => open && mayRemove(operation.myRole, viewer.agency.id, member);
  const showActions = members.some((member) => rolesFor(member).length > 0 || removable(member));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.heading} />
      </h2>
      <DoneNotice done={done} />
      {fetching && !data && <Skeleton lines={4} />}
      {error && !data && <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && !members.length && (
        <EmptyState title={<FormattedMessage {...words.none} />} hint={<FormattedMessage {...words.noneHint} />} />
      )}
      {agencyGroups.length > 0 && (
        <table className="stack-table members-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage {...memberWords.person} />
              </th>
              <th scope="col">
                <FormattedMessage {...memberWords.role} />
              </th>
              <th scope="col">
                <FormattedMessage {...memberWords.assigned} />
              </th>
              {showActions && (
                <th scope="col">
                  <span className="visually-hidden">
                    <FormattedMessage {...memberWords.actions} />
                  </span>
                </th>
              )}
            </tr>
          </thead>
          {agencyGroups.map((group) => {
            const agency = group[0]!.agency;
            const groupId = `${headingId}-${agency.id}`;
            const people = [...group].sort((a, b) => collator.compare(a.user.displayName, b.user.displayName));
            const contactPoints = people.filter((member) => member.role === 'CONTACT_POINT').length;
            return (
              <tbody key={agency.id} aria-labelledby={groupId}>
                <tr className="group-row">
                  <th id={groupId} scope="rowgroup" colSpan={showActions ? 4 : 3}>
                    <AgencyName agency={agency} />{' '}
                    <span className="status-count">
                      <FormattedMessage {...words.count} values={{ count: people.length }} />
                      {' · '}
                      <FormattedMessage {...words.contactPoints} values={{ count: contactPoints }} />
                    </span>
                  </th>
                </tr>
                {people.map((member) => (
                  <MemberRow
                    key={member.id}
                    operationId={operation.id}
                    member={member}
                    referenceZone={operation.referenceTimeZone}
                    isViewer={member.user.id === viewer.id}
                    roles={rolesFor(member)}
                    mayRemove={removable(member)}
                    showActions={showActions}
                    onRemove={() => setRemoving(member)}
                  />
                ))}
              </tbody>
            );
          })}
        </table>
      )}
      {data && canAssign && (
        <AssignMemberForm operationId={operation.id} candidates={assignable.filter((user) => !memberIds.has(user.id))} roles={roles} />
      )}
      {removing && (
        <RemoveMemberDialog
          operationId={operation.id}
          member={removing}
          isViewer={removing.user.id === viewer.id}
          onDone={(what) => {
            setRemoving(null);
            setDone(what);
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
