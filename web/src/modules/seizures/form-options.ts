import type { SeizureFormOptions } from './seizure-documents';

/** What the form offers from the options query: catalogue, visible alerts, and the NCBs that accepted. */
export function formOptionsOf(operation: SeizureFormOptions | null | undefined) {
  return {
    commodities: operation?.commodities ?? [],
    alerts: (operation?.alerts.edges ?? []).map((edge) => edge.node),
    ncbs: (operation?.participations ?? [])
      .filter((participation) => participation.status === 'ACCEPTED' && participation.agency.kind === 'INTERPOL_NCB')
      .map((participation) => participation.agency),
  };
}
