import { createUserInput, PASSWORD_MIN_LENGTH, updateUserInput } from '@jointops/shared/accounts';
import { LOCALES, type Locale } from '@jointops/shared/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { defineMessages } from '../../i18n/define-messages';
import { problemsByField, say, type FieldProblems, type Problem } from '../../i18n/problems';
import { SelectField, TextField } from '../../ui/fields';
import { focusField } from './agency-form';
import { AgencyPicker, type AgencyChoice } from './agency-picker';
import { adminWords } from './admin-words';
import { refusalOf } from './refusals';
import { TimeZoneField } from './time-zone-field';

const words = defineMessages({
  newHeading: { id: 'admin.userForm.newHeading', defaultMessage: 'New user' },
  editHeading: { id: 'admin.userForm.editHeading', defaultMessage: 'Edit {name}' },
  email: { id: 'admin.userForm.email', defaultMessage: 'E-mail' },
  displayName: { id: 'admin.userForm.displayName', defaultMessage: 'Display name' },
  displayNameHint: {
    id: 'admin.userForm.displayNameHint',
    defaultMessage: 'As colleagues will see it, e.g. “Siti Rahman (JKDM Port Klang)”.',
  },
  agency: { id: 'admin.userForm.agency', defaultMessage: 'Agency' },
  chooseAgency: { id: 'admin.userForm.chooseAgency', defaultMessage: 'Choose an agency' },
  language: { id: 'admin.userForm.language', defaultMessage: 'Language' },
  timeZone: { id: 'admin.userForm.timeZone', defaultMessage: 'Time zone' },
  timeZoneHintNew: {
    id: 'admin.userForm.timeZoneHintNew',
    defaultMessage: 'Left empty, the agency’s time zone (or UTC). Times are shown to the person in it.',
  },
  isAdmin: { id: 'admin.userForm.isAdmin', defaultMessage: 'Administrator' },
  isAdminHint: {
    id: 'admin.userForm.isAdminHint',
    defaultMessage: 'Keeps the directory of agencies and users. Not needed to run operations.',
  },
  password: { id: 'admin.userForm.password', defaultMessage: 'Initial password' },
  create: { id: 'admin.userForm.create', defaultMessage: 'Create user' },
});

/** Each language named in itself, as on the language switch, so anyone recognises their own. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

export const AdminUserFields = graphql(`
  fragment AdminUserFields on User {
    id
    displayName
    email
    isAdmin
    locale
    timeZone
    active
    mustChangePassword
    agency {
      id
      name
      acronym
      countryCode
      active
    }
  }
`);

export type AdminUser = ResultOf<typeof AdminUserFields>;

const CreateUserMutation = graphql(
  `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        __typename
        ...AdminUserFields
        ...MutationProblem
      }
    }
  `,
  [AdminUserFields, MutationProblemFields],
);

const UpdateUserMutation = graphql(
  `
    mutation UpdateUser($input: UpdateUserInput!) {
      updateUser(input: $input) {
        __typename
        ...AdminUserFields
        ...MutationProblem
      }
    }
  `,
  [AdminUserFields, MutationProblemFields],
);

const FIELDS = ['email', 'displayName', 'agencyId', 'locale', 'timeZone', 'isAdmin', 'password'] as const;

const toLocale = (value: string): Locale => LOCALES.find((locale) => locale === value) ?? 'en';

interface UserFormProps {
  /** The account to edit; none to create one. */
  user?: AdminUser | undefined;
  onSaved(user: AdminUser): void;
  onCancel(): void;
}

