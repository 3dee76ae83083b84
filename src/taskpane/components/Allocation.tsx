/**
 * "Råderummets fordeling" (issue 13, item 1): a scenario's requests in priority order, each funded, partly
 * funded or not (and why, where a variant of its group was funded instead), their shares of the pool per year
 * as a chart and what is left per year. The mode and the order can be tried at once, in memory; only
 * "Gem prioriteter" writes, to the Prioritet cells. The figures are the engine's (./negotiation.ts).
 */
import { useAmountTableStyles } from './figure-styles';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { AllocationMode } from '../../model/types';
import type { Language } from '../../workbook/messages';
import { MODES, type AllocationView } from '../negotiation';
import { NEGOTIATION_STRINGS } from '../negotiation-strings';
import type { PaneStore, PrioritySave } from '../state';
import { AllocationChart } from './AllocationChart';
import { Button } from './button';
import { amountFormat } from './choices';
import { Choice, Notice } from './controls';
import { Body1, Caption1, Subtitle2 } from './text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grow: { flex: 1, minWidth: '8rem', maxWidth: '100%' },
  hint: { color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'grab',
  },
  dragging: { opacity: 0.5 },
  text: { flex: 1, minWidth: '10rem', display: 'flex', flexDirection: 'column' },
});

/** `list` with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = list.slice();
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

export interface AllocationProps {
  store: PaneStore;
  language: Language;
  /** Changes whenever the pane has read the workbook again (the what-if's result): the view is calculated anew. */
  reading: unknown;
}

