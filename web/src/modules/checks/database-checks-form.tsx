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

const whole = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** One day's checks against one database, and their hits, for the viewer's agency. */
export function DatabaseChecksForm({
  operationId,
  days,
  onRecorded,
}: {
  operationId: string;
  days: readonly string[];
  onRecorded(): void;
}) {
  const intl = useIntl();
  const [database, setDatabase] = useState<CheckedDatabase>('INTERPOL_SLTD');
  const [checks, setChecks] = useState('');
  const [hits, setHits] = useState('0');
  const [, record] = useMutation(RecordDatabaseChecksMutation);

  return (
    <CheckForm
      legend={checkWords.databaseHeading}
      hint={checkWords.databaseHint}
      days={days}
      inputFor={(checkedOn) => ({ operationId, checkedOn, database, checks: whole(checks), hits: whole(hits) })}
      check={(input) => recordDatabaseChecksInput.safeParse(input)}
      send={async (input) => {
        const outcome = await record({ input });
        return { error: outcome.error, result: outcome.data?.recordDatabaseChecks };
      }}
      recorded={(input, day) => (
        <FormattedMessage {...checkWords.recordedDatabase} values={{ checks: input.checks, hits: input.hits, day }} />
      )}
      onRecorded={onRecorded}
    >
      {(problems) => (
        <>
          <SelectField
            label={intl.formatMessage(checkWords.database)}
            value={database}
            onChange={(e) => setDatabase(e.target.value as CheckedDatabase)}
            options={CHECKED_DATABASES.map((value) => ({ value, label: intl.formatMessage(checkedDatabaseWords[value]) }))}
            problem={problems.database}
          />
          <div className="form-row">
            <TextField
              label={intl.formatMessage(checkWords.checks)}
              inputMode="numeric"
              value={checks}
              onChange={(e) => setChecks(e.target.value)}
              problem={problems.checks}
            />
            <TextField
              label={intl.formatMessage(checkWords.hits)}
              inputMode="numeric"
              value={hits}
              onChange={(e) => setHits(e.target.value)}
              problem={problems.hits}
            />
          </div>
        </>
      )}
    </CheckForm>
  );
}
