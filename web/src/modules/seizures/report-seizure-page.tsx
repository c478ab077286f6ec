import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { phaseWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { useSession } from '../../shell/viewer-context';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { actsForAgency } from '../alerts/alert-permissions';
import { useDraftKey } from '../alerts/draft-key';
import { useOperation } from '../operations/operation-context';
import { useOutbox } from '../outbox/outbox-context';
import { WaitingWrites } from '../outbox/waiting-writes';
import { UploadList, useUploads } from './attachment-upload';
import { formOptionsOf } from './form-options';
import { SeizureFormOptionsQuery } from './seizure-documents';
import { emptyDraft, type SeizureDraft } from './seizure-draft';
import { SeizureForm } from './seizure-form';
import { mayReportIn } from './seizure-permissions';
import { useKeepFilesWithReport, useReportSeizure, useSubmitSeizure, type FilesKept } from './seizure-writes';
import './seizures.css';

const words = defineMessages({
  title: { id: 'seizures.report.title', defaultMessage: 'Report a seizure' },
  intro: {
    id: 'seizures.report.intro',
    defaultMessage:
      'A draft is seen by your agency only. Submitted, the report goes to the operation’s reviewers, who verify it or send it back with a reason.',
  },
  notYourRole: {
    id: 'seizures.report.notYourRole',
    defaultMessage:
      'Only the contact points and coordinators of an agency report seizures for it. Your role in this operation does not allow it.',
  },
  notThisPhase: {
    id: 'seizures.report.notThisPhase',
    defaultMessage: 'Seizures are reported in the operational phase, and late ones after it. The operation is now in the {phase} phase.',
  },
  filesNotKept: {
    id: 'seizures.report.filesNotKept',
    defaultMessage: 'The report went as a draft before its files could be kept with it: add them from its page, then submit it.',
  },
  filesNotStored: {
    id: 'seizures.report.filesNotStored',
    defaultMessage:
      'The report waits in the outbox for the link, but this device could not keep its {count, plural, one {file} other {# files}} ({names}): its storage may be full. Once the report is sent, attach {count, plural, one {it} other {them}} again from its page{submit, select, true {, then submit it} other {}}.',
  },
  waitingWithFiles: {
    id: 'seizures.report.waitingWithFiles',
    defaultMessage:
      'The report waits in the outbox for the link, with its {count, plural, one {file} other {# files}}. Once the link is back, the report goes first, then its {count, plural, one {file} other {files}}{submit, select, true {, and then it is submitted to the reviewers} other {; it stays a draft}}.',
  },
  cancel: { id: 'seizures.report.cancel', defaultMessage: 'Cancel' },
});

export function ReportSeizurePage() {
  const intl = useIntl();
  const operation = useOperation();
  const headingId = useId();
  useDocumentTitle(intl.formatMessage(words.title), operation.code);
  const refusedBecause = !actsForAgency(operation)
    ? intl.formatMessage(words.notYourRole)
    : !mayReportIn(operation.phase)
      ? intl.formatMessage(words.notThisPhase, { phase: intl.formatMessage(phaseWords[operation.phase]) })
      : null;
  return (
    <section className="seizure-report" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage {...words.title} />
      </h2>
      {refusedBecause ? (
        <p className="panel">{refusedBecause}</p>
      ) : (
        <>
          <p className="muted">
            <FormattedMessage {...words.intro} />
          </p>
          <ReportSeizureForm />
        </>
      )}
    </section>
  );
}

function ReportSeizureForm() {
  const intl = useIntl();
  const operation = useOperation();
  const { viewer, timeZone } = useSession();
  const navigate = useNavigate();
  const [draftKey, nextDraft] = useDraftKey();
  const [, report] = useReportSeizure();
  const [, submitReport] = useSubmitSeizure();
  const [uploads, upload] = useUploads();
  const keepFiles = useKeepFilesWithReport();
  const { items: outboxItems } = useOutbox();
  const [filesWaiting, setFilesWaiting] = useState<{ key: string; names: string[]; submit: boolean; kept: FilesKept } | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SeizureFormOptionsQuery, variables: { operationId: operation.id } });

  if (fetching && !data) return <Skeleton lines={8} />;
  if (error && !data) return <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;

  const submit = async (draft: SeizureDraft, submit: boolean, files: readonly File[]) => {
    // A submitted report takes no more files (the reviewers verify what they were sent): with files,
    // the report is made a draft, they are added to it, and then it is submitted.
    const withFiles = files.length > 0;
    const answer = await report(draft, submit && !withFiles, draftKey);
    setFilesWaiting(null);
    if (answer === 'waiting') {
      // Handed to the outbox, which says so above: the form starts the next report afresh.
      if (withFiles) {
        const kept = await keepFiles(draftKey, files, submit);
        setFilesWaiting({ key: draftKey, names: files.map((file) => file.name), submit, kept });
      }
      nextDraft();
      return null;
    }
    if ('refusal' in answer) return answer.refusal;
    // The report exists: a file refused is said on its line, and the report's page lists what was added.
    const allAdded = !withFiles || (await upload(answer.seizureId, files));
    if (!allAdded) return null;
    // Refused now (the phase moved on meanwhile), the draft's own page says why and offers it again.
    if (submit && withFiles) await submitReport(answer.seizureId);
    await navigate({ to: '/operations/$code/seizures/$id', params: { code: operation.code, id: answer.seizureId } });
    return null;
  };

  return (
    <>
      <WaitingWrites match={(write) => write.kind === 'reportSeizure' && write.input.operationId === operation.id} />
      {/* Said while the report waits with its files; once it went, the outbox's list says what became of it. */}
      {filesWaiting?.kept === 'kept' && outboxItems.some((item) => item.key === filesWaiting.key && item.state === 'waiting') && (
        <p className="panel" role="status">
          <FormattedMessage
            {...words.waitingWithFiles}
            values={{ count: filesWaiting.names.length, submit: String(filesWaiting.submit) }}
          />
        </p>
      )}
      {/* Files left behind are the user's to attach again: said until the next report, whatever became of this one. */}
      {filesWaiting?.kept === 'reportWentWithout' && (
        <p className="panel" role="alert">
          <FormattedMessage {...words.filesNotKept} />
        </p>
      )}
      {filesWaiting?.kept === 'deviceCouldNotKeep' && (
        <p className="panel" role="alert">
          <FormattedMessage
            {...words.filesNotStored}
            values={{
              count: filesWaiting.names.length,
              names: intl.formatList(filesWaiting.names, { type: 'conjunction' }),
              submit: String(filesWaiting.submit),
            }}
          />
        </p>
      )}
      <SeizureForm
        key={draftKey}
        mode="report"
        initialDraft={emptyDraft(viewer.agency.countryCode ?? '', timeZone)}
        options={formOptionsOf(data?.operation)}
        onSubmit={submit}
        progress={<UploadList uploads={uploads} />}
        cancel={
          <Link to="/operations/$code/seizures" params={{ code: operation.code }} className="button">
            <FormattedMessage {...words.cancel} />
          </Link>
        }
      />
    </>
  );
}
