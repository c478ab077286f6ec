import { useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { defineMessages } from '../../i18n/define-messages';
import { LoadError, Skeleton } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { isCoordinator, isOpen, useOperation } from '../operations/operation-context';
import { InviteDirectory } from './invite-directory';
import { MembersSection } from './members-section';
import { ParticipationsQuery } from './participations-query';
import { ParticipationsSection } from './participations-section';
import './participants.css';

const words = defineMessages({
  title: { id: 'participants.title', defaultMessage: 'Participants' },
});

/**
 * Who takes part in the operation: the agencies and where each stands, the directory to invite
 * more (coordinators of an open operation), and the members with their roles. Every list follows
 * the operation's events by itself (the layout's subscription drops them from the cache).
 */
export function ParticipantsPage() {
  const intl = useIntl();
  const operation = useOperation();
  useDocumentTitle(intl.formatMessage(words.title), operation.code);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ParticipationsQuery, variables: { operationId: operation.id } });
  const participations = data?.operation?.participations;

  return (
    <div className="participants-page">
      {fetching && !data && <Skeleton lines={6} />}
      {error && !data && <LoadError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {participations && <ParticipationsSection participations={participations} />}
      {participations && isCoordinator(operation) && isOpen(operation) && <InviteDirectory participations={participations} />}
      <MembersSection />
    </div>
  );
}
