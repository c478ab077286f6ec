import type { ReactNode } from 'react';

/**
 * What may outgrow its panel on the wall screen (panels.css lets it scroll inside the panel there):
 * focusable, so that a keyboard can scroll to what is out of view.
 */
export function PanelScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled without a mouse (WCAG 2.1.1).
    <div className="room-panel-scroll" role="group" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
