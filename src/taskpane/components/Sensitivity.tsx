/**
 * "Følsomhed" (issue 13, item 3) and "Hvornår går det i nul?" (item 4) in the pane: a scenario's total netto,
 * budget effect and råderum left over caseload 40–45 or a benefit's refusion ±10 points, as a table and a chart;
 * a proposal's break-even caseload and fuldtidspersoner, and the råderum needed down to a priority. Calculated
 * in memory on the workbook as read (src/workbook/sensitivity.ts, the command line's own); nothing written.
 */
import { useAmountTableStyles } from './figure-styles';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { ExactValue, YearRoot } from '../../model/break-even';
import type { Language } from '../../workbook/messages';
import type { SweepParameter } from '../../model/sensitivity';
import type { BreakEvenView } from '../negotiation';
import { NEGOTIATION_STRINGS } from '../negotiation-strings';
import type { PaneStore } from '../state';
import { amountFormat } from './choices';
import { Choice } from './controls';
import { SensitivityChart } from './SensitivityChart';
import { Body1, Caption1, Subtitle2 } from './text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grow: { flex: 1, minWidth: '8rem', maxWidth: '100%' },
  hint: { color: tokens.colorNeutralForeground3 },
  current: { fontWeight: tokens.fontWeightSemibold },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const locale = (language: Language) => (language === 'da' ? 'da-DK' : 'en-GB');

