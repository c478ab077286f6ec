import { ActivityStrip } from './activity-strip';
import { HeadlineFigures } from './headline-figures';
import { RoomClocks } from './room-clocks';
import { RoomMap } from './room-map';
import { SeizureTally } from './seizure-tally';
import './panels.css';

interface RoomPanelsProps {
  operationId: string;
  referenceZone: string;
  chosenCountry?: string | null;
  onCountryChosen(countryCode: string | null): void;
}

/** Everything in the room besides the alert feed: figures, map, seizures, clocks and the latest activity. */
export function RoomPanels({ operationId, referenceZone, chosenCountry = null, onCountryChosen }: RoomPanelsProps) {
  return (
    <div className="room-panels">
      <HeadlineFigures operationId={operationId} />
      <RoomMap operationId={operationId} chosenCountry={chosenCountry} onCountryChosen={onCountryChosen} />
      <SeizureTally operationId={operationId} />
      <RoomClocks operationId={operationId} />
      <ActivityStrip operationId={operationId} referenceZone={referenceZone} />
    </div>
  );
}
