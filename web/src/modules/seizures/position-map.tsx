import { useMemo, type MouseEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { MAP_HEIGHT, MAP_WIDTH, mapLayout } from '../room/panels/world-geometry';

// The bundled world map (no tile server: a customs post's link must not wait for one, nor tell it
// where the operation looks), framed on the country of the seizure. A click sets the position; the
// latitude and longitude fields beside it remain the way to type it, and the way for a keyboard.

const words = defineMessages({
  label: { id: 'seizures.map.label', defaultMessage: 'Map to pick the position: click where the goods were seized' },
  disclaimer: {
    id: 'seizures.map.disclaimer',
    defaultMessage: 'The boundaries and names shown on this map do not imply official endorsement or acceptance.',
  },
});

const rounded = (value: number) => Math.round(value * 10_000) / 10_000;

interface PositionMapProps {
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
  onPick(position: { latitude: number; longitude: number }): void;
}

export function PositionMap({ countryCode, latitude, longitude, onPick }: PositionMapProps) {
  const intl = useIntl();
  const layout = useMemo(() => mapLayout(countryCode ? [countryCode] : []), [countryCode]);
  const marker = latitude !== null && longitude !== null ? layout.projection([longitude, latitude]) : null;

  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const svg = event.currentTarget;
    const matrix = svg.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const position = layout.projection.invert?.([point.x, point.y]);
    if (position) onPick({ longitude: rounded(position[0]), latitude: rounded(position[1]) });
  };

  return (
    <figure className="seizure-map">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the latitude and longitude fields are the keyboard's way to the same position */}
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label={intl.formatMessage(words.label)} onClick={pick}>
        {layout.shapes.map((shape) => (
          <path key={shape.key} d={shape.d} className={shape.countryCode ? 'map-country chosen' : 'map-country'} />
        ))}
        {layout.dots.map((dot) => (
          <circle key={dot.countryCode} cx={dot.x} cy={dot.y} r={5} className="map-country chosen" />
        ))}
        {marker && <circle cx={marker[0]} cy={marker[1]} r={7} className="seizure-map-marker" />}
      </svg>
      <figcaption className="field-hint">
        <FormattedMessage {...words.disclaimer} />
      </figcaption>
    </figure>
  );
}
