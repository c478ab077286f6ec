import { addAttachmentInput, type AddAttachmentInput } from '@jointops/shared/attachments';
import type { Db } from '../../db/client';
import { ConflictError, DomainError, NotFoundError } from '../../domain-errors';
import { entityForAction } from '../../entity-for-action';
import { uuidFromGlobalId } from '../../global-id';
import { audited, auditRefusal, type AuditedAction } from '../../journal/audited';
import { recordEvent } from '../../journal/record-event';
import type { ServiceContext } from '../../service-context';
import { parseInput } from '../../validate';
import { alertAccess, type AlertFacts } from '../alerts/alert-access';
import { eventAudience } from '../alerts/alerts.policy';
import { requireOpen, requireViewer } from '../operations/operation-access';
import type { Standing } from '../operations/operations.policy';
import { requireReportingPhase, seizureForAction } from '../seizures/seizure-access';
import { seizureEventAudience } from '../seizures/seizures.policy';
import { detectContentType } from './attachment-content';
import { AttachmentTooLargeError, AttachmentTypeRefusedError } from './attachment-errors';
import { canAttachToAlert, canAttachToSeizure, seizureTakesFiles } from './attachments.policy';
import { attachmentBytes, findVisibleAttachment, insertAttachment, type AttachmentRow } from './attachments.repo';
import type { ReceivedFile } from './upload-body';

const ADD_ATTACHMENT: AuditedAction = { action: 'addAttachment', targetType: 'Attachment' };

/** Where a file goes: its parent's columns, the operation, and the audience its event gets (the parent's). */
interface UploadTarget {
  parent: { alertId: string } | { seizureId: string };
  operationId: string;
  audience: string[] | null;
}

/**
 * The parent an upload names, with its operation locked when `tx` is a transaction, checked for the
 * caller: not visible is answered as not existing (NotFoundError), visible but not theirs to add
 * to as FORBIDDEN, and the parent's phase and state rules as their own errors.
 */
async function uploadTarget(tx: Db, ctx: ServiceContext, input: AddAttachmentInput): Promise<UploadTarget> {
  if (input.alertId !== undefined) {
    const mayAdd = (standing: Standing, { audience }: AlertFacts) => canAttachToAlert(standing, audience);
    const found = await entityForAction(tx, requireViewer(ctx), alertAccess, input.alertId, mayAdd, 'add files to this alert');
    requireOpen(found.operation, 'Adding a file to an alert');
    return { parent: { alertId: found.entity.alert.id }, operationId: found.operation.id, audience: eventAudience(found.entity.audience) };
  }
  const { seizure, operation } = await seizureForAction(tx, ctx, input.seizureId!, canAttachToSeizure, 'add files to this seizure report');
  requireReportingPhase(operation, 'Adding a file to a seizure report');
  if (!seizureTakesFiles(seizure.status))
    throw new ConflictError(`Files are added to a draft or a rejected report; this report is ${seizure.status}.`);
  return { parent: { seizureId: seizure.id }, operationId: operation.id, audience: seizureEventAudience(seizure) };
}

/**
 * Checks an upload before its body is read, so a caller who may not add the file sends no bytes
 * for nothing. The same checks run again, under the lock, when the file is stored.
 */
export async function admitUpload(ctx: ServiceContext, rawInput: unknown): Promise<AddAttachmentInput> {
  try {
    const input = parseInput(addAttachmentInput, rawInput);
    await uploadTarget(ctx.db, ctx, input);
    return input;
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(ctx, ADD_ATTACHMENT, error);
    throw error;
  }
}

/** Records that an upload was cut off at the size limit; nothing of it was stored. */
export async function refuseTooLargeUpload(ctx: ServiceContext, input: AddAttachmentInput, receivedBytes: number): Promise<DomainError> {
  const error = new AttachmentTooLargeError(ctx.config.attachmentMaxBytes);
  await auditRefusal(ctx, { ...ADD_ATTACHMENT, details: { ...parentOf(input), fileName: input.fileName, receivedBytes } }, error);
  return error;
}

const parentOf = (input: AddAttachmentInput) => (input.alertId !== undefined ? { alertId: input.alertId } : { seizureId: input.seizureId });

/** Stores a received file on its parent: the row, its bytes, its event and its audit row, in one transaction. */
export async function addAttachment(ctx: ServiceContext, input: AddAttachmentInput, file: ReceivedFile): Promise<AttachmentRow> {
  const details = { ...parentOf(input), fileName: input.fileName, size: file.size };
  return audited(ctx, { ...ADD_ATTACHMENT, details }, async (tx) => {
    const target = await uploadTarget(tx, ctx, input);
    const contentType = detectContentType(file.chunks[0] ?? new Uint8Array());
    if (!contentType) throw new AttachmentTypeRefusedError();
    const viewer = requireViewer(ctx);
    const sha256 = file.sha256.toString('hex');
    const attachment = await insertAttachment(
      tx,
      {
        ...target.parent,
        operationId: target.operationId,
        fileName: input.fileName,
        contentType,
        size: file.size,
        sha256,
        uploadedBy: viewer.userId,
        uploadedAt: ctx.clock.now(),
      },
      file.chunks,
    );
    await recordEvent(tx, ctx, target.operationId, 'ATTACHMENT_ADDED', { attachmentId: attachment.id, ...target.parent }, target.audience);
    return { result: attachment, targetId: attachment.id, operationId: target.operationId, details: { contentType, sha256 } };
  });
}

/** A file the viewer may see, with its bytes to stream; not visible is answered as not existing. */
export async function openAttachment(ctx: ServiceContext, globalId: string) {
  const viewer = requireViewer(ctx);
  const id = uuidFromGlobalId(globalId, 'Attachment');
  const attachment = id ? await findVisibleAttachment(ctx.db, viewer, id) : null;
  if (!attachment) throw new NotFoundError('Attachment');
  return { attachment, bytes: () => attachmentBytes(ctx.db, attachment.id) };
}
