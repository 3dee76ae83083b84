/**
 * The run log in the pane: the last runs written (sheet `Kørsler`), newest
 * first, and the difference between two of them ("Forhandlingsrunde 2 mod
 * Forhandlingsrunde 1"): same inputs or not, scenarios added and removed,
 * parameters changed, totals changed per scenario and year.
 *
 * Laid out for a 320 px pane: one table of runs with two columns of radio
 * buttons, Fra and Til (the newest against the one before until the user
 * picks), so picking two runs is two choices a keyboard makes with the arrow
 * keys; below it the difference, in lists and one small table per scenario
 * (years down, the two runs and the difference across).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { Button } from './button';
import { Body1, Caption1, Subtitle2 } from './text';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { RunDifference, RunLogEntry, TotalDifference } from '../../workbook/run-log';
import { parseUnit, type Unit } from '../../workbook/units';
import { amountFormat, choiceAfterKey } from './choices';

export interface RunLogProps {
  /** The log's runs, in any order; the pane shows the newest first. */
  runs: readonly RunLogEntry[];
  language: 'da' | 'en';
  /** The difference between two runs (workbook/run-log.ts). */
  compare: (from: RunLogEntry, to: RunLogEntry) => RunDifference;
  /** Selects a run's record in `Kørsler` (its 0-based sheet row); without it the pane shows no buttons. */
  onShowInWorkbook?: (row: number) => void;
  /** The workbook's unit; without it, the unit the newer run's record states (or its base scenario's `Enhed`), else none shown. */
  unit?: Unit;
}

/** How many runs show before "Vis alle". */
export const RECENT_RUNS = 5;

interface Words {
  title: string;
  intro: string;
  none: string;
  onlyOne: string;
  from: string;
  to: string;
  run: string;
  /** A run by its number, as the sheet counts them. */
  runNumber: (run: number) => string;
  pick: (column: string, run: string) => string;
  showAll: (count: number) => string;
  showRecent: (count: number) => string;
  show: (run: string) => string;
  against: (to: string, from: string) => string;
  samePick: string;
  sameInputs: (hash: string) => string;
  otherInputs: (from: string, to: string) => string;
  added: string;
  removed: string;
  parameters: string;
  notStated: string;
  totals: string;
  amountsIn: (unit: Unit) => string;
  year: string;
  difference: string;
  figure: Record<TotalDifference['figure'], string>;
  /** A table's caption: one figure of one scenario. */
  totalOf: (scenario: string, figure: string) => string;
  noDifference: string;
}

