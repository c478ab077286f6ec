import type { IntlShape } from 'react-intl';
import { participationStatusWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel } from '../../ui/agency';
import { actorName, agencyShort, type EventDescription, type EventTag } from './event-description';
import type { TimelineEvent } from './timeline-documents';

// Who takes part: agencies invited, answering, withdrawn; people given a role or losing it.

const words = defineMessages({
  invited: {
    id: 'timeline.event.agencyInvited',
    defaultMessage:
      '{actor} invited {agency} to take part {role, select, COORDINATING {as a coordinating agency} OBSERVING {as an observer} other {as a participating agency}}',
  },
  accepted: { id: 'timeline.event.invitationAccepted', defaultMessage: '{actor} accepted the invitation on behalf of {agency}' },
  declined: { id: 'timeline.event.invitationDeclined', defaultMessage: '{actor} declined the invitation on behalf of {agency}' },
  withdrawn: { id: 'timeline.event.participationWithdrawn', defaultMessage: '{actor} withdrew {agency} from the operation' },
  changed: { id: 'timeline.event.participationChanged', defaultMessage: '{actor} changed the participation of {agency}' },
  assigned: {
    id: 'timeline.event.memberAssigned',
    defaultMessage:
      '{actor} made {member} ({agency}) {role, select, COORDINATOR {a coordinator} CONTACT_POINT {a contact point} REVIEWER {a reviewer} OBSERVER {an observer} other {a member}} of the operation',
  },
  removed: {
    id: 'timeline.event.memberRemoved',
    defaultMessage:
      '{actor} removed {member} ({agency}) from the operation, where they were {role, select, COORDINATOR {a coordinator} CONTACT_POINT {a contact point} REVIEWER {a reviewer} OBSERVER {an observer} other {a member}}',
  },
  reason: { id: 'timeline.detail.withdrawalReason', defaultMessage: 'Reason given' },
});

const STATUS_TONE: Record<string, EventTag['tone']> = { INVITED: 'neutral', ACCEPTED: 'ok', DECLINED: 'neutral', WITHDRAWN: 'danger' };

const statusTag = (intl: IntlShape, status: string): EventTag[] =>
  Object.hasOwn(participationStatusWords, status)
    ? [
        {
          text: intl.formatMessage(participationStatusWords[status as keyof typeof participationStatusWords]),
          tone: STATUS_TONE[status] ?? 'neutral',
        },
      ]
    : [];

export function describeParticipationEvent(intl: IntlShape, event: TimelineEvent): EventDescription | null {
  const actor = actorName(intl, event.actor);
  switch (event.__typename) {
    case 'ParticipationChangedEvent': {
      const agency = agencyLabel(intl.locale, event.participation.agency);
      const message =
        { INVITED: words.invited, ACCEPTED: words.accepted, DECLINED: words.declined, WITHDRAWN: words.withdrawn }[event.statusAfter] ??
        words.changed;
      return {
        sentence: intl.formatMessage(message, { actor, agency, role: event.participation.role }),
        tags: statusTag(intl, event.statusAfter),
        details: event.withdrawalReason ? [{ label: intl.formatMessage(words.reason), text: event.withdrawalReason }] : [],
      };
    }
    case 'MemberAssignedEvent':
    case 'MemberRemovedEvent': {
      // The role the event gave or ended, not the member's role of today.
      const values = { actor, member: event.member.user.displayName, agency: agencyShort(event.member.agency), role: event.role };
      return { sentence: intl.formatMessage(event.__typename === 'MemberAssignedEvent' ? words.assigned : words.removed, values) };
    }
    default:
      return null;
  }
}
