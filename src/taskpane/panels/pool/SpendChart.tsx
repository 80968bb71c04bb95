import { tokens } from '@fluentui/react-components';
import type Decimal from 'decimal.js';
import { formatPounds } from '../../../domain/money';
import type { PoolYear } from '../../../domain/pool';
import { ChartFrame, yScale, type ChartBox } from '../../chartFrame';

const BOX: ChartBox = { width: 360, height: 160, pad: { left: 52, right: 8, top: 8, bottom: 22 } };
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

/** In words, for a screen reader: every figure from the Decimals, none from the drawing. */
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
  const bars = quarterBars(figures);
  if (bars.every((b) => b.allocated.isZero() && (b.spent ?? b.allocated).isZero())) return null;
  const top = Math.max(1, ...bars.map((b) => Math.max(b.allocated.toNumber(), b.spent?.toNumber() ?? 0)));
  // A refund (spend below nought) is drawn as no bar; its figure is in the description.
  const y = (value: number) => yScale(BOX, top)(Math.max(0, value));
  const slot = (BOX.width - BOX.pad.left - BOX.pad.right) / bars.length;
  const barWidth = slot / 3;
  return (
    <ChartFrame
      box={BOX}
      title={`Pool spend by quarter against the phased allocation, ${year}`}
      description={`${describeQuarters(bars)}.`}
      top={top}
      legend={[
        { label: 'Allocated (phased)', colour: ALLOCATED, shape: 'square' },
        { label: 'Spent', colour: SPENT, shape: 'square' },
        { label: 'Spent over allocation', colour: OVER, shape: 'square' },
      ]}
    >
      {bars.map((b, k) => {
        const left = BOX.pad.left + k * slot + slot / 6;
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
              y={BOX.height - 6}
              textAnchor="middle"
              fontSize="10"
              fill={tokens.colorNeutralForeground3}
            >
              {b.quarter}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