export function Allocation({ store, language, reading }: AllocationProps) {
  const t = NEGOTIATION_STRINGS[language];
  const styles = { ...useAmountTableStyles(), ...useStyles() };
  const id = useId();
  const [scenario, setScenario] = useState<string>();
  const [mode, setMode] = useState<AllocationMode>();
  const [order, setOrder] = useState<string[]>();
  const [announced, setAnnounced] = useState('');
  const [saved, setSaved] = useState<PrioritySave>();
  const [saving, setSaving] = useState(false);
  const dragged = useRef<number>();
  const [dragging, setDragging] = useState<number>();
  const focusAfterMove = useRef<string>();
  const listRef = useRef<HTMLOListElement>(null);
  const view: AllocationView | undefined = useMemo(
    () => store.allocation({ scenario, mode, order }),
    // `reading` stands for the store's sheets: a new reading, a new view.
    [store, scenario, mode, order, reading],
  );
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = undefined;
    listRef.current?.querySelector<HTMLElement>(`[data-move="${CSS.escape(target)}"]`)?.focus();
  });
  if (!view || view.requests.length === 0) return null;
  const format = amountFormat(language, view.unit);
  const percent = new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const nrs = view.requests.map((r) => r.nr);

  const move = (from: number, to: number, button?: 'up' | 'down') => {
    if (to < 0 || to >= nrs.length || from === to) return;
    const next = moved(nrs, from, to);
    setOrder(next);
    setSaved(undefined);
    setAnnounced(t.moved(nrs[from], to + 1, nrs.length));
    // Focus stays on the moved request's button, or its other one at the top or bottom.
    if (button) focusAfterMove.current = `${nrs[from]}/${to === 0 ? 'down' : to === nrs.length - 1 ? 'up' : button}`;
  };
  const onKey = (event: KeyboardEvent, k: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const up = event.key === 'ArrowUp';
    move(k, up ? k - 1 : k + 1, up ? 'up' : 'down');
  };
  const onDrop = (event: DragEvent, k: number) => {
    event.preventDefault();
    if (dragged.current !== undefined) move(dragged.current, k);
    dragged.current = undefined;
    setDragging(undefined);
  };
  const save = async () => {
    if (!order) return;
    setSaving(true);
    const result = await store.savePriorities(order);
    setSaving(false);
    setSaved(result);
    if (result.kind === 'saved') setOrder(undefined);
  };
  const first = view.years[0];

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {t.allocationTitle}
      </Subtitle2>
      <div className={styles.row}>
        <Choice label={t.scenario} className={styles.grow} value={view.scenario} onChange={(v) => setScenario(v)}>
          {view.scenarios.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Choice>
        <Choice label={t.mode} className={styles.grow} value={view.mode} onChange={(v) => setMode(v as AllocationMode)}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t.modeWord(m)}
            </option>
          ))}
        </Choice>
      </div>
      {view.mode !== view.ownMode && <Caption1>{t.modeTried(t.modeWord(view.mode), t.modeWord(view.ownMode))}</Caption1>}
      <Caption1 className={styles.hint}>{t.amountsIn(view.unit)}</Caption1>

      <Subtitle2 as="h3" id={`${id}-priorities`}>
        {t.priorities}
      </Subtitle2>
      <Caption1 id={`${id}-hint`} className={styles.hint}>
        {t.prioritiesHint}
      </Caption1>
      <ol ref={listRef} className={styles.list} aria-labelledby={`${id}-priorities`} aria-describedby={`${id}-hint`}>
        {view.requests.map((r, k) => (
          <li
            key={r.nr}
            data-nr={r.nr}
            className={mergeClasses(styles.item, dragging === k && styles.dragging)}
            draggable
            onDragStart={(event) => {
              dragged.current = k;
              setDragging(k);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', r.nr);
            }}
            onDragEnd={() => setDragging(undefined)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, k)}
            onKeyDown={(event) => onKey(event, k)}
          >
            <span className={styles.text}>
              <Body1>{`${k + 1}. ${r.nr} ${r.title}`}</Body1>
              <Caption1>
                {[
                  t.status(r.status),
                  r.alternativeFunded ? t.alternativeFunded(r.alternativeFunded) : undefined,
                  first !== undefined
                    ? t.fundedOf(format.format(r.funded[0]), format.format(r.request[0]), view.unit, first)
                    : undefined,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Caption1>
            </span>
            <Button
              size="small"
              data-move={`${r.nr}/up`}
              aria-label={t.moveUp(r.nr)}
              disabled={k === 0}
              onClick={() => move(k, k - 1, 'up')}
            >
              {t.up}
            </Button>
            <Button
              size="small"
              data-move={`${r.nr}/down`}
              aria-label={t.moveDown(r.nr)}
              disabled={k === nrs.length - 1}
              onClick={() => move(k, k + 1, 'down')}
            >
              {t.down}
            </Button>
          </li>
        ))}
      </ol>
      <div role="status" aria-live="polite">
        {announced}
      </div>
      {order && <Notice intent="info">{t.orderPending}</Notice>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!order || saving} onClick={() => void save()}>
          {t.savePriorities}
        </Button>
        {order && (
          <Button
            onClick={() => {
              setOrder(undefined);
              setAnnounced('');
            }}
          >
            {t.undoPriorities}
          </Button>
        )}
      </div>
      {saved && (
        <Notice intent={saved.kind === 'saved' ? 'success' : 'warning'}>
          {saved.kind === 'saved'
            ? t.prioritiesSaved(saved.cells)
            : saved.kind === 'refused'
              ? t.prioritiesRefused(saved.reason, saved.nr, saved.cell)
              : saved.kind === 'cannotWrite'
                ? t.cannotWrite
                : t.saveFailed(saved.detail)}
        </Notice>
      )}

      <AllocationChart
        years={view.years}
        series={view.requests.filter((r) => r.share.some((s) => s > 0)).map((r) => ({ name: r.nr, shares: r.share }))}
        left={view.remainingShare}
        leftName={t.left}
        label={`${t.shareChart}: ${view.scenario}, ${t.modeWord(view.mode)}`}
        percent={(f) => percent.format(f)}
      />
      <table className={styles.table} aria-labelledby={`${id}-heading`}>
        <thead>
          <tr>
            {[t.year, t.available, t.funded, t.remaining].map((h, k) => (
              <th key={h} scope="col" className={mergeClasses(styles.cell, styles.head, k > 0 && styles.headNumber)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.years.map((year, i) => (
            <tr key={year}>
              <th scope="row" className={styles.cell}>
                {year}
              </th>
              <td className={mergeClasses(styles.cell, styles.number)}>{format.format(view.available[i])}</td>
              <td className={mergeClasses(styles.cell, styles.number)}>{format.format(view.funded[i])}</td>
              <td className={mergeClasses(styles.cell, styles.number)}>{format.format(view.remaining[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
