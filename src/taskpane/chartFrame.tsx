import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { compactPounds } from './shownAmount';

const useStyles = makeStyles({
  chart: { width: '100%', height: 'auto', fontFamily: tokens.fontFamilyBase },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  key: { display: 'inline-block', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
});

/** Where a chart draws: its size in drawing units and the room kept for the axis labels. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly pad: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

/** The height in the box of a figure from 0 to `top` (pounds, as a drawing coordinate only). */
export function yScale(box: ChartBox, top: number): (value: number) => number {
  return (value) => box.pad.top + (1 - value / top) * (box.height - box.pad.top - box.pad.bottom);
}

/** One entry of a chart's legend: a line or a square of its colour. */
export interface LegendKey {
  readonly label: string;
  readonly colour: string;
  readonly shape: 'line' | 'square';
}

/**
 * The pane's charts' frame: an SVG scaled to the pane's width, read out as its title and a
 * description that gives every figure (computed from Decimals, never from the drawing), with
 * gridlines at nought, half and the top in pounds, and a legend under it.
 */
export function ChartFrame({
  box,
  title,
  description,
  top,
  legend,
  caption,
  children,
}: {
  readonly box: ChartBox;
  readonly title: string;
  readonly description: string;
  /** The figure the top gridline stands for. */
  readonly top: number;
  readonly legend: readonly LegendKey[];
  /** Said under the chart as well as to a screen reader. */
  readonly caption?: string;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  const y = yScale(box, top);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={`${title}. ${description}`}
      >
        <title>{title}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={box.pad.left}
              x2={box.width - box.pad.right}
              y1={y(top * f)}
              y2={y(top * f)}
              stroke={tokens.colorNeutralStroke2}
            />
            <text
              x={box.pad.left - 4}
              y={y(top * f) + 4}
              textAnchor="end"
              fontSize="10"
              fill={tokens.colorNeutralForeground3}
            >
              {compactPounds(top * f)}
            </text>
          </g>
        ))}
        {children}
      </svg>
      <figcaption className={styles.legend}>
        {legend.map((k) => (
          <span key={k.label}>
            <span
              className={styles.key}
              style={{
                background: k.colour,
                width: k.shape === 'line' ? '16px' : '10px',
                height: k.shape === 'line' ? '3px' : '10px',
              }}
            />
            {k.label}
          </span>
        ))}
        {caption && <span>{caption}</span>}
      </figcaption>
    </figure>
  );
}
