import type { IntlShape } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { actorName, type EventDescription } from './event-description';
import type { TimelineEvent } from './timeline-documents';

// Files added to an alert or a seizure report: the file by its name, the parent by its reference.

const words = defineMessages({
  toAlert: { id: 'timeline.event.attachmentAddedToAlert', defaultMessage: '{actor} attached {fileName} to alert {reference}' },
  toSeizure: {
    id: 'timeline.event.attachmentAddedToSeizure',
    defaultMessage: '{actor} attached {fileName} to seizure report {reference}',
  },
});

export function describeAttachmentEvent(intl: IntlShape, event: TimelineEvent): EventDescription | null {
  if (event.__typename !== 'AttachmentAddedEvent') return null;
  const parent = event.attachedToAlert ?? event.attachedToSeizure;
  const message = event.attachedToAlert ? words.toAlert : words.toSeizure;
  return {
    sentence: intl.formatMessage(message, {
      actor: actorName(intl, event.actor),
      fileName: event.attachment.fileName,
      reference: parent?.reference ?? '',
    }),
  };
}
