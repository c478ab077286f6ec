import type { IntlShape } from 'react-intl';
import { markingMeaningWords, outcomeWords, severityWords, tlpLabel } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { agencyLabel } from '../../ui/agency';
import { actorName, quantityOf, type EventDescription, type EventTag } from './event-description';
import type { EventOf, TimelineEvent } from './timeline-documents';

// Alerts: raised, acknowledged (or not in time), commented, given feedback, settled by a seizure,
// amended (a graver one to be acknowledged again) or withdrawn.
// Each names the alert by reference and title, with its severity in words and its TLP label.

const words = defineMessages({
  raised: { id: 'timeline.event.alertRaised', defaultMessage: '{actor} raised alert {reference}: “{title}”' },
  acknowledged: { id: 'timeline.event.alertAcknowledged', defaultMessage: '{actor} acknowledged alert {reference}: “{title}”' },
  overdue: {
    id: 'timeline.event.alertOverdue',
    defaultMessage: 'Alert {reference} (“{title}”) was not acknowledged in time by {agency}',
  },
  overdueToCoordinators: {
    id: 'timeline.event.alertOverdueToCoordinators',
    defaultMessage:
      'Alert {reference} (“{title}”) is still not acknowledged by {agency}, long past its deadline: escalated to the coordinators',
  },
  commented: { id: 'timeline.event.alertCommented', defaultMessage: '{actor} commented on alert {reference}: “{title}”' },
  feedback: { id: 'timeline.event.alertFeedbackGiven', defaultMessage: '{actor} gave feedback on alert {reference}: {outcome}' },
  reconciled: {
    id: 'timeline.event.alertReconciled',
    defaultMessage: 'Seizure report {seizure} ({quantity}) by {actor} settles alert {reference} as seized',
  },
  amended: { id: 'timeline.event.alertAmended', defaultMessage: '{actor} amended alert {reference} (version {version}): “{title}”' },
  withdrawn: { id: 'timeline.event.alertWithdrawn', defaultMessage: '{actor} withdrew alert {reference}: “{title}”' },
  overdueTag: { id: 'timeline.tag.overdue', defaultMessage: 'Overdue' },
  acknowledgeAgainTag: { id: 'timeline.tag.acknowledgeAgain', defaultMessage: 'Acknowledge again' },
  withdrawnTag: { id: 'timeline.tag.withdrawn', defaultMessage: 'Withdrawn' },
});

type AlertFields = EventOf<'AlertRaisedEvent'>['alert'];

const SEVERITY_TONE: Record<AlertFields['severity'], EventTag['tone']> = {
  CRITICAL: 'danger',
  HIGH: 'warn',
  MEDIUM: 'neutral',
  LOW: 'neutral',
};

/** The alert's severity in words, then its TLP label (a code, never translated) with its meaning on hover. */
function alertTags(intl: IntlShape, alert: AlertFields): EventTag[] {
  return [
    { text: intl.formatMessage(severityWords[alert.severity]), tone: SEVERITY_TONE[alert.severity] },
    { text: tlpLabel(alert.marking), tone: 'tlp', title: intl.formatMessage(markingMeaningWords[alert.marking]) },
  ];
}

export function describeAlertEvent(intl: IntlShape, event: TimelineEvent): EventDescription | null {
  const actor = actorName(intl, event.actor);
  switch (event.__typename) {
    case 'AlertRaisedEvent':
    case 'AlertAcknowledgedEvent':
    case 'AlertCommentedEvent': {
      const message = { AlertRaisedEvent: words.raised, AlertAcknowledgedEvent: words.acknowledged, AlertCommentedEvent: words.commented }[
        event.__typename
      ];
      const { alert } = event;
      return {
        sentence: intl.formatMessage(message, { actor, reference: alert.reference, title: alert.title }),
        tags: alertTags(intl, alert),
      };
    }
    case 'AlertOverdueEvent': {
      const { alert } = event;
      const agency = agencyLabel(intl.locale, event.agency);
      return {
        // Level 2: the operation's second escalation level, taken to the coordinating agency.
        sentence: intl.formatMessage(event.level === 2 ? words.overdueToCoordinators : words.overdue, {
          reference: alert.reference,
          title: alert.title,
          agency,
        }),
        tags: [{ text: intl.formatMessage(words.overdueTag), tone: 'danger' }, ...alertTags(intl, alert)],
      };
    }
    case 'AlertFeedbackGivenEvent': {
      const outcome = intl.formatMessage(outcomeWords[event.outcome]);
      return {
        sentence: intl.formatMessage(words.feedback, { actor, reference: event.alert.reference, outcome }),
        tags: alertTags(intl, event.alert),
      };
    }
    case 'AlertAmendedEvent': {
      const { alert } = event;
      const again: EventTag[] = event.severityRaised ? [{ text: intl.formatMessage(words.acknowledgeAgainTag), tone: 'warn' }] : [];
      return {
        sentence: intl.formatMessage(words.amended, { actor, reference: alert.reference, version: event.version, title: alert.title }),
        tags: [...again, ...alertTags(intl, alert)],
      };
    }
    case 'AlertWithdrawnEvent': {
      const { alert } = event;
      return {
        sentence: intl.formatMessage(words.withdrawn, { actor, reference: alert.reference, title: alert.title }),
        tags: [{ text: intl.formatMessage(words.withdrawnTag), tone: 'neutral' }, ...alertTags(intl, alert)],
      };
    }
    case 'AlertReconciledEvent': {
      const { alert, seizure } = event;
      const values = { actor, reference: alert.reference, seizure: seizure.reference, quantity: quantityOf(intl, seizure) };
      return { sentence: intl.formatMessage(words.reconciled, values), tags: alertTags(intl, alert) };
    }
    default:
      return null;
  }
}
