import type { CellPlace } from './types';

/**
 * A problem stops the run; a warning does not. Errors are values with places,
 * formatted into Danish or English only at the edge (see messages.ts).
 */
export interface Issue {
  severity: 'problem' | 'warning';
  code: string;
  place?: CellPlace;
  params: Record<string, string | number>;
}

export function problem(code: string, params: Record<string, string | number> = {}, place?: CellPlace): Issue {
  return { severity: 'problem', code, params, place };
}

export function warning(code: string, params: Record<string, string | number> = {}, place?: CellPlace): Issue {
  return { severity: 'warning', code, params, place };
}

export const hasProblems = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'problem');
