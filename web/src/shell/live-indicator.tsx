import { useEffect, useEffectEvent } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';
import { openLiveConnection } from '../lib/live-socket';
import { useLiveState } from '../modules/live/live-state';
import { useNow } from '../ui/time';

const words = defineMessages({
  label: { id: 'shell.live.label', defaultMessage: 'Live link:' },
  connecting: { id: 'shell.live.connecting', defaultMessage: 'connecting' },
  connected: { id: 'shell.live.connected', defaultMessage: 'live' },
  catchingUp: { id: 'shell.live.catchingUp', defaultMessage: 'catching up' },
  offline: { id: 'shell.live.offline', defaultMessage: 'offline' },
  reconnecting: { id: 'shell.live.reconnecting', defaultMessage: 'reconnecting' },
  nextTry: { id: 'shell.live.nextTry', defaultMessage: 'reconnecting, next try at {time}' },
  tryingNow: { id: 'shell.live.tryingNow', defaultMessage: 'reconnecting, trying now' },
});

/** Holds the WebSocket open while someone is signed in and says, always in view, how it is. */
export function LiveIndicator({ onSessionEnded }: { onSessionEnded(): void }) {
  const intl = useIntl();
  const state = useLiveState();
  const sessionEnded = useEffectEvent(onSessionEnded);
  useEffect(() => openLiveConnection({ onForbidden: () => sessionEnded() }), []);
  // The time of the next try stays true while waiting: past it, the link is being tried.
  const now = useNow(1_000);
  let text: string;
  if (state.kind === 'reconnecting' && state.nextTryAt !== null) {
    text =
      state.nextTryAt > now
        ? intl.formatMessage(words.nextTry, { time: intl.formatTime(state.nextTryAt, { timeStyle: 'medium' }) })
        : intl.formatMessage(words.tryingNow);
  } else {
    text = intl.formatMessage(
      {
        connecting: words.connecting,
        connected: words.connected,
        'catching-up': words.catchingUp,
        offline: words.offline,
        reconnecting: words.reconnecting,
      }[state.kind],
    );
  }
  return (
    <p className="live-indicator" role="status" data-state={state.kind} data-testid="ws-state">
      <span className="live-dot" aria-hidden="true" />
      <span className="visually-hidden">{intl.formatMessage(words.label)} </span>
      {text}
    </p>
  );
}
