/**
 * Each year's råderum as one bar split into the requests' shares and what is left, in plain SVG (no chart
 * package: see ComparisonChart). The shares come as the core made them (shown shares, which add up to the
 * whole with what is left); the arithmetic here is pixels only.
 */
import { useChartStyles } from './figure-styles';
import { COLOURS } from './ComparisonChart';

const WIDTH = 300;
const BAR = 16;
const GAP = 8;
const LABEL = 34;

export interface ShareSeries {
  name: string;
  /** Per year, a fraction of what is available. */
  shares: readonly number[];
}

export function AllocationChart({
  years,
  series,
  left,
  leftName,
  label,
  percent,
}: {
  years: readonly number[];
  series: readonly ShareSeries[];
  left: readonly number[];
  leftName: string;
  label: string;
  percent: (fraction: number) => string;
}) {
  const styles = useChartStyles();
  const plot = WIDTH - LABEL - 2;
  const height = years.length * (BAR + GAP);
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
        {years.map((year, i) => {
          const y = i * (BAR + GAP) + GAP / 2;
          let x = LABEL;
          const parts = [
            ...series.map((s, k) => ({ name: s.name, share: s.shares[i] ?? 0, fill: COLOURS[k % COLOURS.length] })),
            { name: leftName, share: left[i] ?? 0, fill: 'transparent' },
          ];
          return (
            <g key={year}>
              <text className={styles.axis} x={0} y={y + BAR - 4}>
                {year}
              </text>
              <rect x={LABEL} y={y} width={plot} height={BAR} fill="none" stroke="currentColor" strokeWidth={0.5} />
              {parts.map((part) => {
                const width = Math.max(0, part.share) * plot;
                const at = x;
                x += width;
                return width > 0 ? (
                  <rect key={part.name} x={at} y={y} width={width} height={BAR} fill={part.fill}>
                    <title>{`${part.name} ${year}: ${percent(part.share)}`}</title>
                  </rect>
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {series.map((s, k) => (
            <li key={s.name} className={styles.item}>
              <svg width="10" height="10" aria-hidden="true">
                <rect width="10" height="10" fill={COLOURS[k % COLOURS.length]} />
              </svg>
              {s.name}
            </li>
          ))}
          <li className={styles.item}>
            <svg width="10" height="10" aria-hidden="true">
              <rect x="0.5" y="0.5" width="9" height="9" fill="none" stroke="currentColor" />
            </svg>
            {leftName}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
