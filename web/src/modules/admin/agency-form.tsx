import { agencyCountryProblem, createAgencyInput, updateAgencyInput } from '@jointops/shared/accounts';
import { AGENCY_KINDS, type AgencyKind } from '@jointops/shared/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { agencyKindWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { problemsByField, say, type FieldProblems, type Problem } from '../../i18n/problems';
import { SelectField, TextField } from '../../ui/fields';
import { adminWords } from './admin-words';
import { countryOptions } from './country-options';
import { refusalOf } from './refusals';
import { TimeZoneField } from './time-zone-field';

const words = defineMessages({
  newHeading: { id: 'admin.agencyForm.newHeading', defaultMessage: 'New agency' },
  editHeading: { id: 'admin.agencyForm.editHeading', defaultMessage: 'Edit {name}' },
  name: { id: 'admin.agencyForm.name', defaultMessage: 'Name' },
  nameHint: { id: 'admin.agencyForm.nameHint', defaultMessage: 'As the agency writes it; it is never translated.' },
  acronym: { id: 'admin.agencyForm.acronym', defaultMessage: 'Acronym' },
  kind: { id: 'admin.agencyForm.kind', defaultMessage: 'Kind' },
  country: { id: 'admin.agencyForm.country', defaultMessage: 'Country' },
  noCountry: { id: 'admin.agencyForm.noCountry', defaultMessage: 'None (international organisation)' },
  timeZone: { id: 'admin.agencyForm.timeZone', defaultMessage: 'Time zone' },
  create: { id: 'admin.agencyForm.create', defaultMessage: 'Create agency' },
});

export const AdminAgencyFields = graphql(`
  fragment AdminAgencyFields on Agency {
    id
    name
    acronym
    kind
    countryCode
    timeZone
    active
  }
`);

export type AdminAgency = ResultOf<typeof AdminAgencyFields>;

const CreateAgencyMutation = graphql(
  `
    mutation CreateAgency($input: CreateAgencyInput!) {
      createAgency(input: $input) {
        __typename
        ...AdminAgencyFields
        ...MutationProblem
      }
    }
  `,
  [AdminAgencyFields, MutationProblemFields],
);

const UpdateAgencyMutation = graphql(
  `
    mutation UpdateAgency($input: UpdateAgencyInput!) {
      updateAgency(input: $input) {
        __typename
        ...AdminAgencyFields
        ...MutationProblem
      }
    }
  `,
  [AdminAgencyFields, MutationProblemFields],
);

const FIELDS = ['name', 'acronym', 'kind', 'countryCode', 'timeZone'] as const;

interface AgencyFormProps {
  /** The agency to edit; none to create one. */
  agency?: AdminAgency | undefined;
  onSaved(agency: AdminAgency): void;
  onCancel(): void;
}

/** Creating or editing an agency: checked in the browser with the server's own schemas first. */
export function AgencyForm({ agency, onSaved, onCancel }: AgencyFormProps) {
  const intl = useIntl();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(agency?.name ?? '');
  const [acronym, setAcronym] = useState(agency?.acronym ?? '');
  const [kind, setKind] = useState<AgencyKind>(agency?.kind ?? 'CUSTOMS');
  const [countryCode, setCountryCode] = useState(agency?.countryCode ?? '');
  const [timeZone, setTimeZone] = useState(agency?.timeZone ?? '');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [created, createAgency] = useMutation(CreateAgencyMutation);
  const [updated, updateAgency] = useMutation(UpdateAgencyMutation);
  const saving = created.fetching || updated.fetching;

  useEffect(() => focusField(form.current, 'name'), []);

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
    const values = { name, acronym, kind, countryCode: countryCode || null, timeZone: timeZone.trim() || null };
    if (!agency) {
      const parsed = createAgencyInput.safeParse(values);
      if (!parsed.success) return refuse(problemsByField(parsed.error.issues), null);
      refuse({}, null);
      const { data, error } = await createAgency({ input: parsed.data });
      const result = data?.createAgency;
      if (result?.__typename === 'Agency') return onSaved(result);
      const refusal = refusalOf(error, result, FIELDS);
      return refuse(refusal.fields, refusal.problem);
    }
    const parsed = updateAgencyInput.safeParse({ agencyId: agency.id, ...values });
    // The update schema cannot see the stored kind; here every field is sent, so the rule applies as on creation.
    const countryProblem = agencyCountryProblem({ kind, countryCode: values.countryCode });
    const issues = [
      ...(parsed.success ? [] : parsed.error.issues),
      ...(countryProblem ? [{ path: ['countryCode'], message: countryProblem }] : []),
    ];
    if (!parsed.success || issues.length) return refuse(problemsByField(issues), null);
    refuse({}, null);
    const { data, error } = await updateAgency({ input: parsed.data });
    const result = data?.updateAgency;
    if (result?.__typename === 'Agency') return onSaved(result);
    const refusal = refusalOf(error, result, FIELDS);
    return refuse(refusal.fields, refusal.problem);
  }

  return (
    <div className="panel admin-form">
      <form ref={form} className="form" noValidate aria-labelledby={headingId} onSubmit={(event) => void save(event)}>
        <h3 id={headingId}>
          {agency ? intl.formatMessage(words.editHeading, { name: agency.name }) : intl.formatMessage(words.newHeading)}
        </h3>
        <div className="form-row">
          <TextField
            name="name"
            label={intl.formatMessage(words.name)}
            hint={intl.formatMessage(words.nameHint)}
            problem={fieldProblems.name}
            value={name}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
          />
          <TextField
            name="acronym"
            label={intl.formatMessage(words.acronym)}
            problem={fieldProblems.acronym}
            value={acronym}
            autoComplete="off"
            onChange={(event) => setAcronym(event.target.value)}
          />
        </div>
        <div className="form-row">
          <SelectField
            name="kind"
            label={intl.formatMessage(words.kind)}
            problem={fieldProblems.kind}
            value={kind}
            options={AGENCY_KINDS.map((code) => ({ value: code, label: intl.formatMessage(agencyKindWords[code]) }))}
            onChange={(event) => setKind(event.target.value as AgencyKind)}
          />
          <SelectField
            name="countryCode"
            label={intl.formatMessage(words.country)}
            problem={fieldProblems.countryCode}
            value={countryCode}
            options={[{ value: '', label: intl.formatMessage(words.noCountry) }, ...countryOptions(intl.locale, agency?.countryCode)]}
            onChange={(event) => setCountryCode(event.target.value)}
          />
        </div>
        <TimeZoneField
          label={intl.formatMessage(words.timeZone)}
          hint={intl.formatMessage(adminWords.timeZoneHint)}
          problem={fieldProblems.timeZone}
          value={timeZone}
          onChange={setTimeZone}
        />
        {formProblem && (
          <p className="form-error" role="alert">
            {say(intl, formProblem)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            <FormattedMessage {...(saving ? adminWords.saving : agency ? adminWords.saveChanges : words.create)} />
          </button>
          <button type="button" onClick={onCancel} disabled={saving}>
            <FormattedMessage {...adminWords.cancel} />
          </button>
        </div>
      </form>
    </div>
  );
}

/** Puts the cursor in a field, by its name: the first refused one, or the first of the form. */
export function focusField(form: HTMLFormElement | null, name: string | undefined): void {
  const control = name ? form?.elements.namedItem(name) : null;
  if (control instanceof HTMLElement) control.focus();
}
