import { tokens } from '@fluentui/react-components';
import type Decimal from 'decimal.js';
import { formatPounds } from '../domain/money';
import { ChartFrame, yScale, type ChartBox } from './chartFrame';

export interface ChartPoint {
  readonly quarter: string;
  readonly planned: Decimal;
  readonly realised: Decimal | null;
}

const BOX: ChartBox = { width: 360, height: 180, pad: { left: 56, right: 8, top: 8, bottom: 28 } };
const PLANNED = tokens.colorNeutralForeground3;
const REALISED = tokens.colorBrandForeground1;

/**
 * Cumulative planned against realised benefit by quarter, as a small SVG line chart: the picture the
 * steering group reads first. Coordinates are screen pixels, so numbers here are for drawing only;
 * every figure shown as text comes from the Decimal values.
 */
export function CumulativeChart({ title, points }: { readonly title: string; readonly points: readonly ChartPoint[] }) {
  if (points.length === 0) return null;
  const top = Math.max(1, ...points.map((p) => Math.max(p.planned.toNumber(), p.realised?.toNumber() ?? 0)));
  const { pad, width, height } = BOX;
  const x = (k: number) =>
    pad.left + (points.length === 1 ? 0 : (k * (width - pad.left - pad.right)) / (points.length - 1));
  const y = yScale(BOX, top);
  const line = (values: (number | null)[]) =>
    values
      .map((v, k) =>
        v === null ? '' : `${k === 0 || values[k - 1] === null ? 'M' : 'L'}${x(k).toFixed(1)},${y(v).toFixed(1)}`,
      )
      .join(' ');
  const last = [...points].reverse().find((p) => p.realised !== null);
  const description = last
    ? `At ${last.quarter}: realised ${formatPounds(last.realised!)} against ${formatPounds(last.planned)} planned, cumulative.`
    : `No benefit realised yet; ${formatPounds(points[points.length - 1].planned)} planned by ${points[points.length - 1].quarter}.`;
  return (
    <ChartFrame
      box={BOX}
      title={title}
      description={description}
      caption={description}
      top={top}
      legend={[
        { label: 'Planned', colour: PLANNED, shape: 'line' },
        { label: 'Realised', colour: REALISED, shape: 'line' },
      ]}
    >
      {points.map((p, k) => (
        <text
          key={p.quarter}
          x={x(k)}
          y={height - 8}
          textAnchor="middle"
          fontSize="9"
          fill={tokens.colorNeutralForeground3}
        >
          {k % 2 === 0 || points.length <= 4 ? p.quarter.replace(/^\d{2}(\d{2})\/(\d{2}) /, '$1/$2 ') : ''}
        </text>
      ))}
      <path
        d={line(points.map((p) => p.planned.toNumber()))}
        fill="none"
        stroke={PLANNED}
        strokeWidth="2"
        strokeDasharray="5 3"
      />
      <path
        d={line(points.map((p) => p.realised?.toNumber() ?? null))}
        fill="none"
        stroke={REALISED}
        strokeWidth="2.5"
      />
    </ChartFrame>
  );
}
