/**
 * Why this figure: a proposal's netto in every scenario, step by step, as the
 * calculation core recorded it (workbook/explanation.ts puts it into words).
 *
 * Laid out for a 320 px pane: four years of amounts beside a step's words do
 * not fit, so one year is shown at a time (a row of year choices, the budget
 * year first). First a small table of the netto in every scenario (and what
 * the råderum gives a request), for the comparison at a glance; then a block
 * per scenario (in the workbook's order, the base first) with the steps, the
 * netto and the råderum status, every amount with its sign and the unit.
 * No figure is computed here: every amount is one the workbook layer gave.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { Button } from './button';
import { Body1, Caption1, Subtitle2 } from './text';
import { useId, useState, type KeyboardEvent } from 'react';
import type { CellPlace } from '../../model/types';
import type { ExplainedStep, ProposalExplanation, ScenarioExplanation } from '../../workbook/explanation';
import { cellAddress } from '../../workbook/grid';
import type { Unit } from '../../workbook/units';
import { amountFormat, choiceAfterKey } from './choices';

export interface ExplanationProps {
  explanation: ProposalExplanation;
  language: 'da' | 'en';
  /** Selects the proposal's row in the workbook; without it the pane shows no button. */
  onShowInWorkbook?: (place: CellPlace) => void;
}

interface Words {
  /** The caption under the heading: what the section shows, and in which unit. */
  intro: (unit: Unit) => string;
  year: string;
  glance: (year: number) => string;
  scenario: string;
  netto: string;
  funded: (year: number, unit: Unit) => string;
  /** After a scenario's name where it leaves the proposal out. */
  leftOutMark: string;
  base: string;
  step: string;
  amount: (year: number, unit: Unit) => string;
  nettoRow: string;
  leftOut: string;
  status: string;
  show: string;
  noScenarios: string;
}

const WORDS: Record<'da' | 'en', Words> = {
  da: {
    intro: (unit) => `Sådan er netto regnet ud i hvert scenarie, trin for trin. Beløb i ${unit}; minus er en besparelse.`,
    year: 'År',
    glance: (year) => `Netto ${year} i alle scenarier`,
    scenario: 'Scenarie',
    netto: 'Netto',
    funded: (year, unit) => `Bevilget ${year} (${unit})`,
    leftOutMark: 'udeladt',
    base: 'basis',
    step: 'Trin',
    amount: (year, unit) => `${year} (${unit})`,
    nettoRow: 'Netto',
    leftOut: 'Udeladt i dette scenarie (Udelad): forslaget tæller med 0.',
    status: 'Råderum',
    show: 'Vis forslaget i projektmappen',
    noScenarios: 'Ingen scenarier at forklare.',
  },
  en: {
    intro: (unit) => `How the netto was computed in each scenario, step by step. Amounts in ${unit}; minus is a saving.`,
    year: 'Year',
    glance: (year) => `Netto ${year} in every scenario`,
    scenario: 'Scenario',
    netto: 'Netto',
    funded: (year, unit) => `Funded ${year} (${unit})`,
    leftOutMark: 'left out',
    base: 'base',
    step: 'Step',
    amount: (year, unit) => `${year} (${unit})`,
    nettoRow: 'Netto',
    leftOut: 'Left out of this scenario (Udelad): the proposal counts as 0.',
    status: 'Råderum',
    show: 'Show the proposal in the workbook',
    noScenarios: 'No scenarios to explain.',
  },
};

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  address: { fontFamily: tokens.fontFamilyMonospace },
  years: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    border: 'none',
  },
  legend: { float: 'left', marginRight: tokens.spacingHorizontalS, padding: 0 },
  choice: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, cursor: 'pointer' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'left',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: 'anywhere',
  },
  head: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  total: {
    fontWeight: tokens.fontWeightSemibold,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  scenarioHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0 },
});

/** The base scenario marked as such, unless its name already says so ("Basis", "Base"). */
function baseName(scenario: string, base: string): string {
  return /^(basis|base)\b/i.test(scenario.trim()) ? scenario : `${scenario} (${base})`;
}

