import { Link } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';
import { useDocumentTitle } from '../ui/use-document-title';

const words = defineMessages({
  title: { id: 'notFound.title', defaultMessage: 'Not found' },
  explanation: {
    id: 'notFound.explanation',
    defaultMessage: 'There is nothing at this address that you may see. Check the address, or go back to your operations.',
  },
  back: { id: 'notFound.back', defaultMessage: 'Your operations' },
});

/**
 * The one answer for an address that does not exist and for one the reader may not see: the two
 * must look alike, or the page would tell an outsider that an operation exists.
 */
export function NotFoundPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage(words.title));
  return (
    <section className="panel not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">
        <FormattedMessage {...words.title} />
      </h1>
      <p>
        <FormattedMessage {...words.explanation} />
      </p>
      <Link to="/operations">
        <FormattedMessage {...words.back} />
      </Link>
    </section>
  );
}
