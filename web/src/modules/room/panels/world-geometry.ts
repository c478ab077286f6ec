import { geoBounds, geoNaturalEarth1, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import codes from 'i18n-iso-countries/codes.json';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { MAP_HEIGHT, MAP_WIDTH } from './world-map-loader';

// The world drawn from data bundled into the app (Natural Earth 1:110m): an operations room on a
// customs post's thin link must never wait for, or leak its interests to, a tile server.

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const FEATURES = feature(topology, topology.objects.countries).features;

// world-atlas keys countries by ISO 3166-1 numeric codes as zero-padded strings ("458"); three
// 1:110m shapes have no code at all (N. Cyprus, Somaliland, Kosovo) and are known by name only.
const NUMERIC_BY_ALPHA2 = new Map((codes as string[][]).map(([alpha2, , numeric]) => [alpha2!, numeric!]));
const NAMED_ONLY: Record<string, string> = { XK: 'Kosovo' };
const featureKey = (shape: (typeof FEATURES)[number]): string => (shape.id as string | undefined) ?? shape.properties.name;
const keyOf = (alpha2: string): string | undefined => NAMED_ONLY[alpha2] ?? NUMERIC_BY_ALPHA2.get(alpha2);
const FEATURE_BY_KEY = new Map(FEATURES.map((shape) => [featureKey(shape), shape]));

/**
 * States and customs territories too small for the 1:110m data, Singapore and the Maldives among
 * them: drawn as a dot at their capital or main island [longitude, latitude] rather than not at all.
 */
export const SMALL_STATES: Record<string, [number, number]> = {
  AD: [1.52, 42.51],
  AG: [-61.8, 17.08],
  AW: [-69.97, 12.52],
  BB: [-59.54, 13.19],
  BH: [50.56, 26.07],
  CV: [-23.6, 15.1],
  CW: [-68.99, 12.17],
  DM: [-61.37, 15.41],
  FM: [158.16, 6.92],
  GD: [-61.68, 12.12],
  HK: [114.17, 22.32],
  KI: [173.0, 1.42],
  KM: [43.87, -11.88],
  KN: [-62.78, 17.3],
  LC: [-60.98, 13.91],
  LI: [9.55, 47.16],
  MC: [7.42, 43.74],
  MH: [171.38, 7.09],
  MO: [113.55, 22.19],
  MT: [14.44, 35.9],
  MU: [57.55, -20.25],
  MV: [73.51, 4.18],
  NR: [166.93, -0.52],
  PW: [134.58, 7.5],
  SC: [55.45, -4.62],
  SG: [103.82, 1.35],
  SM: [12.46, 43.94],
  ST: [6.61, 0.19],
  TO: [-175.2, -21.18],
  TV: [179.2, -8.52],
  VA: [12.45, 41.9],
  VC: [-61.2, 13.25],
  WS: [-172.1, -13.76],
};

export { MAP_HEIGHT, MAP_WIDTH };
const MARGIN = 24;
// However few and small the countries, the view spans at least this much of the globe, so a lone
// Singapore is seen among its neighbours instead of filling the panel.
const MIN_SPAN = { longitude: 40, latitude: 24 };

export interface MapShape {
  key: string;
  d: string;
  /** The participating country this shape is, if it is one. */
  countryCode?: string;
}

export interface MapDot {
  countryCode: string;
  x: number;
  y: number;
}

export interface MapLayout {
  shapes: MapShape[];
  dots: MapDot[];
  /** Participating countries the bundled data cannot place (neither a shape nor a known dot). */
  unplaced: string[];
  /** Longitude and latitude to the map's points and back: a seizure's position is picked on it. */
  projection: GeoProjection;
}

/** Where a country is drawn: its 1:110m shape, a dot, or nowhere. */
export function placeOf(countryCode: string): { shape: (typeof FEATURES)[number] } | { dot: [number, number] } | null {
  const code = countryCode.toUpperCase();
  const key = keyOf(code);
  const shape = key === undefined ? undefined : FEATURE_BY_KEY.get(key);
  if (shape) return { shape };
  const dot = SMALL_STATES[code];
  return dot ? { dot } : null;
}

/** The bounds to show: the countries' own, widened to the minimum span around their middle. */
function viewOf(placed: GeoPermissibleObjects[]): GeoPermissibleObjects {
  if (placed.length === 0) return { type: 'Sphere' };
  const [[west, south], [east, north]] = geoBounds({ type: 'GeometryCollection', geometries: placed } as GeoPermissibleObjects);
  // Bounds across the antimeridian (Fiji, Russia) come back with west > east: show the whole world.
  if (west > east) return { type: 'Sphere' };
  const middle = [(west + east) / 2, (south + north) / 2] as const;
  const halfWidth = Math.max(east - west, MIN_SPAN.longitude) / 2;
  const halfHeight = Math.max(north - south, MIN_SPAN.latitude) / 2;
  return {
    type: 'MultiPoint',
    coordinates: [
      [middle[0] - halfWidth, Math.max(middle[1] - halfHeight, -85)],
      [middle[0] + halfWidth, Math.min(middle[1] + halfHeight, 85)],
    ],
  };
}

/** The map for these participating countries: the world framed on them, their shapes marked, small ones as dots. */
export function mapLayout(countryCodes: readonly string[]): MapLayout {
  const participating = new Map<string, string>();
  const dots: [string, [number, number]][] = [];
  const placed: GeoPermissibleObjects[] = [];
  const unplaced: string[] = [];
  for (const code of countryCodes) {
    const place = placeOf(code);
    if (!place) unplaced.push(code);
    else if ('shape' in place) {
      participating.set(featureKey(place.shape), code);
      placed.push(place.shape.geometry);
    } else {
      dots.push([code, place.dot]);
      placed.push({ type: 'Point', coordinates: place.dot });
    }
  }
  const projection = geoNaturalEarth1().fitExtent(
    [
      [MARGIN, MARGIN],
      [MAP_WIDTH - MARGIN, MAP_HEIGHT - MARGIN],
    ],
    viewOf(placed),
  );
  const path = geoPath(projection);
  return {
    shapes: FEATURES.map((shape) => {
      const key = featureKey(shape);
      const countryCode = participating.get(key);
      return { key, d: path(shape) ?? '', ...(countryCode ? { countryCode } : {}) };
    }),
    dots: dots.map(([countryCode, coordinates]) => {
      const [x, y] = projection(coordinates) ?? [0, 0];
      return { countryCode, x, y };
    }),
    unplaced,
    projection,
  };
}
