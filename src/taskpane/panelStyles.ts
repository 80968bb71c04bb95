import { tokens } from '@fluentui/react-components';

/** The look every panel shares, spread into each panel's makeStyles so figures read the same everywhere. */
export const panelStyles = {
  // minWidth 0 lets a wide table scroll inside the section instead of widening the pane.
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, maxWidth: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: 'auto' },
  /** A list of short items (contributions, problems, packages) stacked down a narrow pane. */
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  /** Key figures as a definition list: the term on the left, its figure right-aligned beside it. */
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontVariantNumeric: 'tabular-nums',
  },
  term: { color: tokens.colorNeutralForeground2 },
  /** A subtle button whose text is a sentence (a finding, a rule) that selects its cell: it wraps, left-aligned. */
  cellLink: {
    textAlign: 'left',
    justifyContent: 'flex-start',
    whiteSpace: 'normal',
    height: 'auto',
    minWidth: 0,
    maxWidth: '100%',
    overflowWrap: 'anywhere',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  pass: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, textAlign: 'right', overflowWrap: 'anywhere' },
  /** A table of figures; each panel adds how its own columns align. */
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontVariantNumeric: 'tabular-nums',
    fontSize: tokens.fontSizeBase300,
    '& th, & td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
} as const;
