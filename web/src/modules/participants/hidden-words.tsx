import type { ReactNode } from 'react';

/**
 * For messages such as "Invite <hidden>{agency}</hidden>": the button shows "Invite" in its row,
 * and a screen reader (or a test) hears which agency it invites. The visible words stay the start
 * of the accessible name, as WCAG's label-in-name asks.
 */
export const hiddenWords = {
  hidden: (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>,
};
