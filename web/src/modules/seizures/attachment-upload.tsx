import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { describeError, say } from '../../i18n/problems';
import { uploadFile, type UploadRefusal } from './upload-file';

const words = defineMessages({
  uploads: { id: 'seizures.upload.list', defaultMessage: 'Files being added' },
  progress: { id: 'seizures.upload.progress', defaultMessage: '{file}: {percent, number, percent}' },
  done: { id: 'seizures.upload.done', defaultMessage: '{file}: added' },
  refused: { id: 'seizures.upload.refused', defaultMessage: '{file}: not added. {reason}' },
});

export interface Upload {
  fileName: string;
  /** From 0 to 1, the part of the file sent. */
  sent: number;
  state: 'sending' | 'added' | 'refused';
  refusal?: UploadRefusal;
}

/** Adds files to a seizure report one after the other, with each one's progress; answers whether all were added. */
export function useUploads(): readonly [
  uploads: readonly Upload[],
  upload: (seizureId: string, files: readonly File[]) => Promise<boolean>,
] {
  const [uploads, setUploads] = useState<readonly Upload[]>([]);
  const upload = async (seizureId: string, files: readonly File[]) => {
    setUploads(files.map((file) => ({ fileName: file.name, sent: 0, state: 'sending' })));
    let allAdded = true;
    for (const [index, file] of files.entries()) {
      const update = (changes: Partial<Upload>) =>
        setUploads((before) => before.map((upload, at) => (at === index ? { ...upload, ...changes } : upload)));
      const refusal = await uploadFile(seizureId, file.name, file, (sent) => update({ sent }));
      if (refusal) allAdded = false;
      update(refusal ? { state: 'refused', refusal } : { state: 'added', sent: 1 });
    }
    return allAdded;
  };
  return [uploads, upload];
}

/** Each file's progress, then whether it was added or why not. */
export function UploadList({ uploads }: { uploads: readonly Upload[] }) {
  const intl = useIntl();
  if (uploads.length === 0) return null;
  return (
    <ul className="seizure-uploads" aria-label={intl.formatMessage(words.uploads)} aria-live="polite">
      {uploads.map((upload) => (
        <li key={upload.fileName}>
          {upload.state === 'sending' && (
            <>
              <FormattedMessage {...words.progress} values={{ file: upload.fileName, percent: upload.sent }} />
              <progress max={1} value={upload.sent} aria-label={upload.fileName} />
            </>
          )}
          {upload.state === 'added' && <FormattedMessage {...words.done} values={{ file: upload.fileName }} />}
          {upload.state === 'refused' && upload.refusal && (
            <span className="field-error">
              <FormattedMessage
                {...words.refused}
                values={{ file: upload.fileName, reason: say(intl, describeError({ ...upload.refusal, phase: null })) }}
              />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
