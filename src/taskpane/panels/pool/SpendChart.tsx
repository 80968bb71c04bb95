import { makeStyles, tokens } from '@fluentui/react-components';
import type Decimal from 'decimal.js';
import { formatPounds } from '../../../domain/money';
import type { PoolYear } from '../../../domain/pool';
import { compactPounds } from '../../shownAmount';

const useStyles = makeStyles({
  chart: { width: '100%', height: 'auto', fontFamily: tokens.fontFamilyBase },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  key: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
});

const WIDTH = 360;
const HEIGHT = 160;
const PAD = { left: 52, right: 8, top: 8, bottom: 22 };
const ALLOCATED = tokens.colorNeutralStroke1;
const SPENT = tokens.colorBrandBackground;
const OVER = tokens.colorPaletteRedBackground3;

/** One quarter as the chart and its description give it. */
export interface QuarterBar {
  readonly quarter: string;
  readonly allocated: Decimal;
  /** Undefined for a quarter not reported yet (after the last quarter with any spend). */
  readonly spent?: Decimal;
}

/** The quarters of a pool year: what each was allocated by the phasing, and what was spent in those reported. */
export function quarterBars(figures: PoolYear): QuarterBar[] {
  return figures.allocationByQuarter.map((allocated, q) => ({
    quarter: `Q${q + 1}`,
    allocated,
    spent: q < figures.quartersReported ? figures.spendByQuarter[q] : undefined,
  }));
}

/** In words, for a screen reader and for the caption: every figure from the Decimals, none from the drawing. */
export function describeQuarters(bars: readonly QuarterBar[]): string {
  return bars
    .map(({ quarter, allocated, spent }) => {
      if (spent === undefined) return `${quarter}: ${formatPounds(allocated)} allocated, not reported yet`;
      const over = spent.minus(allocated);
      const gap = over.isZero() ? 'on plan' : `${formatPounds(over.abs())} ${over.isPositive() ? 'over' : 'under'}`;
      return `${quarter}: spent ${formatPounds(spent)} against ${formatPounds(allocated)} allocated, ${gap}`;
    })
    .join('; ');
}

/**
 * Each quarter's spend beside the allocation phased to it, as small SVG bars: where a year's
 * variance built up is seen at a glance. An overspent quarter's bar is red. Coordinates are
 * screen pixels, for drawing only.
 */
export function SpendChart({ year, figures }: { readonly year: string; readonly figures: PoolYear }) {
  const styles = useStyles();
  const bars = quarterBars(figures);
  if (bars.every((b) => b.allocated.isZero() && (b.spent ?? b.allocated).isZero())) return null;
  const top = Math.max(1, ...bars.map((b) => Math.max(b.allocated.toNumber(), b.spent?.toNumber() ?? 0)));
  const y = (value: number) => PAD.top + (1 - Math.max(0, value) / top) * (HEIGHT - PAD.top - PAD.bottom);
  const slot = (WIDTH - PAD.left - PAD.right) / bars.length;
  const barWidth = slot / 3;
  const description = describeQuarters(bars);
  const title = `Pool spend by quarter against the phased allocation, ${year}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}. ${description}.`}
      >
        <title>{title}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(top * f)}
              y2={y(top * f)}
              stroke={tokens.colorNeutralStroke2}
            />
            <text
              x={PAD.left - 4}
              y={y(top * f) + 4}
              textAnchor="end"
              fontSize="10"
              fill={tokens.colorNeutralForeground3}
            >
              {compactPounds(top * f)}
            </text>
          </g>
        ))}
        {bars.map((b, k) => {
          const left = PAD.left + k * slot + slot / 6;
          const spent = b.spent?.toNumber();
          return (
            <g key={b.quarter} data-quarter={b.quarter}>
              <rect
                data-bar="allocated"
                x={left}
                y={y(b.allocated.toNumber())}
                width={barWidth}
                height={y(0) - y(b.allocated.toNumber())}
                fill={ALLOCATED}
              >
                <title>{`${b.quarter} allocated ${formatPounds(b.allocated)}`}</title>
              </rect>
              {spent !== undefined && (
                <rect
                  data-bar="spent"
                  x={left + barWidth}
                  y={y(spent)}
                  width={barWidth}
                  height={y(0) - y(spent)}
                  fill={b.spent!.greaterThan(b.allocated) ? OVER : SPENT}
                >
                  <title>{`${b.quarter} spent ${formatPounds(b.spent!)}`}</title>
                </rect>
              )}
              <text
                x={left + barWidth}
                y={HEIGHT - 6}
                textAnchor="middle"
                fontSize="10"
                fill={tokens.colorNeutralForeground3}
              >
                {b.quarter}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        <span>
          <span className={styles.key} style={{ background: ALLOCATED }} />
          Allocated (phased)
        </span>
        <span>
          <span className={styles.key} style={{ background: SPENT }} />
          Spent
        </span>
        <span>
          <span className={styles.key} style={{ background: OVER }} />
          Spent over allocation
        </span>
      </figcaption>
    </figure>
  );
}
