import { z } from 'zod';
import { keyed } from './refusals';
import { globalId, requiredText } from './validation';

// Files attached to an alert or a seizure report. What a file IS is read from its first bytes on
// the server, never from its name or the type the uploader declared: only these formats are kept,
// each recognised by a signature no HTML page, script or SVG image can start with. Plain text and
// CSV are left out on purpose: they have no signature, so an HTML page could pass for them.

export const ATTACHMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

export const FILE_NAME_FOLDER_MESSAGE = 'A file name, without folders';
export const ONE_PARENT_MESSAGE = 'Name either an alert or a seizure report';

/** The query of `POST /attachments`: the alert or the seizure the file is for, and its name. */
export const addAttachmentInput = z
  .object({
    alertId: globalId.optional(),
    seizureId: globalId.optional(),
    fileName: requiredText(255).refine((name) => !/[/\\]/.test(name), {
      error: FILE_NAME_FOLDER_MESSAGE,
      ...keyed('FILE_NAME_WITH_FOLDER'),
    }),
  })
  .superRefine((input, ctx) => {
    if ((input.alertId === undefined) === (input.seizureId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [input.alertId === undefined ? 'alertId' : 'seizureId'],
        message: ONE_PARENT_MESSAGE,
        ...keyed('ALERT_OR_SEIZURE'),
      });
  });
export type AddAttachmentInput = z.output<typeof addAttachmentInput>;
