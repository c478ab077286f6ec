import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient } from 'urql';
import type { VariablesOf } from '../../graphql/graphql';
import { defineMessages } from '../../i18n/define-messages';
import { ResultsCsvQuery } from './results-documents';

const words = defineMessages({
  download: { id: 'results.csv.download', defaultMessage: 'Download CSV' },
  downloading: { id: 'results.csv.downloading', defaultMessage: 'Preparing the file…' },
  failed: { id: 'results.csv.failed', defaultMessage: 'The file could not be prepared. Try again.' },
});

export type CsvTable = VariablesOf<typeof ResultsCsvQuery>['table'];

/** Hands the browser a file to save, as a link to it would. */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; the next turn may let the blob go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface CsvDownloadProps {
  operationId: string;
  operationCode: string;
  includeUnverified: boolean;
  table: CsvTable;
  /** The id of the heading naming the table, so that each button says which table it saves. */
  describedBy?: string;
}

/**
 * The API's own CSV of one table, asked for when wanted (never with the page: eleven files nobody
 * may want) and saved as a file, so that the file is exactly what the API exports.
 */
export function CsvDownload({ operationId, operationCode, includeUnverified, table, describedBy }: CsvDownloadProps) {
  const intl = useIntl();
  const client = useClient();
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle');

  async function download() {
    setState('working');
    const { data } = await client
      .query(ResultsCsvQuery, { operationId, includeUnverified, table }, { requestPolicy: 'network-only' })
      .toPromise();
    const csv = data?.operationResults.csv;
    if (csv === undefined) return setState('failed');
    saveFile(`${operationCode}-${table}${includeUnverified ? '-with-unverified' : ''}.csv`, csv);
    setState('idle');
  }

  return (
    <span className="results-csv">
      <button type="button" onClick={() => void download()} disabled={state === 'working'} aria-describedby={describedBy}>
        <FormattedMessage {...(state === 'working' ? words.downloading : words.download)} />
      </button>
      {state === 'failed' && (
        <span className="form-error" role="alert">
          {intl.formatMessage(words.failed)}
        </span>
      )}
    </span>
  );
}
