/**
 * The scenario editor: what the `Scenarier` sheet holds, with the pane's
 * pending edits on top. Every change is an edit of the sheet's cells
 * (workbook/scenario-edit.ts), calculated at once in memory and written only
 * by "Gem som scenarie"; a pending value is marked in words, not only colour.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Button } from './button';
import { Body1, Caption1, Subtitle2 } from './text';
import { useId, useState, type ReactNode } from 'react';
import { parseNumber, parseShare } from '../../workbook/cells';
import { cellAddress } from '../../workbook/grid';
import type { AllocationMode } from '../../model/types';
import { BANDS, bandLabel, benefitLabel, choiceWord, MODE_CHOICES, NO_EXCLUSIONS } from '../../workbook/columns';
import type { Language } from '../../workbook/messages';
import type { ScenarioEdit, ScenarioTable } from '../../workbook/scenario-edit';
import { matchKey } from '../../workbook/text';
import type { Unit } from '../../workbook/units';
import { isPending, isPendingScenario, shownTable, type EditorState } from '../editor-state';
import { CheckRow, Choice, Notice, Range, TextField } from './controls';
import { EDITOR_STRINGS, type EditorStrings } from '../editor-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flex: 1, minWidth: '8rem', maxWidth: '100%' },
  pending: {
    color: tokens.colorPaletteMarigoldForeground2,
    fontWeight: tokens.fontWeightSemibold,
    marginLeft: tokens.spacingHorizontalXS,
  },
  /** Inputs shrink with a narrow pane (two staircase bands side by side at 320 px). */
  input: { minWidth: 0, width: '100%', maxWidth: '100%' },
  pendingInput: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}` },
  details: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  bands: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
    '& > *': { minWidth: 0 },
  },
  picks: {
    maxHeight: '14rem',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  /** A button with nothing to do: looks unavailable, keeps the focus (a disabled button would drop it). */
  idle: { color: tokens.colorNeutralForegroundDisabled, cursor: 'not-allowed' },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: tokens.spacingHorizontalS,
    border: `1px dashed ${tokens.colorPaletteMarigoldBorderActive}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface ScenarioEditorProps {
  editor: EditorState;
  language: Language;
  onEdit: (edit: ScenarioEdit) => void;
  onSave: () => void;
  onDiscard: () => void;
}

type FieldKind = 'number' | 'amount' | 'share';

