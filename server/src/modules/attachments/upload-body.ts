import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

// An upload's body, read as it arrives: hashed on the way, cut into the chunks it is stored in,
// and given up the moment it passes the limit. No multipart parser is involved: the body IS the file.

export interface ReceivedFile {
  /** The bytes in chunks of `chunkBytes` (the last one shorter), as they will be stored. */
  chunks: Buffer[];
  size: number;
  /** SHA-256 of the bytes. */
  sha256: Buffer;
}

export type UploadBody = { kind: 'received'; file: ReceivedFile } | { kind: 'too-large'; receivedBytes: number };

/**
 * Reads `body` whole unless it passes `maxBytes`; then stops at once, leaves the rest unread and
 * answers `too-large`. Memory held is the file's size, rounded up to a chunk: never more than the limit allows.
 */
export function receiveUpload(body: Readable, maxBytes: number, chunkBytes: number): Promise<UploadBody> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let filled = chunkBytes;
    let size = 0;
    const stop = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', reject);
    };
    const onData = (data: Buffer) => {
      size += data.length;
      if (size > maxBytes) {
        stop();
        body.pause();
        resolve({ kind: 'too-large', receivedBytes: size });
        return;
      }
      hash.update(data);
      for (let offset = 0; offset < data.length; ) {
        if (filled === chunkBytes) {
          chunks.push(Buffer.allocUnsafe(chunkBytes));
          filled = 0;
        }
        const copied = data.copy(chunks[chunks.length - 1]!, filled, offset);
        filled += copied;
        offset += copied;
      }
    };
    const onEnd = () => {
      stop();
      if (chunks.length) chunks[chunks.length - 1] = chunks[chunks.length - 1]!.subarray(0, filled);
      resolve({ kind: 'received', file: { chunks, size, sha256: hash.digest() } });
    };
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', reject);
  });
}
