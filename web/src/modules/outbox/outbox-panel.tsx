import { lazy, Suspense, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { useOutbox } from './outbox-context';
import { outboxWords as words } from './outbox-words';
import './outbox.css';

// The list, with its edit form (zod) and the refusals' words, is fetched when first opened: the
// count in the header is on every screen, the list rarely.
const OutboxPanel = lazy(() => import('./outbox-list').then((module) => ({ default: module.OutboxPanel })));

/**
 * The shell's outbox: while anything waits, its count stays in the header, and the button opens
 * the list where each write can be read, corrected or discarded.
 */
export function OutboxControl() {
  const intl = useIntl();
  const { items } = useOutbox();
  const [open, setOpen] = useState(false);
  const [top, setTop] = useState(0);
  const panelId = useId();
  const refused = items.filter((item) => item.state === 'refused').length;
  const waiting = items.length - refused;
  if (items.length === 0 && !open) return null;
  return (
    <div className="outbox-control">
      <button
        type="button"
        className={refused ? 'outbox-button outbox-button-refused' : 'outbox-button'}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={(event) => {
          // The panel hangs from the viewport's right edge, just under the button, wherever the header wrapped it.
          setTop(event.currentTarget.getBoundingClientRect().bottom + 6);
          setOpen(!open);
        }}
      >
        {intl.formatMessage(refused ? words.openWithRefused : words.open, { waiting, refused })}
      </button>
      {open && (
        <Suspense fallback={null}>
          <OutboxPanel id={panelId} top={top} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
