import { newScenario } from '../../src/model/scenarios';
import type { Proposal, Scenario } from '../../src/model/types';

/** Small builders for core tests: a proposal or scenario with only what a test states. */
export function proposal(fields: Partial<Proposal> & { nr: string; udgift: number[] }): Proposal {
  const n = fields.udgift.length;
  return {
    title: fields.nr,
    committee: '',
    order: 0,
    indtaegt: new Array(n).fill(0),
    hasStatedIndtaegt: false,
    investering: new Array(n).fill(0),
    places: {},
    ...fields,
  };
}

export function scenario(fields: Partial<Scenario> = {}): Scenario {
  return newScenario(fields.name ?? 'Basis', fields);
}