/** The formats made once, not per field and render (a slider step renders every field). */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, style: 'percent' | 'decimal', digits: number): Intl.NumberFormat {
  const key = `${locale} ${style} ${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style, minimumFractionDigits: 0, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

/** A value as the pane shows it: Danish numbers, shares as percentages. */
function shown(value: string | number | undefined, kind: FieldKind, language: Language, unit: Unit | undefined): string {
  if (value === undefined) return '';
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  if (kind === 'share') {
    const share = parseShare(value);
    if (!share || !share.ok) return String(value);
    return numberFormat(locale, 'percent', 2).format(share.value);
  }
  if (typeof value !== 'number') return value;
  const digits = kind === 'amount' && unit === 'mio. kr.' ? 1 : 0;
  return numberFormat(locale, 'decimal', Math.max(digits, 2)).format(value);
}

/** The text typed, read as the sheet reads it; undefined for an empty field (inherit); a string: why not. */
function parsed(text: string, kind: FieldKind, t: EditorStrings): { value: number | undefined } | { problem: string } {
  if (text.trim() === '') return { value: undefined };
  const result = kind === 'share' ? parseShare(text) : parseNumber(text);
  if (!result || !result.ok) return { problem: kind === 'share' ? t.notShare(text) : t.notNumber(text) };
  return { value: result.value };
}

/** Udelad's numbers as the cell holds them (`ingen`: none). */
function excludedOf(value: string | number | undefined): string[] {
  if (value === undefined) return [];
  return String(value)
    .split(/[,;]/)
    .map((nr) => nr.trim())
    .filter((nr) => nr !== '' && matchKey(nr) !== matchKey(NO_EXCLUSIONS));
}

export function ScenarioEditor({ editor, language, onEdit, onSave, onDiscard }: ScenarioEditorProps) {
  const t = EDITOR_STRINGS[language];
  const styles = useStyles();
  const id = useId();
  // The last answer with the edits made since on top: a click never starts from a value older than the last edit.
  const table = shownTable(editor);
  const [chosen, setChosen] = useState<string>();
  if (!table || table.scenarios.length === 0) return null;
  const names = table.scenarios.map((s) => s.name);
  const current = chosen && names.includes(chosen) ? chosen : names[names.length > 1 ? 1 : 0];
  const index = names.indexOf(current);
  const isBase = index === 0;
  const base = table.scenarios[0];
  const own = table.scenarios[index].values;
  const pending = editor.pending;

  const set = (parameter: string, value: string | number | undefined) =>
    onEdit({ kind: 'set', scenario: current, parameter, value });

  /** A free name like the one wanted (a new scenario, a copy). */
  const freeName = (make: (n: number) => string) => {
    for (let n = names.length + 1; ; n++) if (!names.some((x) => matchKey(x) === matchKey(make(n)))) return make(n);
  };
  const add = (copyOf?: string) => {
    const name = copyOf
      ? freeName((n) => (n === names.length + 1 ? t.copyName(copyOf) : `${t.copyName(copyOf)} ${n}`))
      : freeName(t.newName);
    onEdit({ kind: 'add', name, ...(copyOf ? { copyOf } : {}) });
    setChosen(name);
  };

  const field = (parameter: string, label: string, kind: FieldKind, extra?: ReactNode) => (
    <ParameterField
      key={parameter}
      label={label}
      kind={kind}
      language={language}
      unit={table.unit}
      own={own[parameter]}
      inherited={isBase ? undefined : base.values[parameter]}
      baseName={base.name}
      pending={isPending(pending, current, parameter)}
      t={t}
      onValue={(value) => set(parameter, value)}
      extra={extra}
    />
  );

  const caseload = own.Caseload ?? base.values.Caseload;
  const caseloadRead = caseload === undefined ? undefined : parseNumber(caseload);
  const caseloadNumber = caseloadRead?.ok ? caseloadRead.value : 45;
  const mode = own.Fordeling ?? base.values.Fordeling;
  const modeValue =
    MODE_CHOICES.find((c) => c.words.some((w) => matchKey(w) === matchKey(String(mode ?? ''))))?.value ?? 'priority';
  const excludedCell = own.Udelad ?? (isBase ? undefined : base.values.Udelad);
  const excluded = excludedOf(excludedCell);
  const baseExcluded = excludedOf(base.values.Udelad);

  const toggle = (nr: string, on: boolean) => {
    const next = on ? [...excluded, nr] : excluded.filter((x) => matchKey(x) !== matchKey(nr));
    // No exclusions: the base says `ingen`; another scenario inherits the base's, or says `ingen` to clear them.
    if (next.length === 0) set('Udelad', isBase || baseExcluded.length > 0 ? NO_EXCLUSIONS : undefined);
    else set('Udelad', next.join(', '));
  };

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`}>
        {t.editorTitle}
      </Subtitle2>

      <PendingBar editor={editor} t={t} onSave={onSave} onDiscard={onDiscard} />

      <div className={styles.row}>
        <Choice label={t.scenario} className={styles.grow} value={current} onChange={setChosen}>
          {names.map((name, k) => (
            <option key={name} value={name}>
              {k === 0 ? `${name} (${t.base})` : name}
              {isPendingScenario(pending, name) ? ` · ${t.unsaved}` : ''}
            </option>
          ))}
        </Choice>
      </div>
      <div className={styles.row}>
        <Button size="small" onClick={() => add()}>
          {t.add}
        </Button>
        <Button size="small" onClick={() => add(current)}>
          {t.copy}
        </Button>
        <Button
          size="small"
          disabled={isBase}
          onClick={() => {
            onEdit({ kind: 'delete', scenario: current });
            setChosen(names[0]);
          }}
        >
          {t.remove}
        </Button>
      </div>
      <NameField
        // By position: a rename keeps the field (and its focus); another scenario gets a fresh one.
        key={index}
        name={current}
        t={t}
        pending={isPendingScenario(pending, current)}
        onRename={(name) => {
          onEdit({ kind: 'rename', scenario: current, name });
          setChosen(name);
        }}
      />

      {field(
        'Caseload',
        t.caseload,
        'number',
        <Range
          label={t.caseloadSlider}
          min={40}
          max={45}
          value={Math.min(45, Math.max(40, caseloadNumber))}
          onChange={(value) => set('Caseload', value)}
        />,
      )}

      <Choice
        label={<Label text={t.mode} pending={isPending(pending, current, 'Fordeling')} t={t} />}
        value={modeValue}
        // The sheet's own word (Danish), whatever the pane's language.
        onChange={(value) => set('Fordeling', choiceWord(MODE_CHOICES, value as AllocationMode))}
      >
        {MODE_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {t.modes[c.value]}
          </option>
        ))}
      </Choice>

      <Folded title={t.pools}>{() => table.years.map((year) => field(`Råderum ${year}`, t.pool(year), 'amount'))}</Folded>

      <Folded title={t.perBenefit}>
        {() =>
          table.benefits.map((benefit) => (
            <Folded key={benefit} title={benefit}>
              {() => (
                <>
                  {field(benefitLabel('caseloadByBenefit', benefit), t.caseloadFor(benefit), 'number')}
                  {field(benefitLabel('refusionByBenefit', benefit), t.refusionFor(benefit), 'share')}
                  {field(benefitLabel('fullTimePersonsByBenefit', benefit), t.fullTimeFor(benefit), 'number')}
                  <fieldset className={styles.details}>
                    <legend>{t.staircaseFor(benefit)}</legend>
                    <div className={styles.bands}>
                      {BANDS.map((band) => field(bandLabel(band, benefit), t.band(band), 'share'))}
                    </div>
                  </fieldset>
                </>
              )}
            </Folded>
          ))
        }
      </Folded>

      <Exclusions table={table} excluded={excluded} pending={isPending(pending, current, 'Udelad')} t={t} onToggle={toggle} />
    </section>
  );
}

