/**
 * A grouped bar chart in plain SVG: per year one bar per scenario, zero as a
 * line, negative bars below it. Drawn here rather than with
 * @fluentui/react-charts, which would add far more to the pane's JavaScript
 * than this file (see the README) for one chart. The arithmetic is pixels
 * only: the figures come as the core made them.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { Caption1 } from './text';

/** One colour per scenario, distinct also for the common colour-vision deficiencies (Okabe–Ito); the legend and the table name them. */
export const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const WIDTH = 300;
const HEIGHT = 160;
const PAD = 4;

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  svg: { width: '100%', height: 'auto', maxWidth: '100%' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  axis: { fill: tokens.colorNeutralForeground2, fontSize: '10px' },
});

export interface ChartSeries {
  name: string;
  values: readonly number[];
}

export function ComparisonChart({
  years,
  series,
  label,
  format,
}: {
  years: readonly number[];
  series: readonly ChartSeries[];
  label: string;
  format: (value: number) => string;
}) {
  const styles = useStyles();
  const values = series.flatMap((s) => s.values);
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  const span = top - bottom || 1;
  const plot = HEIGHT - 2 * PAD - 12;
  const y = (v: number) => PAD + ((top - v) / span) * plot;
  const zero = y(0);
  const group = (WIDTH - 2 * PAD) / Math.max(1, years.length);
  const bar = (group * 0.8) / Math.max(1, series.length);
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        {years.map((year, i) => (
          <g key={year}>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const x = PAD + i * group + group * 0.1 + k * bar;
              return (
                <rect
                  key={s.name}
                  x={x}
                  y={Math.min(y(v), zero)}
                  width={Math.max(1, bar - 1)}
                  height={Math.max(v === 0 ? 0 : 1, Math.abs(y(v) - zero))}
                  fill={COLOURS[k % COLOURS.length]}
                >
                  <title>{`${s.name} ${year}: ${format(v)}`}</title>
                </rect>
              );
            })}
            <text className={styles.axis} x={PAD + i * group + group / 2} y={HEIGHT - 2} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
        <line x1={PAD} x2={WIDTH - PAD} y1={zero} y2={zero} stroke="currentColor" strokeWidth={1} />
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {series.map((s, k) => (
            <li key={s.name} className={styles.item}>
              <svg width="10" height="10" aria-hidden="true">
                <rect width="10" height="10" fill={COLOURS[k % COLOURS.length]} />
              </svg>
              <Caption1>{s.name}</Caption1>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
