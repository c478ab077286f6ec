import type { QuantityUnit } from '@jointops/shared/domain';
import { encodeGlobalId } from '../global-id';
import { correctSeizure, reportSeizure } from '../modules/seizures/seizures.service';
import { rejectSeizure, verifySeizure } from '../modules/seizures/seizure-review.service';
import type { SeizureRow } from '../modules/seizures/seizures.repo';
import type { DemoAlertCast } from './alerts';
import { attachDemoFile, demoPdf, demoPng } from './attachments';

// The demo operation's seizures after two days: what a PGS results release is made of — tonnes
// of precursors at the seaports, detonators and detonating cord at the land borders, a few bonus
// seizures of things nobody was looking for — reported by the contact points and verified by the
// WCO analyst, with one report awaiting review, one rejected and corrected, and one still a draft.

interface DemoSeizure {
  by: string;
  hoursAgo: number;
  commodity: string | { description: string };
  quantity: number;
  unit: QuantityUnit;
  where: { countryCode: string; place: string; locationType: string; latitude?: number; longitude?: number };
  detectionMethod: string;
  transportMode: string;
  route?: [origin: string, destination: string];
  concealment?: string;
  conveyance?: string;
  arrests?: number;
  arrestsByNationality?: { nationality: string; count: number }[];
  /** Hours ago the INTERPOL NCB was told, and the notices issued since. */
  interpol?: { hoursAgo: number; notices: { type: string; reference: string }[] };
  review: 'verify' | 'await' | 'draft';
  linkedAlertIds?: string[];
}

const port = (countryCode: string, place: string, latitude: number, longitude: number) => ({
  countryCode,
  place,
  locationType: 'SEAPORT',
  latitude,
  longitude,
});
const border = (countryCode: string, place: string) => ({ countryCode, place, locationType: 'LAND_BORDER' });

