/**
 * The pane's text styles as plain elements with the styles of Fluent's Body1, Caption1, Subtitle2 and
 * Title3 (the same tokens): Fluent's Text components bring their slot machinery along for what is a
 * span with a font size (about 2 KB gzip). Same props as the pane used them with: `as`, `block`.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { HTMLAttributes, ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'start',
    display: 'inline',
    whiteSpace: 'normal',
    overflow: 'visible',
    textOverflow: 'clip',
  },
  block: { display: 'block' },
  caption1: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  subtitle2: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  title3: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
});

type Tag = 'span' | 'p' | 'div' | 'h1' | 'h2' | 'h3' | 'h4' | 'label' | 'strong' | 'em' | 'pre';
type TextProps = HTMLAttributes<HTMLElement> & { as?: Tag; block?: boolean; children?: ReactNode };
type Variant = 'body1' | 'caption1' | 'subtitle2' | 'title3';

function text(variant: Variant) {
  return function Text({ as: Element = 'span', block = false, className, ...rest }: TextProps) {
    const styles = useStyles();
    const size = variant === 'body1' ? undefined : styles[variant];
    return <Element {...rest} className={mergeClasses(styles.root, size, block && styles.block, className)} />;
  };
}

export const Body1 = text('body1');
export const Caption1 = text('caption1');
export const Subtitle2 = text('subtitle2');
export const Title3 = text('title3');
