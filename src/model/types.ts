/** Domain types of the calculation core (domain.md). All amounts are kroner, minus = saving. */

export type Kind = 'Reduktion' | 'Udvidelse';

/** Where a value came from: a cell, 0-based row and column on a named sheet. */
export interface CellPlace {
  sheet: string;
  row: number;
  column: number;
}

/** The staircase's four bands (domain.md rule 3): weeks 1–4, 5–26, 27–52, 53+. */
export type StaircaseShares = readonly [number, number, number, number];

export type RefusionSpec = { rate: number } | { durationShares: StaircaseShares };

export type AllocationMode = 'priority' | 'priority-partial' | 'best-fill' | 'proportional';

export interface Staffing {
  cases: number;
  currentStaff: number;
  /** Årsværkspris in kroner. */
  staffPrice: number;
}

export interface Proposal {
  nr: string;
  title: string;
  committee: string;
  /** Art as stated; undefined: decided by the base scenario (rule 0). */
  statedKind?: Kind;
  /** Ydelse as a normalised key (matches scenario parameters). */
  benefit?: string;
  priority?: number;
  /** Position in the workbook: sheet order, then row. Breaks priority ties. */
  order: number;
  /** Gross change per year (the sum of the split when the row splits it). */
  udgift: number[];
  /** Service / ej service split, when the row states it. */
  split?: { service: number[]; ejService: number[] };
  /** Stated Indtægt per year (a grant, a co-financing); zeros when none. */
  indtaegt: number[];
  hasStatedIndtaegt: boolean;
  investering: number[];
  refusionShare?: number;
  refusionRate?: number;
  fullTimePersons?: number;
  staffing?: Staffing;
  /**
   * `Alternativ til`: the Nr of the main request this one is a variant of (issue 13). A main request and its
   * variants form a group of which every allocation mode funds at most one.
   */
  alternativeTo?: string;
  /** Cells of the row, for messages. */
  places: ProposalPlaces;
}

export interface ProposalPlaces {
  row?: CellPlace;
  refusionShare?: CellPlace;
  staffing?: CellPlace;
  fullTimePersons?: CellPlace;
  alternativeTo?: CellPlace;
}

export interface Scenario {
  name: string;
  /** Pool per year in kroner; undefined where the scenario gives none (0, with a warning). */
  pool: (number | undefined)[];
  caseload?: number;
  caseloadByBenefit: Record<string, number>;
  refusionByBenefit: Record<string, RefusionSpec>;
  fullTimePersonsByBenefit: Record<string, number>;
  mode: AllocationMode;
  excluded: string[];
  /** The scenario's column header, for messages. */
  place?: CellPlace;
}

export interface Book {
  years: number[];
  proposals: Proposal[];
  /** The first is the base. */
  scenarios: Scenario[];
}
