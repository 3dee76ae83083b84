/**
 * @jest-environment jsdom
 */
/** The preview's grid shows an output sheet as the adapters draw it: fills, borders, wrapped headers, frozen panes. */
import { render, screen, within } from '@testing-library/react';
import { WorkbookView } from '../../src/preview/WorkbookView';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { ROW_STYLES } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { newWorkbook } from '../../src/xlsx/files';
import { TextEncoder as UtilTextEncoder } from 'util';
import { readSheets, writeSheets } from '../../src/xlsx/cells';

// A run hashes its input cells (the run log); jsdom's window lacks the TextEncoder every browser has.
Object.assign(globalThis, { TextEncoder: UtilTextEncoder });

function sampleAfterRun() {
  const workbook = newWorkbook(sampleSheets());
  const outputs = runWorkbook(readSheets(workbook)).results!.outputs;
  writeSheets(workbook, outputs);
  return { workbook, sammenligning: outputs.find((o) => o.name === 'Sammenligning')! };
}

/** The grid's first row (in the head or the body) whose cell in column `column` (0: A) reads `text`. */
const rowWith = (text: string, column = 0) =>
  screen.getAllByRole('row').find((r) => r.querySelectorAll('td')[column]?.textContent === text)!;

test('a styled output sheet shows its fills, borders and wrapped headers; its frozen rows stay in the head, its frozen columns at the left', () => {
  const { workbook, sammenligning } = sampleAfterRun();
  render(<WorkbookView workbook={workbook} active="Sammenligning" onActivate={() => undefined} version={0} />);
  const table = screen.getByRole('table', { name: 'Sammenligning' });
  const [head] = table.getElementsByTagName('thead');
  // The sheet's frozen rows (title, note, column header) are in the head with the column letters.
  expect(sammenligning.frozen).toEqual({ rows: 3, columns: 2 });
  expect(
    within(head)
      .getAllByRole('rowheader')
      .map((th) => th.textContent),
  ).toEqual(['1', '2', '3']);
  // The first scenario's total: its fill and its double line under it, across the row, blank cells too.
  const total = [...rowWith('I alt', 1).querySelectorAll('td')];
  const fill = ROW_STYLES.total.fill!;
  const rgb = `rgb(${[0, 2, 4].map((i) => parseInt(fill.slice(i, i + 2), 16)).join(', ')})`;
  expect(total.map((td) => td.style.backgroundColor)).toEqual(total.map(() => rgb));
  expect(total[0].style.borderBottom).toMatch(/^3px double/);
  expect(total[2].style.borderTop).toMatch(/^1px solid/);
  // A column header wraps, in its row's height.
  const header = rowWith('Nr');
  expect(getComputedStyle(header.querySelector('td')!).whiteSpace).toBe('normal');
  expect(getComputedStyle(rowWith('EBU 1').querySelectorAll('td')[1]).whiteSpace).toBe('nowrap');
  expect(header.style.height).toMatch(/^\d+pt$/);
  // Nr and Titel stay at the left, after the row numbers.
  const ebu1 = [...rowWith('EBU 1').querySelectorAll('td')];
  // (jsdom adds up the calc: 48 px of row numbers and column A's width in pixels, as the grid draws it.)
  const widthOfA = Math.round((workbook.getWorksheet('Sammenligning')!.getColumn(1).width ?? 10) * 7 + 12);
  expect(ebu1.slice(0, 3).map((td) => td.style.left)).toEqual(['calc(48px)', `calc(${48 + widthOfA}px)`, '']);
});

test('a sheet without styles or frozen panes shows plain cells and only the column letters in the head', () => {
  const { workbook } = sampleAfterRun();
  render(<WorkbookView workbook={workbook} active="Hørsholm" onActivate={() => undefined} version={0} />);
  const [head] = screen.getByRole('table', { name: 'Hørsholm' }).getElementsByTagName('thead');
  expect(within(head).queryAllByRole('rowheader')).toEqual([]);
  const row = [...rowWith('EBU 1').querySelectorAll('td')];
  expect(row.map((td) => td.getAttribute('style'))).toEqual(row.map(() => null));
});