/** A folded part (native details: a keyboard opens it with Enter or Space); its fields are made only while open. */
function Folded({ title, children }: { title: string; children: () => ReactNode }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <details className={styles.details} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className={styles.summary}>{title}</summary>
      {open && children()}
    </details>
  );
}

/** The pending edits, in words, with save and discard; a refusal or a save's outcome. */
function PendingBar({
  editor,
  t,
  onSave,
  onDiscard,
}: {
  editor: EditorState;
  t: EditorStrings;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const styles = useStyles();
  const n = editor.pending.length;
  const notice = editor.notice;
  const refusal = editor.refusal;
  const refusedName =
    refusal &&
    (refusal.edit.kind === 'add'
      ? refusal.edit.name
      : refusal.edit.kind === 'rename'
        ? refusal.edit.name
        : refusal.edit.scenario);
  // Save and Kassér stay in place when nothing is pending (marked unavailable, not removed): the button
  // pressed keeps the focus. Only the words are in the live regions, so the buttons are not read out.
  const idle = n === 0 || editor.saving;
  return (
    <div>
      <div className={n > 0 ? styles.bar : styles.row}>
        <div role="status" aria-live="polite" className={styles.grow}>
          {n > 0 ? (
            <Body1>
              <span aria-hidden="true">● </span>
              {editor.saving ? t.saving : t.pendingCount(n)}
            </Body1>
          ) : (
            <Caption1 className={styles.hint}>{t.noPending}</Caption1>
          )}
        </div>
        <Button
          appearance={n > 0 ? 'primary' : undefined}
          size="small"
          aria-disabled={idle}
          className={idle ? styles.idle : undefined}
          onClick={() => !idle && onSave()}
        >
          {t.save}
        </Button>
        <Button size="small" aria-disabled={idle} className={idle ? styles.idle : undefined} onClick={() => !idle && onDiscard()}>
          {t.discard}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {refusal && (
          <Notice intent="warning">
            {t.refusal(refusal.reason, refusedName ?? '', refusal.place ? cellAddress(refusal.place) : '')}
          </Notice>
        )}
        {notice && (
          <Notice intent={notice.kind === 'saved' ? 'success' : notice.kind === 'changedMeanwhile' ? 'warning' : 'error'}>
            {notice.kind === 'saved' && t.saved(notice.count)}
            {notice.kind === 'changedMeanwhile' && t.changedMeanwhile}
            {notice.kind === 'cannotWrite' && t.cannotWrite}
            {notice.kind === 'saveFailed' && `${t.saveFailed[notice.failure]} (${notice.detail})`}
            {notice.kind === 'whatIfFailed' && t.whatIfFailed(notice.detail)}
          </Notice>
        )}
      </div>
    </div>
  );
}

function Label({ text, pending, t }: { text: string; pending: boolean; t: EditorStrings }) {
  const styles = useStyles();
  return (
    <>
      {text}
      {pending && <span className={styles.pending}> · {t.unsaved}</span>}
    </>
  );
}

/** One parameter of the scenario: its own value, or the base's shown as inherited; edits as typed, when they read. */
function ParameterField({
  label,
  kind,
  language,
  unit,
  own,
  inherited,
  baseName,
  pending,
  t,
  onValue,
  extra,
}: {
  label: string;
  kind: FieldKind;
  language: Language;
  unit: Unit | undefined;
  own: string | number | undefined;
  inherited: string | number | undefined;
  baseName: string;
  pending: boolean;
  t: EditorStrings;
  onValue: (value: number | undefined) => void;
  extra?: ReactNode;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const text = draft ?? shown(own, kind, language, unit);
  const placeholder = inherited === undefined ? undefined : t.inherited(shown(inherited, kind, language, unit), baseName);
  const change = (value: string) => {
    setDraft(value);
    const result = parsed(value, kind, t);
    if ('problem' in result) setProblem(result.problem);
    else {
      setProblem(undefined);
      onValue(result.value);
    }
  };
  const control = (
    <TextField
      label={<Label text={label} pending={pending} t={t} />}
      className={mergeClasses(styles.input, pending && styles.pendingInput)}
      value={text}
      placeholder={placeholder}
      numeric
      problem={problem}
      onChange={change}
      onBlur={() => setDraft(undefined)}
    />
  );
  // A slider beside the field is a control of its own (a Field labels one control).
  return extra ? (
    <div>
      {control}
      {extra}
    </div>
  ) : (
    control
  );
}

function NameField({
  name,
  t,
  pending,
  onRename,
}: {
  name: string;
  t: EditorStrings;
  pending: boolean;
  onRename: (name: string) => void;
}) {
  const [draft, setDraft] = useState(name);
  // A new name from the sheet (a change by hand, a rename done) shows; the field itself stays (its focus too).
  const [shownName, setShownName] = useState(name);
  if (shownName !== name) {
    setShownName(name);
    setDraft(name);
  }
  const commit = () => {
    if (draft.trim() !== name) onRename(draft.trim());
  };
  return (
    <TextField
      label={<Label text={t.name} pending={pending} t={t} />}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setDraft(name);
      }}
    />
  );
}