const WORDS: Record<'da' | 'en', Words> = {
  da: {
    title: 'Kørsler',
    intro: 'De seneste kørsler, nyeste først. Vælg to for at se forskellen.',
    none: 'Ingen kørsler endnu: hver gang resultaterne skrives, logges en kørsel i arket Kørsler.',
    onlyOne: 'Kun én kørsel: intet at sammenligne med endnu.',
    from: 'Fra',
    to: 'Til',
    run: 'Kørsel',
    runNumber: (run) => `Kørsel ${run}`,
    pick: (column, run) => `${column}: ${run}`,
    showAll: (count) => `Vis alle ${count} kørsler`,
    showRecent: (count) => `Vis kun de seneste ${count}`,
    show: (run) => `Vis ${run} i arket`,
    against: (to, from) => `${to} mod ${from}`,
    samePick: 'Vælg to forskellige kørsler.',
    sameInputs: (hash) => `Samme input: inputcellerne er uændrede (SHA-256 ${hash}…).`,
    otherInputs: (from, to) => `Andet input: inputcellerne er ændret (SHA-256 ${from}… → ${to}…).`,
    added: 'Nye scenarier',
    removed: 'Fjernede scenarier',
    parameters: 'Ændrede parametre',
    notStated: 'ikke angivet',
    totals: 'Ændrede totaler',
    amountsIn: (unit) => `Beløb i ${unit}`,
    year: 'År',
    difference: 'Forskel',
    totalOf: (scenario, figure) => `${scenario}: ${figure}`,
    figure: { totalNetto: 'Netto i alt', funded: 'Bevilget', remaining: 'Tilbage', effect: 'Budgetvirkning' },
    noDifference: 'Ingen forskel i scenarier, parametre eller totaler.',
  },
  en: {
    title: 'Runs',
    intro: 'The latest runs, newest first. Pick two to see the difference.',
    none: 'No runs yet: every time the results are written, a run is logged in the sheet Kørsler.',
    onlyOne: 'Only one run: nothing to compare with yet.',
    from: 'From',
    to: 'To',
    run: 'Run',
    runNumber: (run) => `Run ${run}`,
    pick: (column, run) => `${column}: ${run}`,
    showAll: (count) => `Show all ${count} runs`,
    showRecent: (count) => `Show only the latest ${count}`,
    show: (run) => `Show ${run} in the sheet`,
    against: (to, from) => `${to} against ${from}`,
    samePick: 'Pick two different runs.',
    sameInputs: (hash) => `Same inputs: the input cells are unchanged (SHA-256 ${hash}…).`,
    otherInputs: (from, to) => `Different inputs: the input cells changed (SHA-256 ${from}… → ${to}…).`,
    added: 'Scenarios added',
    removed: 'Scenarios removed',
    parameters: 'Parameters changed',
    notStated: 'not stated',
    totals: 'Totals changed',
    amountsIn: (unit) => `Amounts in ${unit}`,
    year: 'Year',
    difference: 'Difference',
    totalOf: (scenario, figure) => `${scenario}: ${figure}`,
    figure: { totalNetto: 'Total netto', funded: 'Funded', remaining: 'Left', effect: 'Budget effect' },
    noDifference: 'No difference in scenarios, parameters or totals.',
  },
};

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  minor: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'left',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: 'anywhere',
  },
  head: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  pickCell: { width: '2.5em', textAlign: 'center' },
  radio: { margin: 0, cursor: 'pointer' },
  run: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  // A link-like button under the run's words, flush with them.
  showButton: { minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  difference: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  paragraph: { margin: 0 },
});

/** A run as the user knows it: their own name for it where they gave one, else its number. */
function runName(run: RunLogEntry, w: Words): string {
  return run.label.trim() !== '' ? run.label.trim() : w.runNumber(run.run);
}

/**
 * Fields the workbook layer may add to a record (optional, so the panel reads
 * records with or without them): the unit its totals are in, and the years a
 * difference's arrays are for when the two runs' years differ.
 */
type Recorded = RunLogEntry & { unit?: Unit };
type TotalOnYears = TotalDifference & { years?: number[] };

/** The unit a run's totals are in: as its record states it, else as its base scenario's `Enhed` does. */
function unitOf(run: Recorded | undefined): Unit | undefined {
  if (run?.unit !== undefined) return run.unit;
  const stated = run?.scenarios[0]?.parameters.find((p) => p.parameter.trim().toLowerCase() === 'enhed')?.value;
  return stated === undefined ? undefined : parseUnit(stated);
}

interface Picked {
  from: number;
  to: number;
  /** The newest run when the user picked: a new run written since brings back the default (newest against the one before). */
  newest: number;
}

