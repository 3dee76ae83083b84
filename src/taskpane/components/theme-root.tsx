/**
 * The pane's theme as CSS variables on its root, where Fluent's `tokens` (var(--colorNeutral…)) find them,
 * with the theme's font and colours. FluentProvider does this too, but brings keyborg, focus-visible and its
 * contexts, which the pane's native controls do not use (they show focus with :focus-visible): a few KB less
 * JavaScript (review 12b, finding 8). Griffel's makeStyles renders into the document without a provider.
 */
import { makeStyles, tokens, type Theme } from '@fluentui/react-components';
import type { CSSProperties, ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'left',
  },
});

/** A theme's tokens as the CSS variables `tokens` name. */
export const themeVariables = (theme: Partial<Theme>): CSSProperties =>
  Object.fromEntries(Object.entries(theme).map(([name, value]) => [`--${name}`, value])) as CSSProperties;

export function ThemeRoot({ theme, lang, children }: { theme: Partial<Theme>; lang: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root} style={themeVariables(theme)} lang={lang} dir="ltr">
      {children}
    </div>
  );
}
