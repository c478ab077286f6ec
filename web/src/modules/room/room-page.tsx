import { useNavigate, useSearch } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { useOperation } from '../operations/operation-context';
import { AlertFeed } from './alert-feed';
import { useSoundChoice } from './alert-sound';
import { ArrivalAnnouncer } from './arrival-announcer';
import { RoomPanels } from './panels/room-panels';
import { AwaitingCount } from './awaiting-count';
import { RoomFilters } from './room-filters';
import type { RoomSearch } from './room-search';
import { useRoomLive } from './use-room-live';
import './room.css';

const words = defineMessages({
  title: { id: 'room.heading', defaultMessage: 'Operations room' },
  alerts: { id: 'room.alerts', defaultMessage: 'Alerts' },
  sound: { id: 'room.sound', defaultMessage: 'Sound for new alerts' },
  glance: { id: 'room.panels', defaultMessage: 'The operation at a glance' },
  resynced: {
    id: 'room.resynced',
    defaultMessage: 'Some events could not be replayed after the link came back: the room has been reloaded from the server.',
  },
});

/**
 * The live room of one operation: the count awaiting the viewer's agency, the alert feed, and the
 * panels (map, tallies, figures, clocks, activity) beside it, all fed by the operation's stream.
 */
export function RoomPage() {
  const intl = useIntl();
  const operation = useOperation();
  const search = useSearch({ from: '/operations/$code/room' });
  const navigate = useNavigate({ from: '/operations/$code/room' });
  const setFilter = (change: RoomSearch) => void navigate({ search: (before) => ({ ...before, ...change }), replace: true });
  const [sound, setSound] = useSoundChoice();
  const live = useRoomLive(operation.id);

  return (
    <div className="room">
      <div className="room-header">
        <h2>
          <FormattedMessage {...words.title} />
        </h2>
        <AwaitingCount
          operationId={operation.id}
          operationCode={operation.code}
          onShow={() => setFilter({ awaiting: 'acknowledgement' })}
        />
        <label className="sound-choice">
          <input type="checkbox" checked={sound} onChange={(event) => setSound(event.target.checked)} />
          <FormattedMessage {...words.sound} />
        </label>
      </div>
      <ArrivalAnnouncer operationId={operation.id} sound={sound} />
      {live.resyncedAt && (
        <p className="notice" role="status">
          <FormattedMessage {...words.resynced} />
        </p>
      )}
      <div className="room-grid">
        <section className="panel room-feed" aria-label={intl.formatMessage(words.alerts)}>
          <RoomFilters operationCode={operation.code} search={search} onChange={setFilter} />
          <AlertFeed
            key={`${live.generation}|${search.severity}|${search.category}|${search.agency}|${search.country}|${search.awaiting}`}
            operation={operation}
            search={search}
            patches={live.patches}
            onClearFilters={() =>
              setFilter({ severity: undefined, category: undefined, agency: undefined, country: undefined, awaiting: undefined })
            }
          />
        </section>
        <aside className="room-side" aria-label={intl.formatMessage(words.glance)}>
          <RoomPanels
            operationId={operation.id}
            operationCode={operation.code}
            referenceZone={operation.referenceTimeZone}
            chosenCountry={search.country ?? null}
            onCountryChosen={(country) => setFilter({ country: country ?? undefined })}
          />
        </aside>
      </div>
    </div>
  );
}
