import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import type { ServiceContext } from '../service-context';
import { addAttachment } from '../modules/attachments/attachments.service';
import { ATTACHMENT_CHUNK_BYTES } from '../modules/attachments/attachments.repo';
import { receiveUpload } from '../modules/attachments/upload-body';

// The files of the demo's corrected report: a photograph of the igniters laid out by the piece
// and the x-ray operator's note, both made here so the demo needs no file of its own.

/** A PNG of `width` × `height` pixels: grey with a darker band, like a photo of boxes on a table. */
export function demoPng(width = 48, height = 32): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // 8 bits per sample, greyscale, default compression, filter and interlace.
  header.writeUInt8(8, 8);
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: width }, () => (y > 10 && y < 22 ? 90 : 200))]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with `lines` of text, its cross-reference table counted out byte by byte. */
export function demoPdf(lines: string[]): Buffer {
  const text = lines.map((line, index) => `BT /F1 11 Tf 56 ${780 - index * 16} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Attaches `bytes` to the seizure as an upload would: read, chunked and hashed the same way. */
export async function attachDemoFile(ctx: ServiceContext, seizureId: string, fileName: string, bytes: Buffer): Promise<void> {
  const body = await receiveUpload(Readable.from([bytes]), ctx.config.attachmentMaxBytes, ATTACHMENT_CHUNK_BYTES);
  if (body.kind !== 'received') throw new Error(`the demo file ${fileName} is over the attachment limit`);
  await addAttachment(ctx, { seizureId, fileName }, body.file);
}
