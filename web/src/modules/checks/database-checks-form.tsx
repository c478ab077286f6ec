import { recordDatabaseChecksInput } from '@jointops/shared/checks';
import { CHECKED_DATABASES, type CheckedDatabase } from '@jointops/shared/domain';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { checkedDatabaseWords } from '../../i18n/codes';
import { SelectField, TextField } from '../../ui/fields';
import { RecordDatabaseChecksMutation } from './checks-documents';
import { CheckForm } from './check-form';
import { checkWords } from './check-words';
import { dayWords } from './checks-totals';
import { useRecordState } from './record-result';

const whole = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** One day's checks against one database, and their hits, for the viewer's agency. */
export function DatabaseChecksForm({ operationId, today, onRecorded }: { operationId: string; today: string; onRecorded(): void }) {
  const intl = useIntl();
  const [day, setDay] = useState(today);
  const [database, setDatabase] = useState<CheckedDatabase>('INTERPOL_SLTD');
  const [checks, setChecks] = useState('');
  const [hits, setHits] = useState('0');
  const { state, refusedInBrowser, answered } = useRecordState<{ checks: number; hits: number; day: string }>();
  const [{ fetching }, record] = useMutation(RecordDatabaseChecksMutation);

  const submit = async () => {
    const input = { operationId, checkedOn: day, database, checks: whole(checks), hits: whole(hits) };
    const checked = recordDatabaseChecksInput.safeParse(input);
    if (!checked.success) return refusedInBrowser(checked.error.issues);
    const outcome = await record({ input });
    if (answered(outcome.error, outcome.data?.recordDatabaseChecks, { checks: input.checks, hits: input.hits, day })) onRecorded();
  };

  return (
    <CheckForm
      legend={checkWords.databaseHeading}
      hint={checkWords.databaseHint}
      sending={fetching}
      problem={state.problem}
      onSubmit={() => void submit()}
      recorded={
        state.recorded && (
          <FormattedMessage
            {...checkWords.recordedDatabase}
            values={{ ...state.recorded, day: dayWords(intl.locale, state.recorded.day) }}
          />
        )
      }
    >
      <div className="form-row">
        <TextField
          label={intl.formatMessage(checkWords.day)}
          type="date"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          problem={state.fields.checkedOn}
        />
        <SelectField
          label={intl.formatMessage(checkWords.database)}
          value={database}
          onChange={(e) => setDatabase(e.target.value as CheckedDatabase)}
          options={CHECKED_DATABASES.map((value) => ({ value, label: intl.formatMessage(checkedDatabaseWords[value]) }))}
          problem={state.fields.database}
        />
      </div>
      <div className="form-row">
        <TextField
          label={intl.formatMessage(checkWords.checks)}
          inputMode="numeric"
          value={checks}
          onChange={(e) => setChecks(e.target.value)}
          problem={state.fields.checks}
        />
        <TextField
          label={intl.formatMessage(checkWords.hits)}
          inputMode="numeric"
          value={hits}
          onChange={(e) => setHits(e.target.value)}
          problem={state.fields.hits}
        />
      </div>
    </CheckForm>
  );
}
