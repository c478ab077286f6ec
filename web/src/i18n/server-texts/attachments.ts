import { seizureStatusWords } from '../codes';
import { defineMessages } from '../define-messages';
import type { ServerText } from '../server-texts';

// Files attached to alerts and seizure reports (shared/src/attachments.ts and the attachments
// endpoints, server/src/modules/attachments/).

export const attachmentWords = defineMessages({
  fileNameFolders: { id: 'serverText.attachment.fileNameFolders', defaultMessage: 'A file name, without folders' },
  oneParent: { id: 'serverText.attachment.oneParent', defaultMessage: 'Name either an alert or a seizure report' },
  tooLarge: { id: 'serverText.attachment.tooLarge', defaultMessage: 'The file is too large: a file may have at most {mib, number} MiB.' },
  typeRefused: {
    id: 'serverText.attachment.typeRefused',
    defaultMessage: 'Only JPEG and PNG images and PDF documents can be attached; the content of this file is none of these.',
  },
  reportNotOpen: {
    id: 'serverText.attachment.reportNotOpen',
    defaultMessage: 'Files are added to a draft or a rejected report; this report is “{status}”.',
  },
  csrfHeader: {
    id: 'serverText.attachment.csrfHeader',
    defaultMessage: 'Uploads signed in with the session cookie must carry the {header} header.',
  },
  originNotAllowed: { id: 'serverText.attachment.originNotAllowed', defaultMessage: 'This page’s origin may not send files here.' },
});

export const attachmentTexts: readonly ServerText[] = [
  { pattern: /^A file name, without folders$/, message: attachmentWords.fileNameFolders },
  { pattern: /^Name either an alert or a seizure report$/, message: attachmentWords.oneParent },
  {
    pattern: /^A file may have at most \d+ bytes \((?<mib>\d+(?:\.\d+)?) MiB\)\.$/,
    message: attachmentWords.tooLarge,
    values: { mib: 'decimal' },
  },
  {
    pattern: /^Only JPEG and PNG images and PDF documents can be attached; the content of this file is none of these\.$/,
    message: attachmentWords.typeRefused,
  },
  {
    pattern: /^Files are added to a draft or a rejected report; this report is (?<status>[A-Z_]+)\.$/,
    message: attachmentWords.reportNotOpen,
    values: { status: seizureStatusWords },
  },
  {
    pattern: /^Uploads signed in with the session cookie must carry the (?<header>[a-z-]+) header\.$/,
    message: attachmentWords.csrfHeader,
  },
  { pattern: /^Origin not allowed$/, message: attachmentWords.originNotAllowed },
];
