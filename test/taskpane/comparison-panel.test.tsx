/**
 * @jest-environment jsdom
 */
/** The comparison's differences as shown (review 12b, finding 5). */
import { render, screen, within } from '@testing-library/react';
import { Comparison } from '../../src/taskpane/components/Comparison';
import type { ComparisonView, FigureRows } from '../../src/taskpane/what-if';

const rows = (value: number): FigureRows => ({
  totalNetto: [value],
  effect: [value],
  available: [value],
  funded: [value],
  remaining: [value],
});

function view(difference: number): ComparisonView {
  return {
    reference: 'Basis',
    years: [2027],
    unit: 'mio. kr.',
    scenarios: [
      { name: 'Basis', figures: rows(1), fundedCount: 1, requestCount: 1 },
      { name: 'Caseload 40', figures: rows(1 + difference), fundedCount: 1, requestCount: 1, difference: rows(difference) },
    ],
  };
}

const differenceShown = () => {
  const table = screen.getByRole('table');
  const cell = within(table).getAllByRole('row')[1].querySelectorAll('td')[1];
  return cell.querySelector('[data-difference]')!;
};

test('a difference that rounds to 0,0 in mio. kr. reads as no difference: no arrow, no colour, no “more”', () => {
  render(<Comparison comparison={view(0.03)} language="da" pending={false} onReference={() => undefined} />);
  const shown = differenceShown();
  expect(shown.textContent).not.toMatch(/[▲▼]/);
  expect(shown.textContent).toContain('= 0');
  expect(shown.textContent).not.toMatch(/mere|mindre/);
});

test('a difference that shows as 0,1 keeps its arrow and words', () => {
  render(<Comparison comparison={view(0.06)} language="da" pending={false} onReference={() => undefined} />);
  expect(differenceShown().textContent).toMatch(/▲/);
});
