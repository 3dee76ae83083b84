/**
 * Figures over a swept value as lines in plain SVG (no chart package: see ComparisonChart): one line per
 * figure, each with its own colour and dash, zero as a line. The arithmetic is pixels only.
 */
import { useChartStyles } from './figure-styles';
import { COLOURS } from './ComparisonChart';

const WIDTH = 300;
const HEIGHT = 170;
const LEFT = 4;
const BOTTOM = 14;
const DASHES = ['', '6 3', '2 2'];

export interface LineSeries {
  name: string;
  /** One per x; undefined where the point has no figure (a rate out of range). */
  values: readonly (number | undefined)[];
}

export function SensitivityChart({
  xs,
  series,
  label,
  formatX,
  format,
}: {
  xs: readonly number[];
  series: readonly LineSeries[];
  label: string;
  formatX: (x: number) => string;
  format: (value: number) => string;
}) {
  const styles = useChartStyles();
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== undefined));
  const top = Math.max(0, ...all);
  const bottom = Math.min(0, ...all);
  const span = top - bottom || 1;
  const plot = HEIGHT - BOTTOM - 8;
  const y = (v: number) => 4 + ((top - v) / span) * plot;
  const x = (k: number) => LEFT + 8 + (k / Math.max(1, xs.length - 1)) * (WIDTH - LEFT - 16);
  const ticks = xs.length > 2 ? [0, Math.floor((xs.length - 1) / 2), xs.length - 1] : xs.map((_, k) => k);
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <line x1={LEFT} x2={WIDTH - LEFT} y1={y(0)} y2={y(0)} stroke="currentColor" strokeWidth={1} />
        {series.map((s, k) => {
          const points = s.values.flatMap((v, i) => (v === undefined ? [] : [`${x(i)},${y(v)}`]));
          return (
            <g key={s.name}>
              <polyline
                points={points.join(' ')}
                fill="none"
                stroke={COLOURS[k % COLOURS.length]}
                strokeWidth={2}
                strokeDasharray={DASHES[k % DASHES.length]}
              />
              {s.values.map((v, i) =>
                v === undefined ? null : (
                  <circle key={i} cx={x(i)} cy={y(v)} r={2} fill={COLOURS[k % COLOURS.length]}>
                    <title>{`${s.name}, ${formatX(xs[i])}: ${format(v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
        {ticks.map((k) => (
          <text key={k} className={styles.axis} x={x(k)} y={HEIGHT - 2} textAnchor="middle">
            {formatX(xs[k])}
          </text>
        ))}
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {series.map((s, k) => (
            <li key={s.name} className={styles.item}>
              <svg width="18" height="10" aria-hidden="true">
                <line
                  x1="0"
                  x2="18"
                  y1="5"
                  y2="5"
                  stroke={COLOURS[k % COLOURS.length]}
                  strokeWidth="2"
                  strokeDasharray={DASHES[k % DASHES.length]}
                />
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
