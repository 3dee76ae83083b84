/**
 * The pane's buttons as the browser's own button, with the look of Fluent's Button (its tokens for
 * the four appearances the pane uses, two sizes): Fluent's Button with its slots, icon support and
 * styles for every variant costs about 4 KB gzip of the pane's 150 KB. A native button is
 * keyboard-usable and announced as a button as it is.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ButtonHTMLAttributes } from 'react';

/** Griffel takes the four edges' colours one by one, not the `borderColor` shorthand. */
const edges = (color: string) => ({
  borderTopColor: color,
  borderRightColor: color,
  borderBottomColor: color,
  borderLeftColor: color,
});

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    verticalAlign: 'middle',
    boxSizing: 'border-box',
    minWidth: '96px',
    minHeight: '32px',
    margin: 0,
    padding: `5px ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, ...edges(tokens.colorNeutralStroke1Hover) },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '1px',
    },
    ':disabled': {
      cursor: 'not-allowed',
      color: tokens.colorNeutralForegroundDisabled,
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...edges(tokens.colorNeutralStrokeDisabled),
    },
  },
  small: {
    minWidth: '64px',
    minHeight: '24px',
    padding: `3px ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightRegular,
    borderRadius: tokens.borderRadiusSmall,
  },
  primary: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    ...edges('transparent'),
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover, ...edges('transparent') },
    ':active': { backgroundColor: tokens.colorBrandBackgroundPressed },
  },
  subtle: {
    backgroundColor: tokens.colorSubtleBackground,
    color: tokens.colorNeutralForeground2,
    ...edges('transparent'),
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, ...edges('transparent') },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
  },
  transparent: {
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    ...edges('transparent'),
    ':hover': {
      backgroundColor: tokens.colorTransparentBackground,
      ...edges('transparent'),
      color: tokens.colorNeutralForeground2BrandHover,
    },
  },
});

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  appearance?: 'secondary' | 'primary' | 'subtle' | 'transparent';
  size?: 'small' | 'medium';
};

export function Button({ appearance = 'secondary', size = 'medium', className, type = 'button', ...rest }: ButtonProps) {
  const styles = useStyles();
  return (
    <button
      {...rest}
      type={type}
      className={mergeClasses(
        styles.root,
        size === 'small' && styles.small,
        appearance !== 'secondary' && styles[appearance],
        className,
      )}
    />
  );
}
