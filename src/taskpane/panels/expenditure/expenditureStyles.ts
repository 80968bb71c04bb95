import { makeStyles, tokens } from '@fluentui/react-components';
import { panelStyles } from '../../panelStyles';

/** The Expenditure tab's look: single columns that shrink with a 320 px pane, nothing wider than it. */
export const useExpenditureStyles = makeStyles({
  ...panelStyles,
  // Fluent inputs, selects and comboboxes keep a minimum width of their own; here they shrink with the pane.
  input: { width: '100%', minWidth: 0, maxWidth: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'space-between',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  itemText: { minWidth: 0, overflowWrap: 'anywhere', display: 'flex', flexDirection: 'column' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
  // alignItems start: a message under one field doesn't stretch its neighbour.
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  ruleText: { overflowWrap: 'anywhere' },
  bars: { display: 'flex', flexDirection: 'column', gap: '2px' },
  track: { height: '6px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  income: { height: '100%', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  spend: { height: '100%', backgroundColor: tokens.colorNeutralForeground3, borderRadius: tokens.borderRadiusSmall },
  overspend: {
    height: '100%',
    backgroundColor: tokens.colorPaletteRedBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  balance: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
});