export function RunLog({ runs, language, compare, onShowInWorkbook, unit }: RunLogProps) {
  const w = WORDS[language];
  const styles = useStyles();
  const id = useId();
  const [picked, setPicked] = useState<Picked>();
  const [showAll, setShowAll] = useState(false);

  const newestFirst = useMemo(() => [...runs].sort((a, b) => b.run - a.run), [runs]);
  const newest = newestFirst[0]?.run ?? 0;
  const byNumber = (run: number | undefined) => newestFirst.find((r) => r.run === run);
  const current = picked?.newest === newest ? picked : undefined;
  const to = byNumber(current?.to) ?? newestFirst[0];
  const from = byNumber(current?.from) ?? newestFirst[1];
  const shown = showAll ? newestFirst : newestFirst.slice(0, RECENT_RUNS);

  const difference = useMemo(() => (from && to && from.run !== to.run ? compare(from, to) : undefined), [compare, from, to]);

  const pick = (column: 'from' | 'to', run: number) =>
    setPicked({ from: from?.run ?? run, to: to?.run ?? run, newest, [column]: run });

  // Each column of radios behaves as one radio group: one Tab stop, the arrow keys (and Home, End) choose and move.
  const pickKey = (event: KeyboardEvent<HTMLInputElement>, column: 'from' | 'to', index: number) => {
    const next = choiceAfterKey(event.key, index, shown.length);
    if (next === undefined) return;
    event.preventDefault();
    pick(column, shown[next].run);
    const name = event.currentTarget.name;
    const radios = event.currentTarget.closest('table')?.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`);
    radios?.[next]?.focus();
  };

  const radio = (column: 'from' | 'to', run: RunLogEntry, index: number) => {
    const chosen = (column === 'from' ? from : to)?.run === run.run;
    const anyShownChosen = shown.some((r) => r.run === (column === 'from' ? from : to)?.run);
    return (
      <td className={`${styles.cell} ${styles.pickCell}`}>
        <input
          type="radio"
          className={styles.radio}
          name={`${id}-${column}`}
          value={run.run}
          checked={chosen}
          // One Tab stop per column: the chosen run, or the first shown when the chosen one is hidden.
          tabIndex={chosen || (!anyShownChosen && index === 0) ? 0 : -1}
          aria-label={w.pick(column === 'from' ? w.from : w.to, runName(run, w))}
          onChange={() => pick(column, run.run)}
          onKeyDown={(event) => pickKey(event, column, index)}
        />
      </td>
    );
  };

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`} className={styles.heading}>
        {w.title}
      </Subtitle2>
      {newestFirst.length === 0 ? (
        <Body1 as="p" className={styles.paragraph}>
          {w.none}
        </Body1>
      ) : (
        <>
          <Caption1 as="p" block className={styles.hint}>
            {newestFirst.length === 1 ? w.onlyOne : w.intro}
          </Caption1>
          <table className={styles.table} aria-labelledby={`${id}-heading`}>
            <thead>
              <tr>
                {newestFirst.length > 1 && (
                  <>
                    <th scope="col" className={`${styles.cell} ${styles.head} ${styles.pickCell}`}>
                      {w.from}
                    </th>
                    <th scope="col" className={`${styles.cell} ${styles.head} ${styles.pickCell}`}>
                      {w.to}
                    </th>
                  </>
                )}
                <th scope="col" className={`${styles.cell} ${styles.head}`}>
                  {w.run}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((run, index) => (
                <tr key={run.run}>
                  {newestFirst.length > 1 && (
                    <>
                      {radio('from', run, index)}
                      {radio('to', run, index)}
                    </>
                  )}
                  <td className={styles.cell}>
                    <div className={styles.run}>
                      <Body1>
                        <strong>{runName(run, w)}</strong>
                      </Body1>
                      <Caption1>
                        {run.label.trim() !== '' && `${w.runNumber(run.run)} · `}
                        <time dateTime={run.time.replace(' ', 'T')}>{run.time}</time>
                      </Caption1>
                      {run.changes !== '' && <Caption1 className={styles.hint}>{run.changes}</Caption1>}
                      {onShowInWorkbook && (
                        <Button
                          size="small"
                          appearance="transparent"
                          className={styles.showButton}
                          onClick={() => onShowInWorkbook(run.row)}
                        >
                          {w.show(runName(run, w))}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {newestFirst.length > RECENT_RUNS && (
            <div>
              <Button size="small" appearance="subtle" onClick={() => setShowAll(!showAll)}>
                {showAll ? w.showRecent(RECENT_RUNS) : w.showAll(newestFirst.length)}
              </Button>
            </div>
          )}
          {from && to && (
            <Difference
              id={`${id}-difference`}
              from={from}
              to={to}
              difference={difference}
              words={w}
              language={language}
              unit={unit ?? unitOf(to) ?? unitOf(from)}
            />
          )}
        </>
      )}
    </section>
  );
}

/** Two runs told apart: inputs, scenarios, parameters, and the totals that changed, per scenario and year. */
function Difference({
  id,
  from,
  to,
  difference,
  words: w,
  language,
  unit,
}: {
  id: string;
  from: RunLogEntry;
  to: RunLogEntry;
  difference: RunDifference | undefined;
  words: Words;
  language: 'da' | 'en';
  unit: Unit | undefined;
}) {
  const styles = useStyles();
  const plain = amountFormat(language, unit, false);
  const signed = amountFormat(language, unit, true);
  const heading = (
    <h3 id={id} className={styles.subheading}>
      {w.against(runName(to, w), runName(from, w))}
    </h3>
  );
  if (!difference)
    return (
      <section className={styles.difference} aria-labelledby={id}>
        {heading}
        <Body1 as="p" className={styles.paragraph}>
          {w.samePick}
        </Body1>
      </section>
    );

  const scenarios = [...new Set(difference.totals.map((t) => t.scenario))];
  const unchanged =
    difference.scenariosAdded.length === 0 &&
    difference.scenariosRemoved.length === 0 &&
    difference.parameters.length === 0 &&
    difference.totals.length === 0;
  const hash = (run: RunLogEntry) => run.inputHash.slice(0, 8);
  const fromColumn = w.runNumber(difference.from.run);
  const toColumn = w.runNumber(difference.to.run);

  return (
    <section className={styles.difference} aria-labelledby={id}>
      {heading}
      <Body1 as="p" className={styles.paragraph}>
        {difference.sameInputs ? w.sameInputs(hash(difference.to)) : w.otherInputs(hash(difference.from), hash(difference.to))}
      </Body1>
      {difference.scenariosAdded.length > 0 && (
        <Body1 as="p" className={styles.paragraph}>
          {w.added}: {difference.scenariosAdded.join(', ')}
        </Body1>
      )}
      {difference.scenariosRemoved.length > 0 && (
        <Body1 as="p" className={styles.paragraph}>
          {w.removed}: {difference.scenariosRemoved.join(', ')}
        </Body1>
      )}
      {unchanged && (
        <Body1 as="p" className={styles.paragraph}>
          {w.noDifference}
        </Body1>
      )}

      {difference.parameters.length > 0 && (
        <>
          <h4 id={`${id}-parameters`} className={styles.minor}>
            {w.parameters}
          </h4>
          <ul className={styles.list} aria-labelledby={`${id}-parameters`}>
            {difference.parameters.map((p) => (
              <li key={`${p.scenario}\u0000${p.parameter}`}>
                <Body1>
                  {p.scenario} · {p.parameter}: {p.from ?? w.notStated} → {p.to ?? w.notStated}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}

      {scenarios.length > 0 && (
        <>
          <h4 className={styles.minor}>{w.totals}</h4>
          {unit && <Caption1 className={styles.hint}>{w.amountsIn(unit)}</Caption1>}
          {/* One small table per scenario and figure: years down, the two runs and the difference across. */}
          {scenarios.flatMap((scenario) =>
            difference.totals
              .filter((t) => t.scenario === scenario)
              .map((t) => (
                <table key={`${scenario}\u0000${t.figure}`} className={styles.table}>
                  <caption className={styles.caption}>{w.totalOf(scenario, w.figure[t.figure])}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className={`${styles.cell} ${styles.head}`}>
                        {w.year}
                      </th>
                      <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
                        {fromColumn}
                      </th>
                      <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
                        {toColumn}
                      </th>
                      <th scope="col" className={`${styles.cell} ${styles.head} ${styles.number}`}>
                        {w.difference}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {((t as TotalOnYears).years ?? difference.to.years).map((year, i) => (
                      <tr key={year}>
                        <th scope="row" className={styles.cell}>
                          {year}
                        </th>
                        <td className={`${styles.cell} ${styles.number}`}>{plain.format(t.from[i] ?? 0)}</td>
                        <td className={`${styles.cell} ${styles.number}`}>{plain.format(t.to[i] ?? 0)}</td>
                        <td className={`${styles.cell} ${styles.number}`}>{signed.format(t.difference[i] ?? 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )),
          )}
        </>
      )}
    </section>
  );
}
