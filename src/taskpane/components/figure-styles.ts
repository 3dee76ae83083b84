/** Styles the negotiation views share: their SVG charts with a legend, and their tables of amounts. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useChartStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  svg: { width: '100%', height: 'auto', maxWidth: '100%' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, fontSize: tokens.fontSizeBase200 },
  axis: { fill: tokens.colorNeutralForeground2, fontSize: '10px' },
});

export const useAmountTableStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  head: { fontWeight: tokens.fontWeightSemibold, verticalAlign: 'bottom' },
  // Headers wrap, so the tables fit a 320 px pane; amounts do not.
  headNumber: { textAlign: 'right' },
  scroller: { overflowX: 'auto', maxWidth: '100%' },
});