export async function seedDemoSeizures(
  cast: Pick<DemoAlertCast, 'operationId' | 'as' | 'at'>,
  now: Date,
  commodityId: (code: string) => string,
  alerts: { fertiliser: string },
): Promise<void> {
  const { operationId, as, at } = cast;
  const hoursBefore = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  const seizures: DemoSeizure[] = [
    {
      by: 'ph',
      hoursAgo: 29,
      commodity: 'AMMONIUM_NITRATE',
      quantity: 47.6,
      unit: 'T',
      where: port('PH', 'Makar Wharf, General Santos', 6.0833, 125.1517),
      detectionMethod: 'RISK_PROFILING',
      transportMode: 'SEA',
      route: ['MY', 'PH'],
      concealment: 'Declared as NPK 15-15-15 fertiliser',
      conveyance: 'MSKU7306512, MSKU7306528',
      arrestsByNationality: [
        { nationality: 'PH', count: 1 },
        { nationality: 'MY', count: 1 },
      ],
      interpol: { hoursAgo: 30, notices: [{ type: 'PURPLE', reference: '2026/31415' }] },
      review: 'verify',
      linkedAlertIds: [alerts.fertiliser],
    },
    {
      by: 'my',
      hoursAgo: 44,
      commodity: 'CALCIUM_AMMONIUM_NITRATE',
      quantity: 12_500,
      unit: 'KG',
      where: port('MY', 'Westport, Port Klang', 2.9996, 101.3918),
      detectionMethod: 'X_RAY',
      transportMode: 'SEA',
      route: ['CN', 'MM'],
      concealment: 'Bags behind a wall of rice sacks',
      review: 'verify',
    },
    {
      by: 'th',
      hoursAgo: 41,
      commodity: 'POTASSIUM_CHLORATE',
      quantity: 3.2,
      unit: 'T',
      where: port('TH', 'Laem Chabang', 13.0833, 100.8833),
      detectionMethod: 'X_RAY',
      transportMode: 'SEA',
      route: ['IN', 'KH'],
      review: 'verify',
    },
    {
      by: 'id',
      hoursAgo: 38,
      commodity: 'AMMONIUM_NITRATE',
      quantity: 850,
      unit: 'KG',
      where: port('ID', 'Tanjung Priok, Jakarta', -6.1045, 106.8865),
      detectionMethod: 'FIELD_TEST',
      transportMode: 'SEA',
      route: ['MY', 'ID'],
      arrests: 1,
      review: 'verify',
    },
    {
      by: 'in',
      hoursAgo: 36,
      commodity: 'DETONATOR',
      quantity: 1_250,
      unit: 'PIECES',
      where: border('IN', 'Petrapole integrated check post'),
      detectionMethod: 'PHYSICAL_SEARCH',
      transportMode: 'ROAD',
      route: ['IN', 'BD'],
      concealment: 'False floor of a lorry carrying jute',
      arrests: 1,
      review: 'verify',
    },
    {
      by: 'pk',
      hoursAgo: 34,
      commodity: 'DETONATING_CORD',
      quantity: 4_800,
      unit: 'M',
      where: border('PK', 'Torkham border crossing'),
      detectionMethod: 'CANINE',
      transportMode: 'ROAD',
      route: ['PK', 'AF'],
      arrests: 3,
      review: 'verify',
    },
    {
      by: 'bd',
      hoursAgo: 33,
      commodity: 'ELECTRIC_DETONATOR',
      quantity: 300,
      unit: 'PIECES',
      where: border('BD', 'Benapole land port'),
      detectionMethod: 'X_RAY',
      transportMode: 'ROAD',
      route: ['IN', 'BD'],
      review: 'verify',
    },
    {
      by: 'kh',
      hoursAgo: 30,
      commodity: 'SAFETY_FUSE',
      quantity: 600,
      unit: 'M',
      where: border('KH', 'Poipet international checkpoint'),
      detectionMethod: 'PHYSICAL_SEARCH',
      transportMode: 'ROAD',
      route: ['TH', 'KH'],
      review: 'verify',
    },
    {
      by: 'vn',
      hoursAgo: 27,
      commodity: 'NITRIC_ACID',
      quantity: 2_400,
      unit: 'L',
      where: port('VN', 'Hai Phong, Lach Huyen terminal', 20.8449, 106.6881),
      detectionMethod: 'RAMAN_SPECTROMETER',
      transportMode: 'SEA',
      route: ['CN', 'LA'],
      review: 'verify',
    },
    {
      by: 'lk',
      hoursAgo: 25,
      commodity: 'ALUMINIUM_POWDER',
      quantity: 450,
      unit: 'KG',
      where: port('LK', 'Port of Colombo', 6.9497, 79.8428),
      detectionMethod: 'X_RAY',
      transportMode: 'SEA',
      route: ['IN', 'MV'],
      review: 'verify',
    },
    {
      by: 'mm',
      hoursAgo: 22,
      commodity: 'UAV',
      quantity: 25,
      unit: 'PIECES',
      where: border('MM', 'Tachileik–Mae Sai bridge'),
      detectionMethod: 'PHYSICAL_SEARCH',
      transportMode: 'ROAD',
      route: ['TH', 'MM'],
      arrests: 2,
      review: 'verify',
    },
    {
      by: 'la',
      hoursAgo: 20,
      commodity: 'POTASSIUM_NITRATE',
      quantity: 18_000,
      unit: 'G',
      where: { countryCode: 'LA', place: 'Vientiane international postal centre', locationType: 'POSTAL_CENTRE' },
      detectionMethod: 'X_RAY',
      transportMode: 'POSTAL',
      route: ['CN', 'LA'],
      review: 'verify',
    },
    {
      by: 'mv',
      hoursAgo: 18,
      commodity: { description: 'Cannabis resin' },
      quantity: 12.5,
      unit: 'KG',
      where: { countryCode: 'MV', place: 'Velana international airport', locationType: 'AIRPORT' },
      detectionMethod: 'CANINE',
      transportMode: 'AIR',
      route: ['LK', 'MV'],
      concealment: 'Lining of two suitcases',
      arrests: 1,
      review: 'verify',
    },
    {
      by: 'th',
      hoursAgo: 16,
      commodity: 'TRANSMITTER',
      quantity: 40,
      unit: 'PIECES',
      where: { countryCode: 'TH', place: 'Suvarnabhumi air cargo terminal', locationType: 'AIRPORT' },
      detectionMethod: 'X_RAY',
      transportMode: 'AIR',
      route: ['CN', 'MM'],
      review: 'verify',
    },
    {
      by: 'bn',
      hoursAgo: 9,
      commodity: 'HYDROGEN_PEROXIDE',
      quantity: 120,
      unit: 'L',
      where: { countryCode: 'BN', place: 'Muara express courier hub', locationType: 'EXPRESS_COURIER_HUB' },
      detectionMethod: 'FIELD_TEST',
      transportMode: 'COURIER',
      route: ['MY', 'BN'],
      review: 'await',
    },
    {
      by: 'ph',
      hoursAgo: 3,
      commodity: 'ALUMINIUM_PASTE_FLAKES',
      quantity: 5,
      unit: 'KG',
      where: port('PH', 'Port of Manila, South Harbor', 14.5833, 120.9667),
      detectionMethod: 'PHYSICAL_SEARCH',
      transportMode: 'SEA',
      review: 'draft',
    },
  ];
  const analyst = as('analyst@wco.demo');
  for (const seizure of seizures) {
    at(seizure.hoursAgo);
    const reported = await reportSeizure(as(`ncp@customs.${seizure.by}.demo`), {
      operationId,
      idempotencyKey: `demo-seizure-${seizure.by}-${seizure.hoursAgo}`,
      submit: seizure.review !== 'draft',
      seizedAt: hoursBefore(seizure.hoursAgo + 2),
      ...seizure.where,
      ...(typeof seizure.commodity === 'string'
        ? { commodityId: commodityId(seizure.commodity) }
        : { commodityDescription: seizure.commodity.description }),
      quantity: seizure.quantity,
      unit: seizure.unit,
      detectionMethod: seizure.detectionMethod,
      transportMode: seizure.transportMode,
      originCountryCode: seizure.route?.[0],
      destinationCountryCode: seizure.route?.[1],
      concealment: seizure.concealment,
      conveyance: seizure.conveyance,
      arrests: seizure.arrestsByNationality ? null : (seizure.arrests ?? 0),
      arrestsByNationality: seizure.arrestsByNationality,
      interpolNotifiedAt: seizure.interpol && hoursBefore(seizure.interpol.hoursAgo),
      interpolNotices: seizure.interpol?.notices,
      linkedAlertIds: seizure.linkedAlertIds,
    });
    if (seizure.review === 'verify') {
      at(seizure.hoursAgo - 2);
      await verifySeizure(analyst, { seizureId: seizureId(reported) });
    }
  }
  await rejectedAndCorrected(cast, hoursBefore(14), commodityId);
}

