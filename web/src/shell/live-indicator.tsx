import { useEffect, useEffectEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';
import { openLiveConnection, type LiveState } from '../lib/live-socket';

const words = defineMessages({
  label: { id: 'shell.live.label', defaultMessage: 'Live link:' },
  connecting: { id: 'shell.live.connecting', defaultMessage: 'connecting' },
  connected: { id: 'shell.live.connected', defaultMessage: 'live' },
  closed: { id: 'shell.live.closed', defaultMessage: 'reconnecting' },
});

/** Holds the WebSocket open while someone is signed in and says, always in view, how it is. */
export function LiveIndicator({ onSessionEnded }: { onSessionEnded(): void }) {
  const intl = useIntl();
  const [state, setState] = useState<LiveState>('connecting');
  const sessionEnded = useEffectEvent(onSessionEnded);
  useEffect(() => openLiveConnection({ onStateChange: setState, onForbidden: () => sessionEnded() }), []);
  return (
    <p className="live-indicator" role="status" data-state={state} data-testid="ws-state">
      <span className="live-dot" aria-hidden="true" />
      <span className="visually-hidden">{intl.formatMessage(words.label)} </span>
      {intl.formatMessage(words[state])}
    </p>
  );
}
