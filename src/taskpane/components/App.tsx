/** The task pane: what was found, one button to calculate, problems you can click to see. */
import { makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { ThemeRoot } from './theme-root';
import { Button } from './button';
import { Body1, Caption1, Subtitle2, Title3 } from './text';
import { lazy, Suspense, useEffect, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { cellAddress } from '../../workbook/grid';
import { issueText } from '../../workbook/messages';
import type { Unit } from '../../workbook/units';
import type { FundingChange } from '../funding-changes';
import type { Action, PaneState } from '../pane-state';
import type { PaneStore, ScenarioSummary } from '../state';
import { STRINGS, type Strings } from '../strings';
import { compareRuns } from '../../workbook/run-log';
import { EDITOR_STRINGS } from '../editor-strings';
import { Comparison } from './Comparison';
import { Explanation } from './Explanation';
import { RunLog } from './RunLog';
import { ScenarioEditor } from './ScenarioEditor';
import { Choice, Notice, Progress } from './controls';
import { amountFormat } from './choices';

/** The negotiation views and their calculations: a chunk of their own, loaded when their section is first opened. */
// The room's own module (the rule is for imports across rooms): loaded late, on the section's first opening.
// eslint-disable-next-line no-restricted-syntax
const NegotiationViews = lazy(() => import(/* webpackChunkName: "negotiation" */ './NegotiationViews'));

/** The words the pane's start needs of the negotiation (the rest come with the views' chunk). */
const NEGOTIATION_START = {
  da: { printHandout: 'Udskriv forhandlingsoversigt', negotiation: 'Forhandling', loading: 'Henter …' },
  en: { printHandout: 'Print the negotiation summary', negotiation: 'Negotiation', loading: 'Loading …' },
} as const;

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  issue: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', marginBottom: tokens.spacingVerticalS },
  address: { fontFamily: tokens.fontFamilyMonospace },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  changes: { listStyleType: 'none', margin: 0, padding: 0 },
  change: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface AppProps {
  store: PaneStore;
  theme?: 'light' | 'dark';
}

export function App({ store, theme = 'light' }: AppProps) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const t = STRINGS[state.language];
  const styles = useStyles();
  useEffect(() => {
    void store.scan();
  }, [store]);
  // A hand change of Scenarier, or a proposal row's cell selected in Excel, where the host tells of them.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void store.watch().then(
      (unwatch) => (gone ? unwatch() : (stop = unwatch)),
      () => undefined,
    );
    return () => {
      gone = true;
      stop?.();
    };
  }, [store]);
  const busy = state.phase !== 'idle';

  return (
    <ThemeRoot theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={state.language}>
      <main className={styles.pane} aria-labelledby="raaderum-title" aria-busy={busy}>
        <header className={styles.header}>
          <div>
            <Title3 as="h1" block id="raaderum-title">
              {t.title}
            </Title3>
            <Caption1 as="p" block>
              {t.tagline}
            </Caption1>
          </div>
          <Button
            appearance="subtle"
            size="small"
            lang={state.language === 'da' ? 'en' : 'da'}
            onClick={() => store.setLanguage(state.language === 'da' ? 'en' : 'da')}
          >
            {state.language === 'da' ? 'English' : 'Dansk'}
          </Button>
        </header>

        <section className={styles.section} aria-label={t.calculate}>
          {/* Never disabled: a press while busy is queued or answered (reduce, 'pressed'). */}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void store.calculate()}>
              {t.calculate}
            </Button>
            {/* Writes Forhandlingsoversigt with the output sheets and shows it, ready to print. */}
            <Button onClick={() => void store.printHandout()}>{NEGOTIATION_START[state.language].printHandout}</Button>
            <Button onClick={() => void store.insertTemplate()}>{t.insertTemplate}</Button>
            <Button appearance="subtle" onClick={() => void store.scan()}>
              {t.reread}
            </Button>
          </div>
          <Caption1 className={styles.hint}>{t.calculateHint}</Caption1>
        </section>

        <Status state={state} t={t} onStop={() => store.stop()} />
        <FoundSection state={state} t={t} />
        <Problems state={state} t={t} onSelect={(place) => void store.select(place)} />
        {/* The last run's figures first, then the editor and its live what-if. */}
        <Summary state={state} t={t} />
        <FundingChanges state={state} t={t} />
        <ScenarioEditor
          editor={state.editor}
          language={state.language}
          onEdit={(edit) => void store.edit(edit)}
          onSave={() => void store.save()}
          onDiscard={() => void store.discard()}
        />
        {state.editor.result?.comparison && (
          <Comparison
            comparison={state.editor.result.comparison}
            language={state.language}
            pending={state.editor.pending.length > 0}
            onReference={(name) => void store.chooseReference(name)}
          />
        )}
        {state.editor.result && <NegotiationSection state={state} store={store} />}
        <ExplanationSection state={state} store={store} />
        {state.editor.result && state.editor.result.runs.length > 0 && (
          <RunLog
            runs={state.editor.result.runs}
            language={state.language}
            compare={compareRuns}
            unit={state.editor.result.found.unit}
            onShowInWorkbook={(row) => void store.select({ sheet: 'Kørsler', row, column: 0 })}
          />
        )}
      </main>
    </ThemeRoot>
  );
}

