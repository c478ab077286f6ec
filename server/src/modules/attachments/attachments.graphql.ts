import { builder } from '../../graphql/builder';
import { registerNodeLoader } from '../../graphql/node-loaders';
import { signedIn } from '../../graphql/signed-in';
import { UserType } from '../accounts/accounts.graphql';
import { AlertType } from '../alerts/alerts.graphql';
import { SeizureType } from '../seizures/seizures.graphql';
import { downloadUrlOf } from './attachments.http';
import { findVisibleAttachment, visibleAttachmentsOf } from './attachments.repo';

// Reached only through paths that already applied need-to-know: an alert's or a seizure report's
// files (read with the parent's condition again), node, and the events the viewer's agency is in
// the audience of. The bytes are not here: `downloadUrl` is where a signed-in member fetches them.
export const AttachmentType = builder.drizzleNode('attachments', {
  name: 'Attachment',
  description: 'A file on an alert or a seizure report, visible exactly to whoever may see that alert or report.',
  id: { column: (attachment) => attachment.id },
  fields: (t) => ({
    fileName: t.exposeString('fileName', { description: 'As the uploader named it.' }),
    contentType: t.exposeString('contentType', { description: 'What the content is (read from its first bytes), not what its name says.' }),
    size: t.exposeInt('size', { description: 'In bytes.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the content, in hexadecimal.' }),
    uploadedBy: t.relation('uploadedByUser', { type: UserType }),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime' }),
    downloadUrl: t.string({
      description: 'The path of `GET /attachments/:id`, relative to the server: the content, for a signed-in member who may see it.',
      select: { columns: { id: true } },
      resolve: (attachment) => downloadUrlOf(attachment),
    }),
  }),
});

registerNodeLoader('Attachment', (ctx, id) => (ctx.viewer ? findVisibleAttachment(ctx.db, ctx.viewer, id) : Promise.resolve(null)));

builder.objectField(AlertType, 'attachments', (t) =>
  t.field({
    type: [AttachmentType],
    description: 'The files added to this alert, oldest first.',
    resolve: (alert, _args, ctx) => visibleAttachmentsOf(ctx.db, signedIn(ctx).viewer, { alertId: alert.id }),
  }),
);

builder.objectField(SeizureType, 'attachments', (t) =>
  t.field({
    type: [AttachmentType],
    description: 'The files added to this seizure report, oldest first.',
    resolve: (seizure, _args, ctx) => visibleAttachmentsOf(ctx.db, signedIn(ctx).viewer, { seizureId: seizure.id }),
  }),
);
