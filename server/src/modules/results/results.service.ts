import type { Marking, Programme } from '@jointops/shared/domain';
import { NotFoundError, ValidationError } from '../../domain-errors';
import { uuidFromGlobalId } from '../../global-id';
import type { ServiceContext, Viewer } from '../../service-context';
import { requireViewer } from '../operations/operation-access';
import { findWithStanding, type OperationRow } from '../operations/operations.repo';
import { type CheckTotals, checkTotals } from '../checks/checks.repo';
import { alertFigures, type AlertFigures } from './alert-figures.repo';
import { arrestsByNationality, type NationalityArrests } from './arrest-figures.repo';
import { alertsRaisedByCountry, countryFigures, type CountryFigures } from './country-figures.repo';
import { countOperations, programmeOperations, seizuresOfOperation, seizuresOfOperations } from './figure-scopes.repo';
import { canSeeResults, exportedMarkings } from './results.policy';
import { countedStatuses, seizureFigures, type SeizureFigures } from './seizure-figures.repo';
import { seizureList, type SeizureListRow } from './seizure-list.repo';

/** What the contact points recorded besides seizures: licit shipments checked, database checks. */
export type CheckFigures = CheckTotals;

/**
 * The results of one operation for one viewer. Each side is read once, when a field first asks
 * for it, so a request runs at most eight statements (standing, seizures, arrests by
 * nationality, alerts, alerts per country, and one for the register of checks) whatever the data size, and the CSV
 * tables are cut from the very figures the fields show.
 */
export class OperationResultsSource {
  private seizureSide?: Promise<SeizureFigures>;
  private alertSide?: Promise<AlertFigures>;
  private checkSide?: Promise<CheckFigures>;
  private nationalitySide?: Promise<NationalityArrests[]>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly viewer: Viewer,
    readonly operation: OperationRow,
    readonly includeUnverified: boolean,
  ) {}

  seizures(): Promise<SeizureFigures> {
    const where = seizuresOfOperation(this.viewer, this.operation.id);
    this.seizureSide ??= seizureFigures(this.ctx.db, { where, statuses: countedStatuses(this.includeUnverified) });
    return this.seizureSide;
  }

  arrestsByNationality(): Promise<NationalityArrests[]> {
    const where = seizuresOfOperation(this.viewer, this.operation.id);
    this.nationalitySide ??= arrestsByNationality(this.ctx.db, { where, statuses: countedStatuses(this.includeUnverified) });
    return this.nationalitySide;
  }

  alerts(): Promise<AlertFigures> {
    this.alertSide ??= alertFigures(
      this.ctx.db,
      this.viewer,
      this.operation.id,
      countedStatuses(this.includeUnverified),
      this.ctx.clock.now(),
    );
    return this.alertSide;
  }

  /** Per country, for the operations room's map: one more statement, only when asked. */
  async byCountry(): Promise<CountryFigures[]> {
    const [alertsRaised, seizures] = await Promise.all([
      alertsRaisedByCountry(this.ctx.db, this.viewer, this.operation.id),
      this.seizures(),
    ]);
    return countryFigures(alertsRaised, seizures.byCountryAndCommodity);
  }

  /** The register is the operation's, like its seizures: its standing was checked when this source was made. */
  checks(): Promise<CheckFigures> {
    this.checkSide ??= checkTotals(this.ctx.db, this.operation.id);
    return this.checkSide;
  }

  seizureList(maxMarking: Marking): Promise<SeizureListRow[]> {
    return seizureList(this.ctx.db, this.viewer, this.operation.id, countedStatuses(this.includeUnverified), exportedMarkings(maxMarking));
  }
}

/** The results of an operation; one the viewer may not see is answered exactly as an unknown one. */
export async function operationResults(
  ctx: ServiceContext,
  operationGlobalId: string,
  includeUnverified: boolean,
): Promise<OperationResultsSource> {
  const viewer = requireViewer(ctx);
  const operationId = uuidFromGlobalId(operationGlobalId, 'Operation');
  const found = operationId ? await findWithStanding(ctx.db, operationId, viewer) : null;
  if (!found || !canSeeResults(found.standing)) throw new NotFoundError('Operation');
  return new OperationResultsSource(ctx, viewer, found.operation, includeUnverified);
}

export interface ProgrammeQuery {
  programme: Programme;
  from: Date | null;
  to: Date | null;
  includeUnverified: boolean;
}

/** Figures across the operations of a programme the viewer may see (exercises left out, see programmeOperations). */
export async function programmeResults(ctx: ServiceContext, query: ProgrammeQuery) {
  const viewer = requireViewer(ctx);
  if (query.from && query.to && query.from >= query.to) throw ValidationError.field('to', 'NOT_AFTER_START', 'Must be after from');
  const operations = programmeOperations(viewer, query.programme);
  const [figures, counted] = await Promise.all([
    seizureFigures(ctx.db, {
      where: seizuresOfOperations(operations),
      statuses: countedStatuses(query.includeUnverified),
      seizedFrom: query.from,
      seizedTo: query.to,
    }),
    countOperations(ctx.db, operations),
  ]);
  return { ...query, operations: counted, figures };
}