/** Allocation, sensitivity and break-even: folded until opened, their code loaded on the first opening. */
function NegotiationSection({ state, store }: { state: PaneState; store: PaneStore }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const t = NEGOTIATION_START[state.language];
  return (
    <section className={styles.section} aria-labelledby="negotiation-heading">
      <Subtitle2 as="h2" id="negotiation-heading">
        <Button appearance="subtle" aria-expanded={open} aria-controls="negotiation-views" onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {t.negotiation}
        </Button>
      </Subtitle2>
      <div id="negotiation-views" hidden={!open}>
        {open && (
          <Suspense
            fallback={
              <div role="status" aria-live="polite">
                <Body1>{t.loading}</Body1>
              </div>
            }
          >
            <NegotiationViews store={store} language={state.language} reading={state.editor.result} />
          </Suspense>
        )}
      </div>
    </section>
  );
}

/** "Hvorfor dette tal?": a proposal chosen from the list (or its row's cell in Excel), explained per scenario. */
function ExplanationSection({ state, store }: { state: PaneState; store: PaneStore }) {
  const styles = useStyles();
  const t = EDITOR_STRINGS[state.language];
  const table = state.editor.result?.table;
  if (!table || table.proposals.length === 0) return null;
  const explained = state.editor.explained;
  const chosen = state.editor.explain && 'nr' in state.editor.explain ? state.editor.explain.nr : '';
  return (
    <section className={styles.section} aria-label={t.explanationTitle}>
      <Choice label={t.chooseProposal} value={chosen} onChange={(value) => void store.explain(value ? { nr: value } : undefined)}>
        <option value="">{t.noProposal}</option>
        {table.proposals.map((p) => (
          <option key={p.nr} value={p.nr}>
            {`${p.nr} ${p.title}`}
          </option>
        ))}
      </Choice>
      {explained && (
        <Explanation explanation={explained} language={state.language} onShowInWorkbook={(place) => void store.select(place)} />
      )}
    </section>
  );
}