export function Explanation({ explanation, language, onShowInWorkbook }: ExplanationProps) {
  const w = WORDS[language];
  const styles = useStyles();
  const id = useId();
  const { years, unit, scenarios } = explanation;
  const [picked, setPicked] = useState<number>();
  // A year no longer in the explanation (another proposal, another workbook) falls back to the budget year.
  const yearIndex = Math.max(0, picked === undefined ? 0 : years.indexOf(picked));
  const year = years[yearIndex];
  const format = amountFormat(language, unit, true);
  const amount = (values: readonly number[] | undefined) => (values === undefined ? '' : format.format(values[yearIndex] ?? 0));

  // The year choices behave as one radio group: one Tab stop, the arrow keys (and Home, End) choose and move.
  const yearKey = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    const next = choiceAfterKey(event.key, index, years.length);
    if (next === undefined) return;
    event.preventDefault();
    setPicked(years[next]);
    const group = event.currentTarget.closest('fieldset');
    group?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[next]?.focus();
  };

  // A proposal without a known row (the workbook layer then gives an empty sheet name) has nothing to show.
  const located = explanation.place.sheet !== '';
  const anyFunded = scenarios.some((s) => s.funded !== undefined);
  const plain = amountFormat(language, unit, false);
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`} className={styles.heading}>
        {explanation.nr} {explanation.title}
      </Subtitle2>
      <Caption1 as="p" block className={styles.hint}>
        {w.intro(unit)}
        {located && (
          <>
            {' '}
            <span className={styles.address}>{cellAddress(explanation.place)}</span>
          </>
        )}
      </Caption1>
      {onShowInWorkbook && located && (
        <div>
          <Button size="small" onClick={() => onShowInWorkbook(explanation.place)}>
            {w.show}
          </Button>
        </div>
      )}

      {years.length > 1 && (
        <fieldset className={styles.years}>
          <legend className={styles.legend}>
            <Body1>{w.year}</Body1>
          </legend>
          {years.map((y, i) => (
            <label key={y} className={styles.choice}>
              <input
                type="radio"
                name={`${id}-year`}
                value={y}
                checked={i === yearIndex}
                tabIndex={i === yearIndex ? 0 : -1}
                onChange={() => setPicked(y)}
                onKeyDown={(event) => yearKey(event, i)}
              />
              <Body1>{y}</Body1>
            </label>
          ))}
        </fieldset>
      )}

      {scenarios.length === 0 ? (
        <Body1>{w.noScenarios}</Body1>
      ) : (
        <>
          <table className={styles.table}>
            <caption className={styles.caption}>{w.glance(year)}</caption>
            <thead>
              <tr>
                <th scope="col" className={`${styles.cell} ${styles.head}`}>
                  {w.scenario}
                </th>
                <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
                  {w.amount(year, unit)}
                </th>
                {anyFunded && (
                  <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
                    {w.funded(year, unit)}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s, k) => (
                <tr key={s.scenario}>
                  <th scope="row" className={styles.cell}>
                    {k === 0 ? baseName(s.scenario, w.base) : s.scenario}
                    {!s.included && ` (${w.leftOutMark})`}
                  </th>
                  <td className={`${styles.cell} ${styles.number}`}>{amount(s.netto)}</td>
                  {anyFunded && (
                    <td className={`${styles.cell} ${styles.number}`}>
                      {s.funded === undefined ? '' : plain.format(s.funded[yearIndex] ?? 0)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>

          {scenarios.map((s, k) => (
            <ScenarioBlock key={s.scenario} id={`${id}-s${k}`} scenario={s} year={year} unit={unit} words={w} amount={amount} />
          ))}
        </>
      )}
    </section>
  );
}

/** One scenario: its steps with the chosen year's amounts, the netto they add up to, and its råderum status. */
function ScenarioBlock({
  id,
  scenario,
  year,
  unit,
  words: w,
  amount,
}: {
  id: string;
  scenario: ScenarioExplanation;
  year: number;
  unit: Unit;
  words: Words;
  amount: (values: readonly number[] | undefined) => string;
}) {
  const styles = useStyles();
  // The core's own netto step names the sum; the figure shown is the scenario's netto as Resultat shows it.
  const nettoStep: ExplainedStep | undefined = scenario.steps.find((s) => s.rule === 'netto');
  const parts = scenario.steps.filter((s) => s.rule !== 'netto');
  return (
    <div className={styles.block}>
      <h3 id={id} className={styles.scenarioHeading}>
        {scenario.scenario}
      </h3>
      {/* The workbook layer's status says it where it says anything. */}
      {!scenario.included && scenario.status === '' && (
        <Body1 as="p" className={styles.note}>
          {w.leftOut}
        </Body1>
      )}
      <table className={styles.table} aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col" className={`${styles.cell} ${styles.head}`}>
              {w.step}
            </th>
            <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
              {w.amount(year, unit)}
            </th>
          </tr>
        </thead>
        <tbody>
          {parts.map((step, i) => (
            <tr key={i}>
              <th scope="row" className={styles.cell}>
                {step.text}
              </th>
              <td className={`${styles.cell} ${styles.number}`}>{amount(step.amounts)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className={`${styles.cell} ${styles.total}`}>
              {nettoStep?.text ?? w.nettoRow}
            </th>
            <td className={`${styles.cell} ${styles.number} ${styles.total}`}>{amount(scenario.netto)}</td>
          </tr>
        </tbody>
      </table>
      {scenario.status !== '' && (
        <Body1 as="p" className={styles.note}>
          {scenario.included && <strong>{w.status}: </strong>}
          {scenario.status}
        </Body1>
      )}
    </div>
  );
}
