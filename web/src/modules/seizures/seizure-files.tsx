import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import { AlertFiles } from '../alerts/alert-links';
import { useOperation } from '../operations/operation-context';
import { UploadList, useUploads } from './attachment-upload';
import { SeizureQuery, type SeizureDetail } from './seizure-documents';
import { fieldWords } from './seizure-words';
import { FilePicker } from '../../ui/file-picker';

const words = defineMessages({
  none: { id: 'seizures.files.none', defaultMessage: 'No file added.' },
  add: { id: 'seizures.files.add', defaultMessage: 'Add the files' },
  choose: { id: 'seizures.files.choose', defaultMessage: 'Add files' },
});

/** The report's files, each a download the server checks again; the reporting agency adds more while the report is its own (a draft, or sent back). */
export function SeizureFiles({ seizure, mayAdd }: { seizure: SeizureDetail; mayAdd: boolean }) {
  const intl = useIntl();
  const operation = useOperation();
  const inputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, upload] = useUploads();
  // Asked again once the files are in: the upload answers outside GraphQL, so the cache cannot know.
  const [, refresh] = useQuery({ query: SeizureQuery, variables: { id: seizure.id }, pause: true });
  const add = async () => {
    await upload(seizure.id, files);
    setFiles([]);
    refresh({ requestPolicy: 'network-only' });
  };
  return (
    <AlertFiles files={seizure.attachments} referenceZone={operation.referenceTimeZone} empty={<FormattedMessage {...words.none} />}>
      {mayAdd && (
        <div className="field">
          <label htmlFor={inputId}>{intl.formatMessage(words.choose)}</label>
          <FilePicker
            id={inputId}
            multiple
            accept="image/jpeg,image/png,application/pdf"
            aria-describedby={`${inputId}-hint`}
            chosen={files}
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            <FormattedMessage {...fieldWords.attachmentsHint} />
          </p>
          <UploadList uploads={uploads} />
          {files.length > 0 && (
            <button type="button" onClick={() => void add()}>
              <FormattedMessage {...words.add} />
            </button>
          )}
        </div>
      )}
    </AlertFiles>
  );
}
