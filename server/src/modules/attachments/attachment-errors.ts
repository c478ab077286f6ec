import { ERROR_CODES } from '@jointops/shared/errors';
import { DomainError } from '../../domain-errors';

/** A file over ATTACHMENT_MAX_BYTES, refused as soon as the upload passed the limit. */
export class AttachmentTooLargeError extends DomainError {
  readonly code = ERROR_CODES.ATTACHMENT_TOO_LARGE;
  constructor(readonly maxBytes: number) {
    super(`A file may have at most ${maxBytes} bytes (${(maxBytes / 1_048_576).toFixed(1)} MiB).`);
  }
}

/** A file that is no JPEG, PNG or PDF by its content, whatever its name or declared type say. */
export class AttachmentTypeRefusedError extends DomainError {
  readonly code = ERROR_CODES.ATTACHMENT_TYPE_REFUSED;
  constructor() {
    super('Only JPEG and PNG images and PDF documents can be attached; the content of this file is none of these.');
  }
}
