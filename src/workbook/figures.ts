/** Moved to the core (src/model/figures.ts); kept while tests move over. */
import { bookFigures, type ScenarioFigures } from '../model/figures';
import type { Evaluation } from '../model/scenarios';

export { scenarioFigures, type ProposalFigures, type RequestFigures, type ScenarioFigures } from '../model/figures';

export const evaluationFigures = (evaluation: Evaluation, step: number): ScenarioFigures[] =>
  bookFigures(evaluation, step).scenarios;
