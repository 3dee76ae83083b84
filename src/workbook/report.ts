/** The command line's JSON (cli-output.schema.json): every amount in whole kroner. */
import { bookFigures, type BookFigures } from '../model/figures';
import type { Evaluation } from '../model/scenarios';
import type { Unit } from './units';

export interface JsonReport {
  years: number[];
  unit: Unit;
  scenarios: {
    name: string;
    proposals: {
      nr: string;
      title: string;
      kind: string;
      included: boolean;
      /** Variants: the Nr of the main request this one is an alternative to. */
      alternativeTo?: string;
      udgift: readonly number[];
      indtaegt: readonly number[];
      investering: readonly number[];
      netto: readonly number[];
    }[];
    total: { netto: readonly number[]; effect: readonly number[] };
    raaderum: {
      mode: string;
      pool: number[];
      available: number[];
      funded: number[];
      remaining: number[];
      proposals: {
        nr: string;
        status: string;
        funded: readonly number[];
        share: readonly number[];
        /** Variants: not funded because this member of its group is. */
        alternativeFunded?: string;
      }[];
    };
  }[];
}

/** The report: figures rounded to whole kroner whatever the workbook's unit. */
export const jsonReport = (evaluation: Evaluation, unit: Unit): JsonReport => reportOf(bookFigures(evaluation, 1), unit);

/** The report from figures already rounded to whole kroner (step 1). */
export function reportOf(figures: BookFigures, unit: Unit): JsonReport {
  if (figures.step !== 1) throw new RangeError('the JSON report is in whole kroner');
  return {
    years: figures.years,
    unit,
    scenarios: figures.scenarios.map((s) => ({
      name: s.name,
      proposals: s.proposals.map((p) => ({
        nr: p.nr,
        title: p.title,
        kind: p.kind,
        included: p.included,
        ...(p.alternativeTo !== undefined && { alternativeTo: p.alternativeTo }),
        udgift: p.udgift,
        indtaegt: p.indtaegt,
        investering: p.investering,
        netto: p.netto,
      })),
      total: { netto: s.totalNetto, effect: s.effect },
      raaderum: {
        mode: s.mode,
        pool: s.pool,
        available: s.available,
        funded: s.funded,
        remaining: s.remaining,
        proposals: s.requests.map((r) => ({
          nr: r.nr,
          status: r.status,
          funded: r.funded,
          share: r.share,
          ...(r.alternativeFunded !== undefined && { alternativeFunded: r.alternativeFunded }),
        })),
      },
    })),
  };
}
