import { makeStyles, tokens } from '@fluentui/react-components';
import type Decimal from 'decimal.js';
import { formatPounds } from '../domain/money';
import { compactPounds } from './shownAmount';

export interface ChartPoint {
  readonly quarter: string;
  readonly planned: Decimal;
  readonly realised: Decimal | null;
}

const useStyles = makeStyles({
  chart: { width: '100%', height: 'auto', fontFamily: tokens.fontFamilyBase },
  legend: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  key: {
    display: 'inline-block',
    width: '16px',
    height: '3px',
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
});

const WIDTH = 360;
const HEIGHT = 180;
const PAD = { left: 56, right: 8, top: 8, bottom: 28 };
const PLANNED = tokens.colorNeutralForeground3;
const REALISED = tokens.colorBrandForeground1;

/**
 * Cumulative planned against realised benefit by quarter, as a small SVG line chart: the picture the
 * steering group reads first. Coordinates are screen pixels, so numbers here are for drawing only;
 * every figure shown as text comes from the Decimal values.
 */
export function CumulativeChart({ title, points }: { readonly title: string; readonly points: readonly ChartPoint[] }) {
  const styles = useStyles();
  if (points.length === 0) return null;
  const top = Math.max(1, ...points.map((p) => Math.max(p.planned.toNumber(), p.realised?.toNumber() ?? 0)));
  const x = (k: number) =>
    PAD.left + (points.length === 1 ? 0 : (k * (WIDTH - PAD.left - PAD.right)) / (points.length - 1));
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
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
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}. ${description}`}
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
        {points.map((p, k) => (
          <text
            key={p.quarter}
            x={x(k)}
            y={HEIGHT - 8}
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
      </svg>
      <figcaption className={styles.legend}>
        <span>
          <span className={styles.key} style={{ background: PLANNED }} />
          Planned
        </span>
        <span>
          <span className={styles.key} style={{ background: REALISED }} />
          Realised
        </span>
        <span>{description}</span>
      </figcaption>
    </figure>
  );
}
