/**
 * Which requests change funding between the base and each scenario, as the
 * pane lists them: taken from the core's comparisons (BookFigures.comparisons,
 * rule 9), amounts in the workbook's unit. Runs where the calculation runs
 * (the worker), so only these few rows cross to the pane.
 */
import type { FundingStatus } from '../model/allocation';
import type { BookFigures, Comparison } from '../model/figures';
import { inUnit } from '../workbook/output';
import type { Unit } from '../workbook/units';

/** A funded amount that differs in one year, in the workbook's unit. */
export interface FundedChange {
  year: number;
  reference: number;
  scenario: number;
}

/** A request whose status or funded amount differs between the reference and the scenario. */
export interface FundingChange {
  nr: string;
  title: string;
  /** Its status in the reference and in the scenario; undefined where it is left out of that package. */
  statusInReference?: FundingStatus;
  statusInScenario?: FundingStatus;
  /** Only the years whose funded amount differs (none when only the status does). */
  funded: FundedChange[];
}

/** A scenario against the reference (the base): its requests whose funding changed, in the scenario's order. */
export interface ScenarioChanges {
  scenario: string;
  reference: string;
  requests: FundingChange[];
}

/** Per comparison its changed requests; none at all when no scenario has a request (nothing to compare). */
export function fundingChanges(
  figures: Pick<BookFigures, 'years'> & { comparisons: readonly Pick<Comparison, 'scenario' | 'reference' | 'requests'>[] },
  unit: Unit,
): ScenarioChanges[] {
  if (figures.comparisons.every((c) => c.requests.length === 0)) return [];
  return figures.comparisons.map((c) => ({
    scenario: c.scenario,
    reference: c.reference,
    requests: c.requests
      .filter((r) => r.changed)
      .map((r) => {
        const reference = inUnit(r.funded.reference, unit);
        const scenario = inUnit(r.funded.scenario, unit);
        return {
          nr: r.nr,
          title: r.title,
          statusInReference: r.statusInReference,
          statusInScenario: r.statusInScenario,
          funded: figures.years
            .map((year, t) => ({ year, reference: reference[t], scenario: scenario[t] }))
            .filter((_, t) => r.funded.difference[t] !== 0),
        };
      }),
  }));
}
