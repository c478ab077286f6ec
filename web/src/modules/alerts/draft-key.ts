import { useState } from 'react';

/**
 * A key for one draft (an alert, a feedback, a comment): sent with every attempt at it, so a
 * double click or a retry after a lost answer is recorded once. Random bytes rather than
 * crypto.randomUUID, which a browser offers only on https or localhost.
 */
export function newDraftKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The current draft's key, and a way to start the next draft once this one is recorded. */
export function useDraftKey(): readonly [key: string, nextDraft: () => void] {
  const [key, setKey] = useState(newDraftKey);
  return [key, () => setKey(newDraftKey())];
}
