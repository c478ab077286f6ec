import { lazy, Suspense } from 'react';
import { Skeleton } from '../../../ui/page-state';
import { HeadlineFigures } from './headline-figures';
import { RoomClocks } from './room-clocks';
import { RoomMap } from './room-map';
import { SeizureTally } from './seizure-tally';
import './panels.css';

// The activity strip describes every kind of event in words (the timeline's descriptions, 8 kB on
// the wire): fetched once the room is drawn, not before it, on a customs post's thin link.
const ActivityStrip = lazy(() => import('./activity-strip').then((module) => ({ default: module.ActivityStrip })));

interface RoomPanelsProps {
  operationId: string;
  operationCode: string;
  referenceZone: string;
  chosenCountry?: string | null;
  onCountryChosen(countryCode: string | null): void;
}

/** Everything in the room besides the alert feed: figures, map, seizures, clocks and the latest activity. */
export function RoomPanels({ operationId, operationCode, referenceZone, chosenCountry = null, onCountryChosen }: RoomPanelsProps) {
  return (
    <div className="room-panels">
      <HeadlineFigures operationId={operationId} />
      <RoomMap operationId={operationId} operationCode={operationCode} chosenCountry={chosenCountry} onCountryChosen={onCountryChosen} />
      <SeizureTally operationId={operationId} />
      <RoomClocks operationCode={operationCode} />
      <Suspense fallback={<Skeleton lines={3} />}>
        <ActivityStrip operationId={operationId} referenceZone={referenceZone} />
      </Suspense>
    </div>
  );
}
