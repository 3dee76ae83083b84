/**
 * The figures the comparison shows per scenario and year, in a module of their own: the pane's
 * comparison needs the list, and importing it from what-if.ts would put the what-if (which runs in
 * the calculation worker) into the pane's bundle as well.
 */
export const COMPARED_FIGURES = ['totalNetto', 'effect', 'available', 'funded', 'remaining'] as const;
export type ComparedFigure = (typeof COMPARED_FIGURES)[number];