/** Creating or editing an account, checked in the browser with the server's own schemas first. */
export function UserForm({ user, onSaved, onCancel }: UserFormProps) {
  const intl = useIntl();
  const headingId = useId();
  const adminHintId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState(user?.email ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [agency, setAgency] = useState<AgencyChoice | null>(user?.agency ?? null);
  const [locale, setLocale] = useState<Locale>(toLocale(user?.locale ?? 'en'));
  const [timeZone, setTimeZone] = useState(user?.timeZone ?? '');
  const [isAdmin, setIsAdmin] = useState(user?.isAdmin ?? false);
  const [password, setPassword] = useState('');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [created, createUser] = useMutation(CreateUserMutation);
  const [updated, updateUser] = useMutation(UpdateUserMutation);
  const saving = created.fetching || updated.fetching;

  useEffect(() => focusField(form.current, 'email'), []);

  function refuse(problems: FieldProblems, problem: Problem | null) {
    setFieldProblems(problems);
    setFormProblem(problem);
    focusField(
      form.current,
      FIELDS.find((field) => problems[field]),
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const common = { email, displayName, agencyId: agency?.id ?? '', locale, isAdmin };
    if (!user) {
      // The administrator knows the password they typed: the person chooses their own at first sign-in.
      const parsed = createUserInput.safeParse({ ...common, password, mustChangePassword: true, timeZone: timeZone.trim() || null });
      if (!parsed.success) return refuse(problemsByField(parsed.error.issues), null);
      refuse({}, null);
      const { data, error } = await createUser({ input: parsed.data });
      const result = data?.createUser;
      if (result?.__typename === 'User') return onSaved(result);
      const refusal = refusalOf(error, result, FIELDS);
      return refuse(refusal.fields, refusal.problem);
    }
    const parsed = updateUserInput.safeParse({ ...common, userId: user.id, timeZone });
    if (!parsed.success) return refuse(problemsByField(parsed.error.issues), null);
    refuse({}, null);
    const { data, error } = await updateUser({ input: parsed.data });
    const result = data?.updateUser;
    if (result?.__typename === 'User') return onSaved(result);
    const refusal = refusalOf(error, result, FIELDS);
    return refuse(refusal.fields, refusal.problem);
  }

  return (
    <div className="panel admin-form">
      <form ref={form} className="form" noValidate aria-labelledby={headingId} onSubmit={(event) => void save(event)}>
        <h3 id={headingId}>
          {user ? intl.formatMessage(words.editHeading, { name: user.displayName }) : intl.formatMessage(words.newHeading)}
        </h3>
        <div className="form-row">
          <TextField
            name="email"
            type="email"
            label={intl.formatMessage(words.email)}
            problem={fieldProblems.email}
            value={email}
            autoComplete="off"
            onChange={(event) => setEmail(event.target.value)}
          />
          <TextField
            name="displayName"
            label={intl.formatMessage(words.displayName)}
            hint={intl.formatMessage(words.displayNameHint)}
            problem={fieldProblems.displayName}
            value={displayName}
            autoComplete="off"
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </div>
        <AgencyPicker
          label={intl.formatMessage(words.agency)}
          emptyLabel={intl.formatMessage(words.chooseAgency)}
          value={agency}
          includeInactive={false}
          problem={fieldProblems.agencyId}
          onChange={setAgency}
        />
        <div className="form-row">
          <SelectField
            name="locale"
            label={intl.formatMessage(words.language)}
            problem={fieldProblems.locale}
            value={locale}
            options={LOCALES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
            onChange={(event) => setLocale(toLocale(event.target.value))}
          />
          <TimeZoneField
            label={intl.formatMessage(words.timeZone)}
            hint={intl.formatMessage(user ? adminWords.timeZoneHint : words.timeZoneHintNew)}
            problem={fieldProblems.timeZone}
            value={timeZone}
            onChange={setTimeZone}
          />
        </div>
        <div className="field checkbox-field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="isAdmin"
              checked={isAdmin}
              aria-describedby={adminHintId}
              aria-invalid={fieldProblems.isAdmin ? true : undefined}
              onChange={(event) => setIsAdmin(event.target.checked)}
            />
            <FormattedMessage {...words.isAdmin} />
          </label>
          <p id={adminHintId} className="field-hint">
            {fieldProblems.isAdmin ? (
              <span className="field-error">{say(intl, fieldProblems.isAdmin)}</span>
            ) : (
              intl.formatMessage(words.isAdminHint)
            )}
          </p>
        </div>
        {!user && (
          <TextField
            name="password"
            type="password"
            label={intl.formatMessage(words.password)}
            hint={intl.formatMessage(adminWords.passwordRules, { minimum: PASSWORD_MIN_LENGTH })}
            problem={fieldProblems.password}
            value={password}
            autoComplete="new-password"
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
        {formProblem && (
          <p className="form-error" role="alert">
            {say(intl, formProblem)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            <FormattedMessage {...(saving ? adminWords.saving : user ? adminWords.saveChanges : words.create)} />
          </button>
          <button type="button" onClick={onCancel} disabled={saving}>
            <FormattedMessage {...adminWords.cancel} />
          </button>
        </div>
      </form>
    </div>
  );
}
