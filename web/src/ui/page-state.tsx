import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';
import type { CombinedError } from 'urql';
import { problemWords } from '../i18n/problem-words';

const words = defineMessages({
  loading: { id: 'ui.loading', defaultMessage: 'Loading…' },
  retry: { id: 'ui.retry', defaultMessage: 'Try again' },
  offline: {
    id: 'ui.notAvailableOffline',
    defaultMessage: 'Not available offline: this page needs the server. What you write waits in the outbox and goes once the link is back.',
  },
});

/** Grey bars in the shape of what is coming, announced once to screen readers. */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  const intl = useIntl();
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{intl.formatMessage(words.loading)}</span>
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the placeholder lines are alike and never reordered.
        <span key={index} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}

/** What is not there yet, and what to do about it. */
export function EmptyState({ title, hint, action }: { title: ReactNode; hint?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {hint && <p className="empty-hint">{hint}</p>}
      {action}
    </div>
  );
}

/** A read that failed, in words, with a way to try again. */
export function LoadError({ error, onRetry }: { error: CombinedError | undefined; onRetry(): void }) {
  const intl = useIntl();
  // Without a network the page cannot come: said as such, not as a fault to retry at once.
  const offline = !!error?.networkError && !navigator.onLine;
  const words_ = offline ? words.offline : error?.networkError ? problemWords.serverUnreachable : problemWords.unexpected;
  return (
    <div className="load-error" role="alert">
      <p>{intl.formatMessage(words_)}</p>
      <button type="button" onClick={onRetry}>
        <FormattedMessage {...words.retry} />
      </button>
    </div>
  );
}
