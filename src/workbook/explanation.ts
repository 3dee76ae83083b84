/**
 * Why a figure is what it is: a proposal's netto in each scenario, step by
 * step, in words and figures a finance officer can check by hand. The steps
 * are the calculation core's own record (model/scenarios.ts, nettoSteps),
 * put into words here; the pane shows them and the `Beregning` sheet lists
 * them, so the explanation travels with the workbook.
 */
import type { NettoStep } from '../model/scenarios';
import type { CellPlace } from '../model/types';
import type { Unit } from './units';

/** One step of a proposal's calculation in one scenario. */
export interface ExplainedStep {
  rule: NettoStep['rule'];
  /** The step in words, with the inputs it used, e.g. "Refusion: andel 100 % × sats 50 %". */
  text: string;
  /**
   * The step's amount per year in the workbook's unit, as the sheets round
   * them; the amounts of the parts add up to the netto shown, to the krone.
   * Absent for a step without amounts of its own.
   */
  amounts?: number[];
}

/** A proposal in one scenario. */
export interface ScenarioExplanation {
  scenario: string;
  /** False where the scenario leaves the proposal out (Udelad): its netto counts as 0. */
  included: boolean;
  steps: ExplainedStep[];
  /** Netto per year in the workbook's unit, as Resultat shows it. */
  netto: number[];
  /** Its part in the råderum, in words: a reduction adds to it; a request is funded, partly funded or not (with amounts). */
  status: string;
}

export interface ProposalExplanation {
  nr: string;
  title: string;
  /** The proposal's row (its Nr cell), for showing it in the workbook. */
  place: CellPlace;
  years: number[];
  unit: Unit;
  /** In the workbook's order of scenarios, the base first. */
  scenarios: ScenarioExplanation[];
}
