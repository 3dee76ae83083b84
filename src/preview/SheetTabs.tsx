/**
 * The workbook's sheets as a WAI-ARIA tablist: one tab stop, arrows, Home and
 * End move between sheets and show them. (Fluent's TabList adds hidden focus
 * guards that axe-core reports; this needs none.)
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    overflowX: 'auto',
  },
  tab: {
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    borderBottom: `3px solid transparent`,
    whiteSpace: 'nowrap',
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
  },
});

export function SheetTabs({
  sheets,
  active,
  onActivate,
}: {
  sheets: string[];
  active: string;
  onActivate: (sheet: string) => void;
}) {
  const styles = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: sheets.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + sheets.length) % sheets.length;
    onActivate(sheets[next]);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Ark" className={styles.list}>
      {sheets.map((name, i) => (
        <button
          key={name}
          ref={(el) => {
            refs.current[i] = el;
          }}
          role="tab"
          type="button"
          aria-selected={name === active}
          tabIndex={name === active ? 0 : -1}
          className={mergeClasses(styles.tab, name === active && styles.selected)}
          onClick={() => onActivate(name)}
          onKeyDown={(event) => move(event, i)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
