import type { AttachmentContentType } from '@jointops/shared/attachments';

// What a file is, from its first bytes. A name ending in .jpg or a declared `image/jpeg` says
// nothing: an HTML page named photo.jpg would be served back as whatever the name claimed.

const SIGNATURES: readonly { type: AttachmentContentType; bytes: readonly number[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // "%PDF-"
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The kind of file these first bytes begin, or null for anything not kept. */
export function detectContentType(head: Uint8Array): AttachmentContentType | null {
  const match = SIGNATURES.find(({ bytes }) => bytes.length <= head.length && bytes.every((byte, index) => head[index] === byte));
  return match?.type ?? null;
}
