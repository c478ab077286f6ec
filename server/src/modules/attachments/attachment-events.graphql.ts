import { AlertType } from '../alerts/alerts.graphql';
import { findAlertById } from '../alerts/alerts.repo';
import { SeizureType } from '../seizures/seizures.graphql';
import { findSeizureById } from '../seizures/seizures.repo';
import { eventType } from '../timeline/operation-event.graphql';
import { AttachmentType } from './attachments.graphql';
import { findAttachmentById } from './attachments.repo';

// The event carries its parent's audience, recorded with it: whoever receives it may see the file
// and the alert or report it is on.
eventType(
  'AttachmentAddedEvent',
  ['ATTACHMENT_ADDED'],
  (t) => ({
    attachment: t.field({
      type: AttachmentType,
      resolve: async (event, _args, ctx) => (await findAttachmentById(ctx.db, event.data.attachmentId))!,
    }),
    alert: t.field({
      type: AlertType,
      nullable: true,
      resolve: (event, _args, ctx) => (event.data.alertId ? findAlertById(ctx.db, event.data.alertId) : null),
    }),
    seizure: t.field({
      type: SeizureType,
      nullable: true,
      resolve: (event, _args, ctx) => (event.data.seizureId ? findSeizureById(ctx.db, event.data.seizureId) : null),
    }),
  }),
  'A file added to an alert or to a seizure report: one of the two is named.',
);
