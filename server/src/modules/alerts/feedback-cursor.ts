import { isUuid } from '../../global-id';
import type { FeedbackPosition } from './alert-feedback.repo';

const KIND = 'feedback';

/** Opaque cursors over (raised at, alert id): base64url of "feedback:<epoch ms>:<uuid>"; undefined when not one. */
export const feedbackCursor = {
  encode: ({ raisedAt, alertId }: FeedbackPosition): string =>
    Buffer.from(`${KIND}:${raisedAt.getTime()}:${alertId}`).toString('base64url'),
  decode: (cursor: string): FeedbackPosition | undefined => {
    const match = /^feedback:(\d{1,15}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!match || !isUuid(match[2]!)) return undefined;
    return { raisedAt: new Date(Number(match[1])), alertId: match[2]! };
  },
};