/** Udelad: the proposals picked from the list (found by number or title), not typed. */
function Exclusions({
  table,
  excluded,
  pending,
  t,
  onToggle,
}: {
  table: ScenarioTable;
  excluded: string[];
  pending: boolean;
  t: EditorStrings;
  onToggle: (nr: string, on: boolean) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const [filter, setFilter] = useState('');
  const key = matchKey(filter);
  const isExcluded = (nr: string) => excluded.some((x) => matchKey(x) === matchKey(nr));
  const shownProposals = table.proposals.filter(
    (p) => key === '' || isExcluded(p.nr) || matchKey(p.nr).includes(key) || matchKey(p.title).includes(key),
  );
  return (
    <fieldset className={styles.details} aria-describedby={`${id}-count`}>
      <legend>
        <Label text={t.excluded} pending={pending} t={t} />
      </legend>
      <Caption1 id={`${id}-count`}>{t.excludedCount(excluded.length)}</Caption1>
      <TextField label={t.filter} value={filter} onChange={setFilter} />
      <div className={styles.picks}>
        {shownProposals.map((p) => (
          <CheckRow key={p.nr} label={`${p.nr} ${p.title}`} checked={isExcluded(p.nr)} onChange={(on) => onToggle(p.nr, on)} />
        ))}
      </div>
    </fieldset>
  );
}
