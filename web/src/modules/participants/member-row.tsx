import type { MemberRole } from '@jointops/shared/domain';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { memberRoleWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { say, type Problem } from '../../i18n/problems';
import { DateTime } from '../../ui/time';
import { hiddenWords } from './hidden-words';
import { AssignMemberMutation, type MemberItem } from './members-query';
import { refusalOf } from './refusals';

export const memberWords = defineMessages({
  person: { id: 'participants.members.column.person', defaultMessage: 'Person' },
  role: { id: 'participants.members.column.role', defaultMessage: 'Role' },
  assigned: { id: 'participants.members.column.assigned', defaultMessage: 'Assigned' },
  actions: { id: 'participants.members.column.actions', defaultMessage: 'Actions' },
  you: { id: 'participants.members.you', defaultMessage: 'You' },
  newRole: { id: 'participants.members.newRole', defaultMessage: 'New role for {person}' },
  changeRole: { id: 'participants.members.changeRole', defaultMessage: 'Change role <hidden>of {person}</hidden>' },
  changing: { id: 'participants.members.changing', defaultMessage: 'Changing…' },
  changed: { id: 'participants.members.changed', defaultMessage: 'Role changed.' },
  remove: { id: 'participants.members.remove', defaultMessage: 'Remove <hidden>{person}</hidden>' },
});

/** Contact points are the people the other agencies call: their role stands out, in words. */
export const roleBadgeClass = (role: MemberRole): string => `badge member-role member-role-${role}`;

interface MemberRowProps {
  operationId: string;
  member: MemberItem;
  referenceZone: string;
  isViewer: boolean;
  /** The roles the viewer may give this member; none when the viewer may not change their role. */
  roles: readonly MemberRole[];
  mayRemove: boolean;
  showActions: boolean;
  onRemove(): void;
}

export function MemberRow({ operationId, member, referenceZone, isViewer, roles, mayRemove, showActions, onRemove }: MemberRowProps) {
  const intl = useIntl();
  const person = member.user.displayName;
  // Null while the reader has not picked another role: the select then follows the member's role,
  // including when someone else changes it.
  const [chosen, setChosen] = useState<MemberRole | null>(null);
  const role = chosen ?? member.role;
  const [problem, setProblem] = useState<Problem | null>(null);
  const [changed, setChanged] = useState(false);
  const [{ fetching }, assign] = useMutation(AssignMemberMutation);

  const change = async () => {
    setProblem(null);
    setChanged(false);
    const outcome = await assign({ input: { operationId, userId: member.user.id, role } });
    const refusal = refusalOf(outcome.error, outcome.data?.assignMember);
    if (refusal) setProblem(refusal);
    else {
      setChosen(null);
      setChanged(true);
    }
  };

  return (
    <tr>
      <th scope="row" data-label={intl.formatMessage(memberWords.person)}>
        <span className="person-name">{person}</span>
        {isViewer && (
          <>
            {' '}
            <span className="badge own-agency">
              <FormattedMessage {...memberWords.you} />
            </span>
          </>
        )}
        <span className="person-email">{member.user.email}</span>
      </th>
      <td data-label={intl.formatMessage(memberWords.role)}>
        <span className={roleBadgeClass(member.role)}>{intl.formatMessage(memberRoleWords[member.role])}</span>
      </td>
      <td data-label={intl.formatMessage(memberWords.assigned)}>
        <DateTime value={member.assignedAt} referenceZone={referenceZone} />
      </td>
      {showActions && (
        <td data-label={intl.formatMessage(memberWords.actions)}>
          <div className="row-actions">
            {roles.length > 0 && (
              <>
                <select
                  aria-label={intl.formatMessage(memberWords.newRole, { person })}
                  value={role}
                  disabled={fetching}
                  onChange={(event) => setChosen(event.target.value as MemberRole)}
                >
                  {roles.map((value) => (
                    <option key={value} value={value}>
                      {intl.formatMessage(memberRoleWords[value])}
                    </option>
                  ))}
                </select>
                <button type="button" disabled={fetching || role === member.role} onClick={() => void change()}>
                  {fetching ? (
                    <FormattedMessage {...memberWords.changing} />
                  ) : (
                    <FormattedMessage {...memberWords.changeRole} values={{ person, ...hiddenWords }} />
                  )}
                </button>
              </>
            )}
            {mayRemove && (
              <button type="button" onClick={onRemove}>
                <FormattedMessage {...memberWords.remove} values={{ person, ...hiddenWords }} />
              </button>
            )}
          </div>
          <div aria-live="polite">
            {changed && <p className="row-success">{intl.formatMessage(memberWords.changed)}</p>}
            {problem && <p className="field-error">{say(intl, problem)}</p>}
          </div>
        </td>
      )}
    </tr>
  );
}
