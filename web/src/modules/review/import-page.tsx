import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient, useMutation, useQuery } from 'urql';
import { describeError, say, type Problem } from '../../i18n/problems';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { actsForAgency } from '../alerts/alert-permissions';
import { useOperation } from '../operations/operation-context';
import { refusalOf } from '../participants/refusals';
import { ImportCatalogueQuery, ImportSeizuresMutation, SeizureTemplateQuery } from './import-documents';
import { previewImport, rowProblem, type ImportPreview, type PreviewProblem } from './import-preview';
import { ImportProblems, ImportRows } from './import-tables';
import { importWords } from './import-words';
import './review.css';
import { FilePicker } from '../../ui/file-picker';

type Answer =
  | { kind: 'imported'; imported: number; earlier: number }
  | { kind: 'rejected'; problems: PreviewProblem[] }
  | { kind: 'refused'; problem: Problem };

/** Saves `text` as a file the browser downloads, as a link to it would. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

/** The seizure import: the template, the file's preview with every problem, then all rows or none. */
export function ImportPage() {
  const intl = useIntl();
  const operation = useOperation();
  useDocumentTitle(intl.formatMessage(importWords.title), operation.code);
  const allowed = actsForAgency(operation) && (operation.phase === 'OPERATIONAL' || operation.phase === 'POST_OPERATIONAL');
  return (
    <section className="import-page" aria-labelledby="import-title">
      <h2 id="import-title">
        <FormattedMessage {...importWords.title} />
      </h2>
      {allowed ? (
        <Importer />
      ) : (
        <p className="muted">
          <FormattedMessage {...importWords.notAllowed} />
        </p>
      )}
    </section>
  );
}

function Importer() {
  const intl = useIntl();
  const client = useClient();
  const operation = useOperation();
  const inputId = useId();
  const [{ data, error }, reexecute] = useQuery({ query: ImportCatalogueQuery, variables: { operationId: operation.id } });
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [templateFailed, setTemplateFailed] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [{ fetching: sending }, importFile] = useMutation(ImportSeizuresMutation);
  const catalogue = data?.operation;
  const preview: ImportPreview | null = useMemo(
    () =>
      file && catalogue
        ? previewImport(file.text, {
            version: catalogue.catalogueVersion,
            ids: new Map(catalogue.commodities.map((item) => [item.code, item.id])),
          })
        : null,
    [file, catalogue],
  );

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setAnswer(null);
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  };
  const downloadTemplate = async () => {
    const result = await client.query(SeizureTemplateQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    setTemplateFailed(!result.data);
    if (result.data) download('seizure-import-template.csv', result.data.seizureImportTemplate);
  };
  const send = async () => {
    if (!file) return;
    const outcome = await importFile({ input: { operationId: operation.id, csv: file.text } });
    const result = outcome.data?.importSeizures;
    if (result?.__typename === 'ImportSeizuresSuccess')
      setAnswer({ kind: 'imported', imported: result.importedCount, earlier: result.alreadyImportedCount });
    else if (result?.__typename === 'ImportRejectedError') setAnswer({ kind: 'rejected', problems: result.rowErrors.map(rowProblem) });
    else if (result?.__typename === 'ImportTooLargeError')
      setAnswer({
        kind: 'refused',
        problem: { message: importWords.tooLarge, values: { maxRows: result.maxRows, maxBytes: result.maxBytes } },
      });
    else setAnswer({ kind: 'refused', problem: refusalOf(outcome.error, result) ?? describeError({ code: 'UNEXPECTED', message: '' }) });
  };

  if (!catalogue)
    return error ? <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : <Skeleton lines={3} />;
  return (
    <>
      <p className="muted">
        <FormattedMessage {...importWords.intro} />
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void downloadTemplate()}>
          <FormattedMessage {...importWords.template} />
        </button>
        {templateFailed && (
          <p className="form-error" role="alert">
            <FormattedMessage {...importWords.templateFailed} />
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={inputId}>
          <FormattedMessage {...importWords.file} />
        </label>
        <FilePicker
          id={inputId}
          accept=".csv,text/csv"
          aria-describedby={`${inputId}-hint`}
          chosen={file ? [file] : []}
          onChange={(event) => void choose(event)}
        />
        <p id={`${inputId}-hint`} className="field-hint">
          <FormattedMessage {...importWords.fileHint} />
        </p>
      </div>
      {file && preview && (
        <>
          <p className="import-summary" role="status">
            <FormattedMessage
              {...importWords.summary}
              values={{ file: file.name, rows: preview.rows.length, problems: preview.problems.length }}
            />
          </p>
          {preview.problems.length > 0 ? (
            <>
              <ImportProblems caption={importWords.problemsCaption} problems={preview.problems} />
              <p className="muted">
                <FormattedMessage {...importWords.correctFirst} />
              </p>
            </>
          ) : (
            <div className="form-actions">
              <button type="button" className="primary" disabled={sending || answer?.kind === 'imported'} onClick={() => void send()}>
                <FormattedMessage {...importWords.importRows} values={{ count: preview.rows.length }} />
              </button>
            </div>
          )}
          <div aria-live="polite">
            {sending && (
              <p className="import-progress">
                <progress aria-label={intl.formatMessage(importWords.progress)} />{' '}
                <FormattedMessage {...importWords.sending} values={{ count: preview.rows.length }} />
              </p>
            )}
            {answer?.kind === 'imported' && (
              <p className="form-success">
                <FormattedMessage {...importWords.imported} values={{ imported: answer.imported, earlier: answer.earlier }} />
              </p>
            )}
            {answer?.kind === 'refused' && (
              <p className="form-error" role="alert">
                {say(intl, answer.problem)}
              </p>
            )}
          </div>
          {answer?.kind === 'rejected' && <ImportProblems caption={importWords.serverProblemsCaption} problems={answer.problems} />}
          <ImportRows rows={preview.rows} />
        </>
      )}
    </>
  );
}
