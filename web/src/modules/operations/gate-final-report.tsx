import { recordFinalReportInput } from '@jointops/shared/operations';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql';
import { MutationProblemFields } from '../../graphql/mutation-problem';
import { defineMessages } from '../../i18n/define-messages';
import { describeError, problemsByField, say, type FieldProblems, type Problem } from '../../i18n/problems';
import { phaseWords } from '../../i18n/codes';
import { TextAreaField } from '../../ui/fields';
import { problemOfRequest } from './phase-advance';

const words = defineMessages({
  heading: { id: 'overview.finalReport.heading', defaultMessage: 'Record the final report' },
  hint: {
    id: 'overview.finalReport.hint',
    defaultMessage: 'The summary of results and lessons learnt that closes the operation. Once recorded, the criterion above is met.',
  },
  report: { id: 'overview.finalReport.report', defaultMessage: 'Final report' },
  submit: { id: 'overview.finalReport.submit', defaultMessage: 'Record the final report' },
  submitting: { id: 'overview.finalReport.submitting', defaultMessage: 'Recording…' },
  preview: { id: 'overview.finalReport.preview', defaultMessage: 'See the results release it completes, ready to print' },
});

const RecordFinalReportMutation = graphql(
  `
  mutation RecordFinalReport($input: RecordFinalReportInput!) {
    recordFinalReport(input: $input) {
      __typename
      ... on Operation {
        id
        finalReportRecordedAt
      }
      ...MutationProblem
    }
  }
`,
  [MutationProblemFields],
);

/** Coordinators and reviewers write the final report that the gate into CLOSED waits for. */
export function GateFinalReport({
  operationId,
  operationCode,
  onRecorded,
}: {
  operationId: string;
  operationCode: string;
  onRecorded(): void;
}) {
  const intl = useIntl();
  const [{ fetching }, record] = useMutation(RecordFinalReportMutation);
  const [report, setReport] = useState('');
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setProblem(null);
    const parsed = recordFinalReportInput.safeParse({ operationId, report });
    if (!parsed.success) {
      setFieldProblems(problemsByField(parsed.error.issues));
      const field = form.elements.namedItem('report');
      if (field instanceof HTMLTextAreaElement) field.focus();
      return;
    }
    setFieldProblems({});
    const { data, error } = await record({ input: parsed.data });
    const outcome = data?.recordFinalReport;
    if (!outcome) return setProblem(problemOfRequest(error));
    switch (outcome.__typename) {
      case 'Operation':
        setReport('');
        onRecorded();
        return;
      case 'ValidationError':
        setFieldProblems(problemsByField(outcome.fieldErrors));
        return;
      case 'PhaseRuleError':
        setProblem(describeError(outcome, intl.formatMessage(phaseWords[outcome.phase])));
        return;
      default:
        setProblem(describeError(outcome));
    }
  }

  return (
    <form className="form gate-final-report" noValidate onSubmit={(event) => void submit(event)}>
      <h3>
        <FormattedMessage {...words.heading} />
      </h3>
      <TextAreaField
        name="report"
        label={intl.formatMessage(words.report)}
        hint={intl.formatMessage(words.hint)}
        value={report}
        onChange={(event) => {
          setReport(event.target.value);
          setFieldProblems({});
        }}
        problem={fieldProblems.report}
        rows={8}
      />
      {problem && (
        <p className="form-error" role="alert">
          {say(intl, problem)}
        </p>
      )}
      <p>
        <Link to="/operations/$code/report" params={{ code: operationCode }} search={{ lang: intl.locale.startsWith('fr') ? 'fr' : 'en' }}>
          <FormattedMessage {...words.preview} />
        </Link>
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={fetching}>
          <FormattedMessage {...(fetching ? words.submitting : words.submit)} />
        </button>
      </div>
    </form>
  );
}
