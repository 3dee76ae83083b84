/**
 * The editor's form controls as the browser's own elements, styled with
 * Fluent's tokens: a label, a select, a text field with its message, a range
 * and a checkbox. Fluent's Field, Input, Select, Slider and Checkbox would add
 * about 30 KB (gzip) to the pane, past its 150 KB; the native elements are
 * keyboard-usable and labelled as they are.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1 },
  control: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  invalid: {
    borderTopColor: tokens.colorPaletteRedBorder2,
    borderRightColor: tokens.colorPaletteRedBorder2,
    borderBottomColor: tokens.colorPaletteRedBorder2,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  message: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  range: { width: '100%', minWidth: 0, accentColor: tokens.colorBrandBackground },
  check: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
  },
  box: { marginTop: '3px', accentColor: tokens.colorBrandBackground, flexShrink: 0 },
  notice: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: '4px',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  info: { borderLeftColor: tokens.colorNeutralStrokeAccessible },
  success: { borderLeftColor: tokens.colorPaletteGreenBorder2, backgroundColor: tokens.colorPaletteGreenBackground1 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2, backgroundColor: tokens.colorPaletteYellowBackground1 },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2, backgroundColor: tokens.colorPaletteRedBackground1 },
  track: {
    display: 'block',
    width: '100%',
    height: '2px',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground6,
    borderRadius: tokens.borderRadiusMedium,
  },
  fill: { height: '100%', backgroundColor: tokens.colorCompoundBrandBackground, transitionProperty: 'width' },
  busy: {
    width: '33%',
    animationName: { '0%': { transform: 'translateX(-100%)' }, '100%': { transform: 'translateX(300%)' } },
    animationDuration: '3s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media screen and (prefers-reduced-motion: reduce)': { animationDuration: '0.01ms', animationIterationCount: '1' },
  },
});

/**
 * A message in the pane (done, a refusal, a failure) as a plain block styled with Fluent's tokens:
 * Fluent's MessageBar brings its motion and icon packages with it (about 9 KB gzip). The words say
 * what happened; the colour only repeats it.
 */
export function Notice({
  intent,
  live = false,
  children,
}: {
  intent: 'info' | 'success' | 'warning' | 'error';
  /** A live region of its own, where the notice is not inside one already. */
  live?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.notice, styles[intent])} data-intent={intent} role={live ? 'status' : undefined}>
      {children}
    </div>
  );
}

/**
 * A progress bar as Fluent's ProgressBar renders one (a progressbar with its value from 0 to 1, none
 * for a bar that only says "busy"), without Fluent's component around it.
 */
export function Progress({ label, value }: { label: string; value: number | undefined }) {
  const styles = useStyles();
  const known = value !== undefined;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? 1 : undefined}
      aria-valuenow={known ? value : undefined}
      className={styles.track}
    >
      <div
        className={mergeClasses(styles.fill, !known && styles.busy)}
        style={known ? { width: `${Math.min(100, Math.max(0, value * 100))}%` } : undefined}
      />
    </div>
  );
}

export function Choice({
  label,
  value,
  onChange,
  className,
  children,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={mergeClasses(styles.field, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select id={id} className={styles.control} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  onBlur,
  onKeyDown,
  placeholder,
  problem,
  numeric,
  className,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  placeholder?: string;
  /** Why the text typed is not taken, shown below and read with the field. */
  problem?: string;
  numeric?: boolean;
  className?: string;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={mergeClasses(styles.control, problem !== undefined && styles.invalid, className)}
        value={value}
        placeholder={placeholder}
        inputMode={numeric ? 'decimal' : undefined}
        aria-invalid={problem !== undefined || undefined}
        aria-describedby={problem !== undefined ? `${id}-problem` : undefined}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
      {problem !== undefined && (
        <span id={`${id}-problem`} className={styles.message}>
          {problem}
        </span>
      )}
    </div>
  );
}

export function Range({
  label,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  const styles = useStyles();
  return (
    <input
      type="range"
      className={styles.range}
      aria-label={label}
      min={min}
      max={max}
      step={1}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
    />
  );
}

export function CheckRow({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const styles = useStyles();
  return (
    <label className={styles.check}>
      <input type="checkbox" className={styles.box} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
