import type { Ref } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel } from '../../ui/agency';
import { DateTime } from '../../ui/time';
import { EventDetails } from '../timeline/event-details';
import type { AuditEntry } from './audit-documents';
import { describeDetails, isOverride, referenceIn } from './audit-details';
import { actionName, refusalOf, targetName } from './audit-words';

const words = defineMessages({
  system: { id: 'audit.who.system', defaultMessage: 'The system' },
  systemHint: { id: 'audit.who.systemHint', defaultMessage: 'On its own schedule (overdue alerts)' },
  accepted: { id: 'audit.outcome.accepted', defaultMessage: 'Accepted' },
  refused: { id: 'audit.outcome.refused', defaultMessage: 'Refused' },
  override: { id: 'audit.override', defaultMessage: 'Override' },
  notRecorded: { id: 'audit.notRecorded', defaultMessage: 'Not recorded' },
  targetWithReference: { id: 'audit.target.withReference', defaultMessage: '{type} <ref>{reference}</ref>' },
  shortId: { id: 'audit.target.shortId', defaultMessage: 'Identifier beginning {start}' },
});

function NotRecorded() {
  return (
    <>
      <span aria-hidden="true" className="muted">
        —
      </span>
      <span className="visually-hidden">
        <FormattedMessage {...words.notRecorded} />
      </span>
    </>
  );
}

/** What the attempt was on: this operation by its code, an alert or report by reference, else a short form of its id. */
function Target({ entry, operationCode }: { entry: AuditEntry; operationCode: string }) {
  const intl = useIntl();
  if (!entry.targetType) return <NotRecorded />;
  const type = targetName(intl, entry.targetType);
  const reference = entry.targetType === 'Operation' ? operationCode : referenceIn(entry.details);
  if (reference)
    return (
      <FormattedMessage
        {...words.targetWithReference}
        values={{ type, reference, ref: (chunks) => <span className="audit-reference">{chunks}</span> }}
      />
    );
  if (!entry.targetId) return <>{type}</>;
  const start = entry.targetId.slice(0, 8);
  return (
    <>
      {type} {/* A <code> has no role that takes a name, so the spoken form is text of its own. */}
      <code className="audit-short-id" title={entry.targetId}>
        <span aria-hidden="true">{start}</span>
        <span className="visually-hidden">{intl.formatMessage(words.shortId, { start })}</span>
      </code>
    </>
  );
}

interface AuditRowProps {
  entry: AuditEntry;
  /** Set on the first row of a page just loaded: it takes the focus, so the reader continues from there. */
  ref?: Ref<HTMLTableRowElement> | undefined;
  operationCode: string;
  referenceZone: string;
}

export function AuditRow({ entry, operationCode, referenceZone, ref }: AuditRowProps) {
  const intl = useIntl();
  const override = isOverride(entry.details);
  const details = describeDetails(intl, entry.details);
  const refusal = entry.outcome === 'SUCCEEDED' ? null : refusalOf(intl, entry.reason);
  return (
    <tr ref={ref} tabIndex={ref ? -1 : undefined} className={override ? 'audit-override' : undefined}>
      <td className="audit-when">
        <DateTime value={entry.occurredAt} referenceZone={referenceZone} />
      </td>
      <td>
        {entry.actor ? (
          <span className="audit-actor">{entry.actor.displayName}</span>
        ) : (
          <span className="audit-actor" title={intl.formatMessage(words.systemHint)}>
            <FormattedMessage {...words.system} />
          </span>
        )}
        {entry.actorAgency && <span className="audit-agency">{agencyLabel(intl.locale, entry.actorAgency)}</span>}
      </td>
      <td>
        <span className="audit-action">{actionName(intl, entry.action)}</span>
        {override && (
          <span className="badge badge-warn audit-override-badge">
            <span aria-hidden="true">⚠ </span>
            <FormattedMessage {...words.override} />
          </span>
        )}
        <EventDetails details={details} className="audit-details" />
      </td>
      <td>
        <Target entry={entry} operationCode={operationCode} />
      </td>
      <td>
        {refusal ? (
          <>
            <span className="badge badge-danger">
              <FormattedMessage {...words.refused} />
            </span>
            <span className="audit-refusal">{refusal.words}</span>
            {refusal.recorded && (
              <span className="audit-recorded" lang="en">
                {refusal.recorded}
              </span>
            )}
          </>
        ) : (
          <span className="badge badge-ok">
            <FormattedMessage {...words.accepted} />
          </span>
        )}
      </td>
      <td>{entry.sourceAddress ? <code>{entry.sourceAddress}</code> : <NotRecorded />}</td>
      <td>{entry.requestId ? <code className="audit-request">{entry.requestId}</code> : <NotRecorded />}</td>
    </tr>
  );
}
