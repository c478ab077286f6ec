import { isUuid } from '../../global-id';
import type { AwaitingPosition } from './alerts.repo';

const KIND = 'awaiting';

/** Opaque cursors over (deadline, alert id): base64url of "awaiting:<epoch ms>:<uuid>"; undefined when not one. */
export const awaitingCursor = {
  encode: ({ dueAt, alertId }: AwaitingPosition): string => Buffer.from(`${KIND}:${dueAt.getTime()}:${alertId}`).toString('base64url'),
  decode: (cursor: string): AwaitingPosition | undefined => {
    const match = /^awaiting:(\d{1,15}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!match || !isUuid(match[2]!)) return undefined;
    return { dueAt: new Date(Number(match[1])), alertId: match[2]! };
  },
};
