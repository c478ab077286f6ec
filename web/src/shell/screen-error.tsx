import type { ErrorComponentProps } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';
import { ScreenUnavailableError } from './screen-chunks';

const words = defineMessages({
  unavailable: {
    id: 'shell.screenUnavailable',
    defaultMessage: 'This screen could not be downloaded: the link may have dropped. Check it, then reload the page.',
  },
  failed: { id: 'shell.screenFailed', defaultMessage: 'This screen stopped on an error. Reload the page to try again.' },
  reload: { id: 'shell.reload', defaultMessage: 'Reload the page' },
});

/** What a route shows when its screen cannot be drawn, rather than a blank page: why, and a way out. */
export function ScreenError({ error }: ErrorComponentProps) {
  return (
    <div className="notice" role="alert">
      <p>
        <FormattedMessage {...(error instanceof ScreenUnavailableError ? words.unavailable : words.failed)} />
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        <FormattedMessage {...words.reload} />
      </button>
    </div>
  );
}
