import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { say, type Problem } from '../../i18n/problems';

/** What was done, kept as a message so it is re-worded when the reader switches language. */
export type Done = Problem;

/**
 * Says that an action confirmed in a dialog was done, and takes the focus: the row that opened
 * the dialog has moved or gone, so a keyboard user continues from here rather than from the top.
 */
export function DoneNotice({ done }: { done: Done | null }) {
  const intl = useIntl();
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) notice.current?.focus();
  }, [done]);
  if (!done) return null;
  return (
    <p ref={notice} className="form-success done-notice" role="status" tabIndex={-1}>
      {say(intl, done)}
    </p>
  );
}
