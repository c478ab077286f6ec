import type { MemberRole } from '@jointops/shared/domain';
import { assignMemberInput } from '@jointops/shared/operations';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { memberRoleWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { problemsByField, say, type Problem } from '../../i18n/problems';
import { agencyLabel } from '../../ui/agency';
import { FieldFrame, SelectField } from '../../ui/fields';
import { AssignMemberMutation, type AssignableUser } from './members-query';
import { refusalOf } from './refusals';

const words = defineMessages({
  heading: { id: 'participants.assign.heading', defaultMessage: 'Assign a member' },
  person: { id: 'participants.assign.person', defaultMessage: 'Person' },
  personHint: { id: 'participants.assign.personHint', defaultMessage: 'People of the agencies that accepted, by agency.' },
  choose: { id: 'participants.assign.choose', defaultMessage: 'Choose a person' },
  role: { id: 'participants.assign.role', defaultMessage: 'Role' },
  assign: { id: 'participants.assign.assign', defaultMessage: 'Assign' },
  assigning: { id: 'participants.assign.assigning', defaultMessage: 'Assigning…' },
  assigned: { id: 'participants.assign.assigned', defaultMessage: '{person} is now a member, as {role}.' },
  nobodyLeft: {
    id: 'participants.assign.nobodyLeft',
    defaultMessage: 'Everyone you may assign is already a member. Change their role in the list above.',
  },
});

interface AssignMemberFormProps {
  operationId: string;
  /** People the viewer may assign who are not members yet. */
  candidates: readonly AssignableUser[];
  roles: readonly MemberRole[];
}

/** Makes someone of an accepted agency a member; the server decides who may give which role. */
export function AssignMemberForm({ operationId, candidates, roles }: AssignMemberFormProps) {
  const intl = useIntl();
  const headingId = useId();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<MemberRole>(roles.includes('CONTACT_POINT') ? 'CONTACT_POINT' : roles[0]!);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [assigned, setAssigned] = useState<{ person: string; role: MemberRole } | null>(null);
  const [{ fetching }, assign] = useMutation(AssignMemberMutation);

  const agencies = new Map<string, { label: string; people: AssignableUser[] }>();
  for (const user of candidates) {
    const group = agencies.get(user.agency.id) ?? { label: agencyLabel(intl.locale, user.agency), people: [] };
    group.people.push(user);
    agencies.set(user.agency.id, group);
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { operationId, userId, role };
    const checked = assignMemberInput.safeParse(input);
    setAssigned(null);
    setRefusal(null);
    if (!checked.success) {
      setProblems(problemsByField(checked.error.issues));
      return;
    }
    setProblems({});
    const person = candidates.find((user) => user.id === userId)?.displayName ?? '';
    const outcome = await assign({ input });
    const problem = refusalOf(outcome.error, outcome.data?.assignMember);
    if (problem) setRefusal(problem);
    else {
      setAssigned({ person, role });
      setUserId('');
    }
  };

  return (
    <section className="assign-member" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...words.heading} />
      </h3>
      {candidates.length === 0 ? (
        <p className="muted">
          <FormattedMessage {...words.nobodyLeft} />
        </p>
      ) : (
        <form className="assign-form" onSubmit={(event) => void submit(event)} noValidate>
          <FieldFrame
            label={<FormattedMessage {...words.person} />}
            hint={<FormattedMessage {...words.personHint} />}
            problem={problems.userId}
          >
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={userId}
                onChange={(event) => setUserId(event.target.value)}
              >
                <option value="">{intl.formatMessage(words.choose)}</option>
                {[...agencies.entries()].map(([agencyId, group]) => (
                  <optgroup key={agencyId} label={group.label}>
                    {group.people.map((user) => (
                      <option key={user.id} value={user.id}>
                        {`${user.displayName} — ${user.email}`}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </FieldFrame>
          <SelectField
            label={<FormattedMessage {...words.role} />}
            problem={problems.role}
            value={role}
            onChange={(event) => setRole(event.target.value as MemberRole)}
            options={roles.map((value) => ({ value, label: intl.formatMessage(memberRoleWords[value]) }))}
          />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={fetching}>
              {fetching ? <FormattedMessage {...words.assigning} /> : <FormattedMessage {...words.assign} />}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {assigned && (
          <p className="form-success">
            <FormattedMessage
              {...words.assigned}
              values={{ person: assigned.person, role: intl.formatMessage(memberRoleWords[assigned.role]) }}
            />
          </p>
        )}
        {refusal && <p className="form-error">{say(intl, refusal)}</p>}
      </div>
    </section>
  );
}
