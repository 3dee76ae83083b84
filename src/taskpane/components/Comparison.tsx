/**
 * The scenarios side by side per year, against a reference the user picks
 * (the base by default), from the core's figures and differences (rule 9):
 * the pane formats them and draws them, it computes none. A difference reads
 * without colour: an arrow, a sign and, for screen readers, words.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Caption1, Subtitle2 } from './text';
import { useId, useState } from 'react';
import type { Language } from '../../workbook/messages';
import { EDITOR_STRINGS } from '../editor-strings';
import { COMPARED_FIGURES, type ComparedFigure } from '../compared-figures';
import type { ComparisonView } from '../what-if';
import { ComparisonChart } from './ComparisonChart';
import { Choice } from './controls';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grow: { flex: 1, minWidth: '8rem', maxWidth: '100%' },
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  yearHead: { textAlign: 'left' },
  head: { fontWeight: tokens.fontWeightSemibold, textAlign: 'right', verticalAlign: 'bottom' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  difference: { display: 'block', fontSize: tokens.fontSizeBase100 },
  worse: { color: tokens.colorPaletteRedForeground1 },
  better: { color: tokens.colorPaletteGreenForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** Whether more of a figure is better for the budget (more room), worse (more spent), or neither. */
const MORE_IS: Record<ComparedFigure, 'better' | 'worse' | undefined> = {
  totalNetto: 'worse',
  effect: 'worse',
  available: 'better',
  funded: undefined,
  remaining: 'better',
};

export interface ComparisonProps {
  comparison: ComparisonView;
  language: Language;
  /** Whether the figures include edits not saved. */
  pending: boolean;
  onReference: (name: string) => void;
}

export function Comparison({ comparison, language, pending, onReference }: ComparisonProps) {
  const t = EDITOR_STRINGS[language];
  const styles = useStyles();
  const id = useId();
  const [figure, setFigure] = useState<ComparedFigure>('effect');
  const { reference, years, unit, scenarios } = comparison;
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  const digits = unit === 'mio. kr.' ? 1 : 0;
  const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const signed = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  });
  /** The minus sign, not a hyphen: it reads as one in Danish print. */
  const minus = (text: string) => text.replace('-', '\u2212');

  const difference = (value: number) => {
    // Zero as shown: a difference that rounds to 0,0 in the unit's digits has no arrow, no colour, no "more".
    if (plain.format(Math.abs(value)) === plain.format(0))
      return { arrow: '=', text: '0', words: t.same(reference), tone: undefined as 'better' | 'worse' | undefined };
    const more = value > 0;
    const tone: 'better' | 'worse' | undefined =
      MORE_IS[figure] === undefined ? undefined : (MORE_IS[figure] === 'better') === more ? 'better' : 'worse';
    const amount = plain.format(Math.abs(value));
    return {
      arrow: more ? '▲' : '▼',
      text: minus(signed.format(value)),
      words: more ? t.more(amount, reference) : t.less(amount, reference),
      tone,
    };
  };

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {t.comparisonTitle}
        {pending ? ` (${t.withPending})` : ''}
      </Subtitle2>
      <div className={styles.row}>
        <Choice label={t.reference} className={styles.grow} value={reference} onChange={onReference}>
          {scenarios.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Choice>
        <Choice label={t.figure} className={styles.grow} value={figure} onChange={(value) => setFigure(value as ComparedFigure)}>
          {COMPARED_FIGURES.map((f) => (
            <option key={f} value={f}>
              {t.figures[f]}
            </option>
          ))}
        </Choice>
      </div>
      <Caption1 className={styles.hint}>{`${t.figures[figure]}, ${unit}`}</Caption1>
      {/* Focusable, so a keyboard can scroll a table wider than a narrow pane. */}
      <div className={styles.scroller} tabIndex={0} role="region" aria-labelledby={`${id}-table`}>
        <table className={styles.table} aria-labelledby={`${id}-table`}>
          <caption id={`${id}-table`} className={styles.hidden}>
            {`${t.comparisonTitle}: ${t.figures[figure]} (${unit}), ${t.reference.toLowerCase()} ${reference}`}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.cell, styles.head, styles.yearHead)}>
                {t.year}
              </th>
              {scenarios.map((s) => (
                <th key={s.name} scope="col" className={mergeClasses(styles.cell, styles.head)}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((year, y) => (
              <tr key={year}>
                <th scope="row" className={mergeClasses(styles.cell, styles.rowHead)}>
                  {year}
                </th>
                {scenarios.map((s) => {
                  const d = s.difference && difference(s.difference[figure][y]);
                  return (
                    <td key={s.name} className={mergeClasses(styles.cell, styles.number)}>
                      {minus(plain.format(s.figures[figure][y]))}
                      {d && (
                        <span
                          className={mergeClasses(styles.difference, d.tone && styles[d.tone])}
                          data-difference={s.difference?.[figure][y]}
                        >
                          <span aria-hidden="true">
                            {d.arrow} {d.text}
                          </span>
                          <span className={styles.hidden}>{d.words}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row" className={mergeClasses(styles.cell, styles.rowHead)}>
                {t.proposalsFunded}
              </th>
              {scenarios.map((s) => (
                <td key={s.name} className={mergeClasses(styles.cell, styles.number)}>
                  {t.fundedCount(s.fundedCount, s.requestCount)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <ComparisonChart
        years={years}
        series={scenarios.map((s) => ({ name: s.name, values: s.figures[figure] }))}
        label={t.chart(t.figures[figure], unit)}
        format={(v) => minus(plain.format(v))}
      />
    </section>
  );
}
