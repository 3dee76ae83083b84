/** A plain view of the in-browser workbook: its sheets as tabs, the active sheet as a grid. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Cell, Row, Workbook, Worksheet } from 'exceljs';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { CellPlace } from '../model/types';
import { cellError, columnLetters, NO_VALUE, type CellValue } from '../workbook/grid';
import type { Language } from '../workbook/messages';
import { plainValue } from '../xlsx/cells';
import { SheetTabs } from './SheetTabs';

const MAX_ROWS = 1000;

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flex: 1 },
  scroller: { overflow: 'auto', flex: 1, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  // Separate borders, each cell drawing its right and bottom edge: collapsed borders belong to the table
  // and would not move with the frozen rows and columns (the rows under them would show through).
  grid: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  // Frozen rows go with the column letters in the head, which stays in view.
  frozenHead: { position: 'sticky', top: 0, zIndex: 2 },
  corner: { position: 'sticky', left: 0, zIndex: 1 },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: 'right',
    padding: '2px 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    whiteSpace: 'nowrap',
    maxWidth: '28rem',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  /** Cells of frozen columns stay in view (their `left` is set per column); blank ones need a background. */
  frozenColumn: { position: 'sticky', zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  /** Cells of frozen rows cover the rows scrolled under them. */
  frozenRow: { backgroundColor: tokens.colorNeutralBackground1 },
  wrap: { whiteSpace: 'normal', verticalAlign: 'bottom' },
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

/** A border edge as the sheet draws it (thin, double, …): what a screen shows of it. */
function borderCss(edge: { style?: string } | undefined): string | undefined {
  if (!edge?.style) return undefined;
  if (edge.style === 'double') return '3px double #000';
  if (edge.style === 'medium' || edge.style === 'thick') return '2px solid #000';
  return '1px solid #000';
}

/**
 * What a cell's own look adds to the grid: its fill (an RGB colour; theme colours are not
 * resolved), borders at top and bottom, and a font size other than 11 pt, relative to the grid's.
 */
export function cellLook(cell: Pick<Cell, 'fill' | 'border' | 'font'>): CSSProperties {
  const look: CSSProperties = {};
  const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
  if (fill && /^[0-9A-Fa-f]{8}$/.test(fill)) look.backgroundColor = `#${fill.slice(2)}`;
  const top = borderCss(cell.border?.top);
  const bottom = borderCss(cell.border?.bottom);
  if (top) look.borderTop = top;
  if (bottom) look.borderBottom = bottom;
  const size = cell.font?.size;
  if (size && size !== 11) look.fontSize = `calc(${size}em / 11)`;
  return look;
}

/** The rows and columns the sheet keeps in view (its frozen panes), 0 where none. */
export function frozenPanes(sheet: Worksheet): { rows: number; columns: number } {
  const view = sheet.views?.[0];
  if (view?.state !== 'frozen') return { rows: 0, columns: 0 };
  return { rows: Math.max(0, view.ySplit ?? 0), columns: Math.max(0, view.xSplit ?? 0) };
}

export interface WorkbookViewProps {
  workbook: Workbook;
  active: string;
  onActivate: (sheet: string) => void;
  selected?: CellPlace;
  /** A cell clicked (0-based row and column of its sheet), as selecting it in Excel: the pane explains a proposal's row. */
  onSelect?: (place: CellPlace) => void;
  version: number;
  language?: Language;
}

export function WorkbookView({ workbook, active, onActivate, selected, onSelect, language = 'da' }: WorkbookViewProps) {
  const styles = useStyles();
  const selectedCell = useRef<HTMLTableCellElement>(null);
  const sheet = workbook.getWorksheet(active) ?? workbook.worksheets[0];
  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for a clean-up and call.
  useEffect(() => {
    void selectedCell.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selected]);
  if (!sheet) return <div className={styles.view} />;
  const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
  const columnCount = Math.max(1, sheet.columnCount);
  const widths = Array.from({ length: columnCount }, (_, c) => Math.round((sheet.getColumn(c + 1).width ?? 10) * 7 + 12));
  const frozen = frozenPanes(sheet);
  // A frozen column's left edge: the row numbers and the columns before it (CSS adds them up).
  const leftOf = (c: number) =>
    `calc(48px${widths
      .slice(0, c)
      .map((w) => ` + ${w}px`)
      .join('')})`;
  const headRows = Math.min(frozen.rows, rowCount);
  const rowOf = (r: number) => {
    const row: Row = sheet.getRow(r + 1);
    return (
      <tr key={r} style={row.height ? { height: `${row.height}pt` } : undefined}>
        <th className={styles.rowHead} scope="row">
          {r + 1}
        </th>
        {Array.from({ length: columnCount }, (_, c) => {
          const cell = row.getCell(c + 1);
          const value = plainValue(cell.value);
          const shown = cellText(value, cell.numFmt, language);
          const isSelected = selected?.sheet === sheet.name && selected.row === r && selected.column === c;
          const inFrozenColumn = c < frozen.columns;
          // Merged, not joined: a later class's property (wrap's white-space) must win over an earlier one's.
          const classes = mergeClasses(
            styles.cell,
            r < headRows && styles.frozenRow,
            inFrozenColumn && styles.frozenColumn,
            cell.alignment?.wrapText && styles.wrap,
            typeof value === 'number' && styles.number,
            (row.font?.bold || cell.font?.bold) && styles.bold,
            isSelected && styles.selected,
          );
          const look = cellLook(cell);
          return (
            <td
              key={c}
              className={classes}
              style={inFrozenColumn ? { ...look, left: leftOf(c) } : look}
              ref={isSelected ? selectedCell : undefined}
              aria-selected={isSelected || undefined}
              title={shown.title}
              onClick={onSelect && (() => onSelect({ sheet: sheet.name, row: r, column: c }))}
            >
              {shown.text}
            </td>
          );
        })}
      </tr>
    );
  };
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
          <thead className={styles.frozenHead}>
            <tr>
              <th className={mergeClasses(styles.head, styles.corner)} aria-label="Række" />
              {Array.from({ length: columnCount }, (_, c) => (
                <th
                  key={c}
                  className={mergeClasses(styles.head, c < frozen.columns && styles.corner)}
                  style={c < frozen.columns ? { left: leftOf(c) } : undefined}
                  scope="col"
                >
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
            {Array.from({ length: headRows }, (_, r) => rowOf(r))}
          </thead>
          <tbody>
            {Array.from({ length: rowCount }, (_, r) => r)
              .slice(headRows)
              .map(rowOf)}
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