export function Sensitivity({ store, language, reading }: { store: PaneStore; language: Language; reading: unknown }) {
  const t = NEGOTIATION_STRINGS[language];
  const styles = { ...useAmountTableStyles(), ...useStyles() };
  const id = useId();
  const choices = useMemo(() => store.negotiationChoices(), [store, reading]);
  const [scenario, setScenario] = useState<string>();
  const [parameter, setParameter] = useState('caseload');
  const [year, setYear] = useState<number>();
  const name = choices && (scenario && choices.scenarios.includes(scenario) ? scenario : choices.scenarios[0]);
  const swept: SweepParameter =
    parameter === 'caseload' ? { kind: 'caseload' } : { kind: 'refusion', benefit: parameter.slice('refusion:'.length) };
  const answer = useMemo(
    () => store.sweep(name, swept),
    // `swept` is made anew each render: `parameter` stands for it.
    [store, name, parameter, reading],
  );
  if (!choices || !answer) return null;
  const shownYear = year !== undefined && answer.years.includes(year) ? year : answer.years[0];
  const rows = answer.rows.filter((r) => r.year === shownYear);
  const format = amountFormat(language, answer.unit);
  const caseload = swept.kind === 'caseload';
  const percent = new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const formatX = (x: number) => (caseload ? number.format(x) : t.points(signed.format(x)));
  const current = (value: number) => (caseload ? answer.sweep.current === value : value === 0);
  const outOfRange = answer.sweep.points.filter((p) => p.outOfRange).map((p) => percent.format(p.value));
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {t.sensitivityTitle}
      </Subtitle2>
      <div className={styles.row}>
        <Choice label={t.sweepScenario} className={styles.grow} value={name ?? ''} onChange={(v) => setScenario(v)}>
          {choices.scenarios.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Choice>
        <Choice label={t.sweepOf} className={styles.grow} value={parameter} onChange={(v) => setParameter(v)}>
          <option value="caseload">{t.caseloadSweep}</option>
          {choices.benefits.map((b) => (
            <option key={b.key} value={`refusion:${b.key}`}>
              {t.refusionSweep(b.name)}
            </option>
          ))}
        </Choice>
        <Choice label={t.sweepYear} className={styles.grow} value={String(shownYear)} onChange={(v) => setYear(Number(v))}>
          {answer.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Choice>
      </div>
      <Caption1 className={styles.hint}>{t.amountsIn(answer.unit)}</Caption1>
      <SensitivityChart
        xs={rows.map((r) => r.value)}
        series={[
          { name: t.totalNetto, values: rows.map((r) => r.totalNetto) },
          { name: t.effect, values: rows.map((r) => r.effect) },
          { name: t.raaderumLeft, values: rows.map((r) => r.remaining) },
        ]}
        label={t.sweepChart(answer.sweep.scenario, shownYear)}
        formatX={formatX}
        format={(v) => format.format(v)}
      />
      {/* Focusable, so a keyboard can scroll a table wider than a narrow pane (three amounts side by side). */}
      <div
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`${t.table}: ${t.sweepChart(answer.sweep.scenario, shownYear)}`}
      >
        <table className={styles.table} aria-label={t.sweepChart(answer.sweep.scenario, shownYear)}>
          <thead>
            <tr>
              {[caseload ? t.caseload : t.refusionPoints, t.totalNetto, t.effect, t.raaderumLeft].map((h, k) => (
                <th key={h} scope="col" className={mergeClasses(styles.cell, styles.head, k > 0 && styles.headNumber)}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.value} className={current(r.value) ? styles.current : undefined}>
                <th scope="row" className={mergeClasses(styles.cell, current(r.value) && styles.current)}>
                  {formatX(r.value)}
                  {r.rate !== undefined ? ` (${percent.format(r.rate)})` : ''}
                  {current(r.value) ? ` (${t.current})` : ''}
                </th>
                <td className={mergeClasses(styles.cell, styles.number)}>{format.format(r.totalNetto)}</td>
                <td className={mergeClasses(styles.cell, styles.number)}>{format.format(r.effect)}</td>
                <td className={mergeClasses(styles.cell, styles.number)}>{format.format(r.remaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outOfRange.length > 0 && <Caption1>{`${outOfRange.join(', ')}: ${t.outOfRange}`}</Caption1>}
    </section>
  );
}

/** An exact value as a finance officer reads it: two decimals at most, and the fraction where it is one. */
function exact(value: ExactValue, language: Language): { at: string; fraction?: string } {
  const at = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(value.value);
  return { at, fraction: value.fraction && `${value.fraction.numerator}/${value.fraction.denominator}` };
}

/** Per year (or once, when every year is the same) a sentence of the root. */
function rootLines(
  years: readonly YearRoot[],
  same: boolean,
  say: {
    at: (root: ExactValue, pays: 'above' | 'below', year?: number) => string;
    never: (year?: number) => string;
    always: (year?: number) => string;
  },
): string[] {
  return (same ? years.slice(0, 1) : years).map(({ year, root }) => {
    const shown = same ? undefined : year;
    return root.kind === 'at' ? say.at(root.at, root.pays, shown) : root.kind === 'never' ? say.never(shown) : say.always(shown);
  });
}

export function breakEvenLines(
  answer: Exclude<BreakEvenView, { kind: 'refused' }>,
  language: Language,
  years: readonly number[],
  benefitName: (key: string) => string,
): string[] {
  const t = NEGOTIATION_STRINGS[language];
  const number = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 });
  if (answer.kind === 'pool') {
    const format = amountFormat(language, answer.unit);
    return [
      t.poolNeeded(answer.pool.priority, answer.pool.requests.length),
      ...answer.pool.pool.map((_, i) =>
        t.poolYear(years[i], format.format(answer.poolInUnit[i]), format.format(answer.currentInUnit[i]), answer.unit),
      ),
    ];
  }
  const lines: string[] = [];
  const c = answer.caseload;
  if (c) {
    lines.push(
      ...rootLines(c.years, c.sameEveryYear, {
        at: (root, pays, year) => {
          const { at, fraction } = exact(root, language);
          return t.caseloadRoot(c.nr, at, fraction, pays, year);
        },
        never: (year) => t.caseloadNever(c.nr, year),
        always: (year) => t.caseloadAlways(c.nr, year),
      }),
    );
    if (c.current !== undefined) lines.push(t.caseloadNow(number.format(c.current)));
  }
  const f = answer.fullTimePersons;
  if (f) {
    lines.push(
      ...rootLines(f.years, f.sameEveryYear, {
        at: (root, pays, year) => t.fullTimePersonsRoot(f.nr, exact(root, language).at, benefitName(f.benefit), pays, year),
        never: (year) => t.fullTimePersonsNever(f.nr, year),
        always: (year) => t.fullTimePersonsAlways(f.nr, year),
      }),
      t.fullTimePersonsNow(number.format(f.current), number.format(f.rowVolume)),
    );
  }
  return lines;
}

export function BreakEven({ store, language, reading }: { store: PaneStore; language: Language; reading: unknown }) {
  const t = NEGOTIATION_STRINGS[language];
  const styles = { ...useAmountTableStyles(), ...useStyles() };
  const id = useId();
  const choices = useMemo(() => store.negotiationChoices(), [store, reading]);
  const [scenario, setScenario] = useState<string>();
  const [nr, setNr] = useState('');
  const [priority, setPriority] = useState('');
  if (!choices) return null;
  const name = scenario && choices.scenarios.includes(scenario) ? scenario : choices.scenarios[0];
  const benefitName = (key: string) => choices.benefits.find((b) => b.key === key)?.name ?? key;
  const answerOf = (question: Parameters<PaneStore['breakEven']>[0]): string[] => {
    try {
      const answer = store.breakEven(question);
      if (!answer) return [];
      if (answer.kind === 'refused') return [t.refusal(answer.refusal)];
      const refusals = answer.kind === 'proposal' ? answer.refusals.map((r) => t.refusal(r)) : [];
      return [...breakEvenLines(answer, language, choices.years, benefitName), ...refusals];
    } catch {
      return [];
    }
  };
  const proposalLines = nr ? answerOf({ scenario: name, nr }) : [];
  const poolLines = priority ? answerOf({ scenario: name, fundToPriority: Number(priority) }) : [];
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {t.breakEvenTitle}
      </Subtitle2>
      <Choice label={t.breakEvenScenario} value={name} onChange={(v) => setScenario(v)}>
        {choices.scenarios.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Choice>
      <Choice label={t.proposal} value={nr} onChange={setNr}>
        <option value="">{t.noneChosen}</option>
        {choices.staffed.map((p) => (
          <option key={p.nr} value={p.nr}>
            {`${p.nr} ${p.title}`}
          </option>
        ))}
      </Choice>
      {proposalLines.length > 0 && (
        <ul className={styles.lines} aria-live="polite">
          {proposalLines.map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
      )}
      <Choice label={t.priority} value={priority} onChange={setPriority}>
        <option value="">{t.noneChosen}</option>
        {choices.priorities.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </Choice>
      {poolLines.length > 0 && (
        <ul className={styles.lines} aria-live="polite">
          {poolLines.map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
