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
});

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