function Status({ state, t, onStop }: { state: PaneState; t: Strings; onStop: () => void }) {
  const calculation = state.calculation;
  const text = calculation
    ? t.calculatingScenario(calculation.scenario, Math.floor(calculation.done * 100))
    : state.phase === 'reading'
      ? t.reading
      : state.phase === 'calculating'
        ? t.calculating
        : state.phase === 'writing'
          ? t.writing(state.progress?.done ?? 0, state.progress?.total ?? 1)
          : undefined;
  const notice = state.notice;
  const label: Record<Action, string> = { calculate: t.calculate, insertTemplate: t.insertTemplate, scan: t.reread };
  // Only words in the live region: a progress bar or a button inside it would be read out with every change.
  return (
    <div>
      <div role="status" aria-live="polite">
        {text && <Body1>{text}</Body1>}
        {state.queued && <Notice intent="info">{t.queued[state.queued]}</Notice>}
        {/* Every action clears the notice as it starts: one shown meanwhile is about a press (busy, a cell not shown). */}
        {notice && (
          <Notice
            intent={
              notice.kind === 'done' || notice.kind === 'templateAdded'
                ? 'success'
                : notice.kind === 'hostFailure'
                  ? 'error'
                  : notice.kind === 'busy' || notice.kind === 'stopped'
                    ? 'info'
                    : 'warning'
            }
          >
            {notice.kind === 'done' && t.done}
            {notice.kind === 'stoppedByProblems' && t.stoppedByProblems}
            {notice.kind === 'stopped' && t.stopped}
            {notice.kind === 'workbookChanging' && t.workbookChanging}
            {notice.kind === 'templateAdded' && (notice.names.length > 0 ? t.templateAdded(notice.names) : t.templateNothing)}
            {notice.kind === 'hostFailure' &&
              [
                `${t.hostFailure[notice.failure]} (${notice.detail})`,
                notice.added && t.addedBeforeFailure(notice.added),
                notice.notStarted && t.notStarted(label[notice.notStarted]),
              ]
                .filter(Boolean)
                .join(' ')}
            {notice.kind === 'busy' && t.busy(label[notice.pressed], notice.running)}
          </Notice>
        )}
      </div>
      {text && (
        <>
          <Progress
            label={text}
            value={
              calculation
                ? calculation.done
                : state.progress && state.progress.total > 1
                  ? state.progress.done / state.progress.total
                  : undefined
            }
          />
          {/* Only a calculation in a worker can be stopped; nothing is written before it is done. */}
          {state.phase === 'calculating' && state.stoppable && (
            <Button size="small" onClick={onStop}>
              {t.stop}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

function FoundSection({ state, t }: { state: PaneState; t: Strings }) {
  const styles = useStyles();
  const found = state.found;
  if (!found) return null;
  return (
    <section className={styles.section} aria-labelledby="found-heading">
      <Subtitle2 as="h2" id="found-heading">
        {t.found}
      </Subtitle2>
      {found.lists.length === 0 ? (
        <Body1>{t.noLists}</Body1>
      ) : (
        <ul className={styles.list}>
          {found.lists.map((l) => (
            <li key={`${l.sheet}/${l.table ?? ''}`}>
              <Body1>{t.list(l.sheet, l.table, l.proposals, l.notRead)}</Body1>
            </li>
          ))}
        </ul>
      )}
      {found.years.length > 0 && (
        <Body1>
          {t.years}: {found.years[0]}–{found.years[found.years.length - 1]} · {t.unit}: {found.unit}
        </Body1>
      )}
      {found.scenarioNames.length > 0 && (
        <Body1>
          {t.scenarios}: {found.scenarioNames.map((n, i) => (i === 0 ? `${n} (${t.base})` : n)).join(', ')}
        </Body1>
      )}
    </section>
  );
}

function Problems({
  state,
  t,
  onSelect,
}: {
  state: PaneState;
  t: Strings;
  onSelect: (place: NonNullable<PaneState['issues'][number]['place']>) => void;
}) {
  const styles = useStyles();
  if (!state.found) return null;
  const problems = state.issues.filter((i) => i.severity === 'problem');
  const warnings = state.issues.filter((i) => i.severity === 'warning');
  const heading = [problems.length > 0 ? t.problems(problems.length) : '', warnings.length > 0 ? t.warnings(warnings.length) : '']
    .filter(Boolean)
    .join(', ');
  return (
    <section className={styles.section} aria-labelledby="problems-heading">
      <Subtitle2 as="h2" id="problems-heading">
        {heading || t.noProblems}
      </Subtitle2>
      {state.issues.length > 0 && (
        <ul className={styles.list}>
          {[...problems, ...warnings].map((issue, k) => {
            const text = issueText(issue, state.language);
            return (
              <li key={k} className={styles.issue}>
                {issue.place ? (
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.address}
                    aria-label={`${t.showCell} ${cellAddress(issue.place)}: ${text}`}
                    onClick={() => onSelect(issue.place!)}
                  >
                    {cellAddress(issue.place)}
                  </Button>
                ) : null}
                <Body1>
                  {issue.severity === 'warning' ? '⚠ ' : ''}
                  {text}
                </Body1>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Summary({ state, t }: { state: PaneState; t: Strings }) {
  const styles = useStyles();
  const summary = state.summary;
  const found = state.found;
  if (!summary || !found) return null;
  const format = amountFormat(state.language, found.unit);
  // Years down, scenarios across: a narrow pane has room for a few scenarios, not for four long amounts.
  const table = (id: string, caption: string, pick: (s: ScenarioSummary) => number[]) => (
    <table className={styles.table} aria-labelledby={id}>
      <thead>
        <tr>
          <th scope="col" id={id} className={styles.cell}>
            {caption}
          </th>
          {summary.map((s) => (
            <th scope="col" key={s.name} className={mergeClasses(styles.cell, styles.number)}>
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {found.years.map((year, i) => (
          <tr key={year}>
            <td className={styles.cell}>{year}</td>
            {summary.map((s) => (
              <td key={s.name} className={mergeClasses(styles.cell, styles.number)}>
                {format.format(pick(s)[i])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className={styles.section} aria-labelledby="summary-heading">
      <Subtitle2 as="h2" id="summary-heading">
        {t.summaryTitle}
      </Subtitle2>
      <Caption1>{t.amountsIn(found.unit)}</Caption1>
      {table('summary-effect', t.effect, (s) => s.effect)}
      {table('summary-remaining', t.remaining, (s) => s.remaining)}
    </section>
  );
}

/** A changed request in one line: `K-8 Bevilget → Ikke bevilget, 2.500.000 → 0 kr. (2027)`. */
function changeText(change: FundingChange, t: Strings, format: Intl.NumberFormat, unit: Unit): string {
  const before = t.status(change.statusInReference);
  const after = t.status(change.statusInScenario);
  return [
    `${change.nr} ${before === after ? before : `${before} → ${after}`}`,
    ...change.funded.map((f) => t.fundedChange(format.format(f.reference), format.format(f.scenario), unit, f.year)),
  ].join(', ');
}

/** The item an arrow key, Home or End moves to from `item` in `list`. */
function itemAfterKey(key: string, list: Element, item: Element): Element | null {
  if (key === 'ArrowDown') return item.nextElementSibling;
  if (key === 'ArrowUp') return item.previousElementSibling;
  if (key === 'Home') return list.firstElementChild;
  if (key === 'End') return list.lastElementChild;
  return null;
}

/**
 * A scenario's changed requests: one Tab stop (the item last focused), the arrow keys, Home and
 * End move between items. Made here: Fluent's List, or tabster's arrow navigation, would add
 * 14-24 KB (gzip) to the pane.
 */
function ChangeList({
  labelledBy,
  requests,
  text,
}: {
  labelledBy: string;
  requests: FundingChange[];
  text: (r: FundingChange) => string;
}) {
  const styles = useStyles();
  const [current, setCurrent] = useState<string>();
  const tabStop = requests.some((r) => r.nr === current) ? current : requests[0]?.nr;
  const move = (event: KeyboardEvent<HTMLUListElement>) => {
    const item = (event.target as Element).closest('li');
    const next = item && item.parentElement === event.currentTarget ? itemAfterKey(event.key, event.currentTarget, item) : null;
    if (!(next instanceof HTMLElement)) return;
    event.preventDefault();
    next.focus();
  };
  return (
    <ul className={styles.changes} aria-labelledby={labelledBy} onKeyDown={move}>
      {requests.map((r) => (
        <li key={r.nr} className={styles.change} tabIndex={r.nr === tabStop ? 0 : -1} onFocus={() => setCurrent(r.nr)}>
          <Body1>{text(r)}</Body1>
          <Caption1 className={styles.hint}>{r.title}</Caption1>
        </li>
      ))}
    </ul>
  );
}

/** Per scenario against the base, the requests whose funding changed, in words and figures (no colour). */
function FundingChanges({ state, t }: { state: PaneState; t: Strings }) {
  const styles = useStyles();
  const changes = state.changes;
  const found = state.found;
  if (!changes || changes.length === 0 || !found) return null;
  const format = amountFormat(state.language, found.unit);
  return (
    <section className={styles.section} aria-labelledby="funding-heading">
      <Subtitle2 as="h2" id="funding-heading">
        {t.fundingChanges}
      </Subtitle2>
      {changes.map((c, k) => {
        const id = `funding-${k}`;
        return (
          <div key={c.scenario} className={styles.section}>
            <Body1 as="h3" id={id}>
              <strong>{t.against(c.scenario, c.reference)}</strong>
            </Body1>
            {c.requests.length === 0 ? (
              <Body1>{t.noFundingChanges}</Body1>
            ) : (
              <ChangeList labelledBy={id} requests={c.requests} text={(r) => changeText(r, t, format, found.unit)} />
            )}
          </div>
        );
      })}
    </section>
  );
}
