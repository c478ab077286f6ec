import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RoomMap } from './room-map';
import { OPERATION_CODE, OPERATION_ID, renderPanel, results } from './panels.test-support';
import { mapLayout, placeOf } from './world-geometry';
import { loadWorldGeometry } from './world-map-loader';

// The map: participating countries highlighted (small states as dots), their live counts, and a
// country chosen with the mouse or the keyboard.

const participation = (id: string, countryCode: string | null, status = 'ACCEPTED') => ({
  __typename: 'Participation',
  id: `p-${id}`,
  status,
  agency: { __typename: 'Agency', id, name: `Agency ${id}`, acronym: null, countryCode, timeZone: null },
});

const countries = {
  operationByCode: {
    __typename: 'Operation',
    id: OPERATION_ID,
    referenceTimeZone: 'Asia/Bangkok',
    participations: [
      participation('wco', null),
      participation('my', 'MY'),
      participation('th', 'TH'),
      participation('sg', 'SG'),
      participation('mv', 'MV'),
      participation('vn', 'VN', 'DECLINED'),
    ],
  },
};

const answers = { queries: { RoomParticipations: countries, RoomResults: results() } };

describe('the world map', () => {
  it('places countries by their 1:110m shape, small states as a dot, and Kosovo by name', () => {
    expect(placeOf('MY')).toHaveProperty('shape');
    expect(placeOf('SG')).toEqual({ dot: [103.82, 1.35] });
    expect(placeOf('MV')).toEqual({ dot: [73.51, 4.18] });
    expect(placeOf('XK')).toHaveProperty('shape.properties.name', 'Kosovo');
    expect(mapLayout(['MY', 'SG', 'ZZ']).unplaced).toEqual(['ZZ']);
  });

  it('frames the participating countries: Malaysia fills the middle of the view', () => {
    const { shapes } = mapLayout(['MY', 'TH']);
    const malaysia = shapes.find((shape) => shape.countryCode === 'MY')!;
    const xs = [...malaysia.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((match) => Number(match[1]));
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(800);
  });
});

describe('the map of participating countries', () => {
  // As in the room, where the route starts the download beside the room's own code.
  beforeAll(() => loadWorldGeometry());

  it('highlights the countries whose agencies accepted, small states as dots, and no other', () => {
    renderPanel(<RoomMap operationId={OPERATION_ID} operationCode={OPERATION_CODE} onCountryChosen={() => {}} />, answers);
    const marked = [...document.querySelectorAll('.map-participating')].map(
      (shape) => `${shape.tagName.toLowerCase()}:${shape.getAttribute('data-country')}`,
    );
    expect(marked.sort()).toEqual(['circle:MV', 'circle:SG', 'path:MY', 'path:TH']);
    expect(screen.getByRole('img', { name: 'Map of the 4 participating countries' })).toBeInTheDocument();
    expect(screen.getByText(/do not imply official endorsement/)).toBeInTheDocument();
  });

  it('gives each country as a button named in the reader’s language, with its live counts', () => {
    renderPanel(<RoomMap operationId={OPERATION_ID} operationCode={OPERATION_CODE} onCountryChosen={() => {}} />, answers);
    const names = screen.getAllByRole('button').map((button) => button.textContent);
    expect(names).toEqual([
      'Malaysia MY2 alerts4 seizures',
      'Maldives MV0 alerts0 seizures',
      'Singapore SG0 alerts1 seizure',
      'Thailand TH1 alert2 seizures',
    ]);
  });

  it('names the countries in French for a French reader', () => {
    renderPanel(<RoomMap operationId={OPERATION_ID} operationCode={OPERATION_CODE} onCountryChosen={() => {}} />, answers, 'fr');
    expect(screen.getByRole('button', { name: /^Thaïlande TH 1 alerte 2 saisies$/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Carte des 4 pays participants' })).toBeInTheDocument();
  });

  it('chooses a country with the keyboard, by Enter or Space', async () => {
    const chosen = vi.fn();
    const { user } = renderPanel(<RoomMap operationId={OPERATION_ID} operationCode={OPERATION_CODE} onCountryChosen={chosen} />, answers);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: /^Maldives/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(chosen).toHaveBeenLastCalledWith('MV');
    await user.tab();
    await user.keyboard(' ');
    expect(chosen).toHaveBeenLastCalledWith('SG');
  });

  it('draws the countries as soon as the world’s shapes come, the list before them', async () => {
    vi.resetModules();
    const { RoomMap: FreshMap } = await import('./room-map');
    renderPanel(<FreshMap operationId={OPERATION_ID} operationCode={OPERATION_CODE} onCountryChosen={() => {}} />, answers);
    expect(screen.getByRole('button', { name: /^Malaysia/ })).toBeInTheDocument();
    expect(document.querySelector('path[data-country="MY"]')).toBeNull();
    await waitFor(() => expect(document.querySelector('path[data-country="MY"]')).not.toBeNull());
  });

  it('marks the chosen country on the map and in the list, and gives it up when chosen again or with All countries', async () => {
    const chosen = vi.fn();
    const { user } = renderPanel(
      <RoomMap operationId={OPERATION_ID} operationCode={OPERATION_CODE} chosenCountry="TH" onCountryChosen={chosen} />,
      answers,
    );
    expect(screen.getByRole('button', { name: /^Thailand/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /^Malaysia/ })).toHaveAttribute('aria-pressed', 'false');
    expect(document.querySelector('.map-chosen')?.getAttribute('data-country')).toBe('TH');

    await user.click(screen.getByRole('button', { name: /^Thailand/ }));
    expect(chosen).toHaveBeenLastCalledWith(null);
    await user.click(screen.getByRole('button', { name: 'All countries' }));
    expect(chosen).toHaveBeenLastCalledWith(null);
    await user.click(document.querySelector('path[data-country="MY"]')!);
    expect(chosen).toHaveBeenLastCalledWith('MY');
  });
});
