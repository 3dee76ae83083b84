/** A plain view of the in-browser workbook: its sheets as tabs, the active sheet as a grid. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Workbook } from 'exceljs';
import { useEffect, useRef } from 'react';
import type { CellPlace } from '../model/types';
import { cellError, columnLetters, NO_VALUE, type CellValue } from '../workbook/grid';
import type { Language } from '../workbook/messages';
import { plainValue } from '../xlsx/cells';
import { SheetTabs } from './SheetTabs';

const MAX_ROWS = 1000;

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flex: 1 },
  scroller: { overflow: 'auto', flex: 1, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  grid: { borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: 'right',
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    whiteSpace: 'nowrap',
    maxWidth: '28rem',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

/** Shows a number the way Excel would in Danish, from the cell's number format. */
export function displayNumber(value: number, format: string | undefined): string {
  if (format?.includes('%'))
    return new Intl.NumberFormat('da-DK', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  if (format?.startsWith('#,##0')) {
    const digits = format.includes('.0') ? 1 : 0;
    return new Intl.NumberFormat('da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }
  return new Intl.NumberFormat('da-DK', { maximumFractionDigits: 10, useGrouping: false }).format(value);
}

/** What a cell shows, and a tooltip where the text alone does not say enough. */
export function cellText(
  value: CellValue,
  format: string | undefined,
  language: Language = 'da',
): { text: string; title?: string } {
  if (typeof value === 'number') return { text: displayNumber(value, format) };
  if (value === null) return { text: '' };
  if (typeof value === 'object') {
    const code = cellError(value) ?? '';
    // Excel would show the formula's result, but none was stored (files written by scripts).
    if (code === NO_VALUE)
      return { text: '#?', title: language === 'da' ? 'formel uden gemt resultat' : 'formula without a stored result' };
    return { text: code };
  }
  return { text: String(value) };
}

export interface WorkbookViewProps {
  workbook: Workbook;
  active: string;
  onActivate: (sheet: string) => void;
  selected?: CellPlace;
  version: number;
  language?: Language;
}

export function WorkbookView({ workbook, active, onActivate, selected, language = 'da' }: WorkbookViewProps) {
  const styles = useStyles();
  const selectedCell = useRef<HTMLTableCellElement>(null);
  const sheet = workbook.getWorksheet(active) ?? workbook.worksheets[0];
  useEffect(() => selectedCell.current?.scrollIntoView({ block: 'center', inline: 'center' }), [selected]);
  if (!sheet) return <div className={styles.view} />;
  const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
  const columnCount = Math.max(1, sheet.columnCount);
  const widths = Array.from({ length: columnCount }, (_, c) => Math.round((sheet.getColumn(c + 1).width ?? 10) * 7 + 12));
  return (
    <section className={styles.view} aria-label="Projektmappe">
      <SheetTabs sheets={workbook.worksheets.map((w) => w.name)} active={sheet.name} onActivate={onActivate} />
      <div className={styles.scroller} tabIndex={0} aria-label={`Arket ${sheet.name}`}>
        <table className={styles.grid} aria-label={sheet.name} style={{ width: `${48 + widths.reduce((a, b) => a + b, 0)}px` }}>
          {/* The sheet's own column widths (in characters), as Excel shows them. */}
          <colgroup>
            <col style={{ width: '48px' }} />
            {widths.map((width, c) => (
              <col key={c} style={{ width: `${width}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.head} aria-label="Række" />
              {Array.from({ length: columnCount }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rowCount }, (_, r) => {
              const row = sheet.getRow(r + 1);
              return (
                <tr key={r}>
                  <th className={styles.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {Array.from({ length: columnCount }, (_, c) => {
                    const cell = row.getCell(c + 1);
                    const value = plainValue(cell.value);
                    const shown = cellText(value, cell.numFmt, language);
                    const isSelected = selected?.sheet === sheet.name && selected.row === r && selected.column === c;
                    const classes = [
                      styles.cell,
                      typeof value === 'number' ? styles.number : '',
                      row.font?.bold ? styles.bold : '',
                      isSelected ? styles.selected : '',
                    ]
                      .filter(Boolean)
                      .join(' ');
                    return (
                      <td
                        key={c}
                        className={classes}
                        ref={isSelected ? selectedCell : undefined}
                        aria-selected={isSelected || undefined}
                        title={shown.title}
                      >
                        {shown.text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {sheet.rowCount > MAX_ROWS && (
          <p className={styles.note}>
            Viser de første {MAX_ROWS} af {sheet.rowCount} rækker.
          </p>
        )}
      </div>
    </section>
  );
}