const seizureId = (seizure: SeizureRow) => encodeGlobalId('Seizure', seizure.id);

/** Igniters reported by the box: rejected by the analyst, corrected by the contact point, awaiting review again. */
async function rejectedAndCorrected(
  { operationId, as, at }: Pick<DemoAlertCast, 'operationId' | 'as' | 'at'>,
  seizedAt: string,
  commodityId: (code: string) => string,
) {
  const content = {
    seizedAt,
    countryCode: 'MY',
    place: 'Bukit Kayu Hitam customs complex',
    locationType: 'LAND_BORDER',
    commodityId: commodityId('IGNITER'),
    quantity: 30,
    unit: 'PIECES',
    detectionMethod: 'X_RAY',
    transportMode: 'ROAD',
    originCountryCode: 'TH',
    destinationCountryCode: 'MY',
    arrests: 0,
  };
  at(12);
  const igniters = await reportSeizure(as('officer@customs.my.demo'), {
    operationId,
    idempotencyKey: 'demo-seizure-my-igniters',
    submit: true,
    ...content,
  });
  at(8);
  await rejectSeizure(as('analyst@wco.demo'), {
    seizureId: seizureId(igniters),
    reason: 'Thirty is the number of boxes in the photographs: report the igniters themselves, by the piece.',
  });
  const officer = as('officer@customs.my.demo');
  at(7.5);
  await attachDemoFile(officer, seizureId(igniters), 'igniters-by-the-piece.png', demoPng());
  at(7);
  await attachDemoFile(
    officer,
    seizureId(igniters),
    'x-ray-operator-note.pdf',
    demoPdf(['Bukit Kayu Hitam customs complex - x-ray operator note', '30 boxes of 20 igniters each: 600 pieces.']),
  );
  at(6);
  await correctSeizure(officer, { seizureId: seizureId(igniters), ...content, quantity: 600 });
}
