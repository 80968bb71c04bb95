import { Body1, Link, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '32rem',
  },
});

/** Shown when taskpane.html is opened outside Excel, where there is no workbook to work on. */
export function NotInExcel() {
  const styles = useStyles();
  return (
    <div className={styles.root} role="region" aria-label="Better Care Fund planner">
      <Subtitle1 as="h1">Better Care Fund planner</Subtitle1>
      <Body1>
        This page is the add-in’s task pane and needs Excel. Open it from the Home tab in Excel once the add-in is
        installed.
      </Body1>
      <Body1>
        To try the planner without Excel, open the <Link href="preview.html">browser preview</Link>: the same pane
        beside a simulated workbook.
      </Body1>
    </div>
  );
}
