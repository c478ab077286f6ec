import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import { useSession } from '../../shell/viewer-context';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useOperation } from '../operations/operation-context';
import { UploadList, useUploads } from './attachment-upload';
import { formOptionsOf } from './form-options';
import { SeizureFormOptionsQuery, type SeizureDetail } from './seizure-documents';
import { draftOfSeizure, type SeizureDraft } from './seizure-draft';
import { SeizureForm } from './seizure-form';
import { useCorrectSeizure } from './seizure-writes';

const words = defineMessages({
  correct: { id: 'seizures.correct.open', defaultMessage: 'Correct the report' },
  editDraft: { id: 'seizures.correct.editDraft', defaultMessage: 'Edit the draft' },
  heading: { id: 'seizures.correct.heading', defaultMessage: 'Correct the report' },
  cancel: { id: 'seizures.correct.cancel', defaultMessage: 'Cancel' },
});

/** The reporter's correction: of a draft, kept a draft; of a rejected report, sent back to the reviewers at once. */
export function SeizureCorrection({ seizure }: { seizure: SeizureDetail }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  if (!open)
    return (
      <div className="form-actions">
        <button type="button" onClick={() => setOpen(true)}>
          <FormattedMessage {...(seizure.status === 'DRAFT' ? words.editDraft : words.correct)} />
        </button>
      </div>
    );
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage {...(seizure.status === 'DRAFT' ? words.editDraft : words.heading)} />
      </h3>
      <CorrectionForm seizure={seizure} onDone={() => setOpen(false)} />
    </section>
  );
}

function CorrectionForm({ seizure, onDone }: { seizure: SeizureDetail; onDone(): void }) {
  const operation = useOperation();
  const { timeZone } = useSession();
  const [, correct] = useCorrectSeizure();
  const [uploads, upload] = useUploads();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SeizureFormOptionsQuery, variables: { operationId: operation.id } });
  if (fetching && !data) return <Skeleton lines={8} />;
  if (error && !data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const submit = async (draft: SeizureDraft, _submit: boolean, files: readonly File[]) => {
    const refusal = await correct(seizure.id, draft);
    if (refusal) return refusal;
    if (files.length === 0 || (await upload(seizure.id, files))) onDone();
    return null;
  };
  return (
    <SeizureForm
      mode={seizure.status === 'DRAFT' ? 'editDraft' : 'correct'}
      initialDraft={draftOfSeizure(seizure, timeZone)}
      options={formOptionsOf(data?.operation)}
      onSubmit={submit}
      progress={<UploadList uploads={uploads} />}
      cancel={
        <button type="button" onClick={onDone}>
          <FormattedMessage {...words.cancel} />
        </button>
      }
    />
  );
}
