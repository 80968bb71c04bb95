import { Body1, Button, Caption1, Field, Input, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { BASIS_LABELS, METHOD_LABELS, yearOf, type Shares } from '../../domain/jointFunding';
import type { RegisterProblem } from '../../domain/jointFundingJson';
import type { GroupFigures } from '../../domain/jointFundingSummary';
import { isFinancialYearLabel } from '../../domain/financialYear';
import { formatPounds } from '../../domain/money';
import { plural } from '../../domain/plural';
import { describeLocation } from '../../domain/problems';
import { icbContributionsCommand, registerImportCommand } from '../../workbook/jointFundingCommands';
import type { PlanSession } from '../session';
import { useJointFunding, useRegisterImport } from './joint/useJointFunding';
import type { FeatureProps } from '../feature';
import { panelStyles } from '../panelStyles';

const useStyles = makeStyles({
  ...panelStyles,
  // Label above figure, two to a row: fits a 320 px pane without a wide table.
  figures: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  figure: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    '& dd': { margin: 0, fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  },
  dates: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  problem: {
    textAlign: 'left',
    justifyContent: 'flex-start',
    whiteSpace: 'normal',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  fail: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The "Joint funding" tab: the register's people and shares as at a chosen date, by ICB and split
 * method, the rows with problems (choosing one selects its cell), and a button that adds the ICBs'
 * share for the year to the pool as contribution lines. State and commands are useJointFunding's.
 */
export function JointFundingPanel({ session }: FeatureProps) {
  const styles = useStyles();
  const { register, asAtText, setAsAtText, yearText, setYearText, asAt, year, summary, addToPool } =
    useJointFunding(session);
  const adding = session.busy?.label === icbContributionsCommand(0, '').label;

  if (register === undefined) return <Body1>Reading the joint-funding register…</Body1>;
  if (register === null) {
    return (
      <section className={styles.section} aria-labelledby="joint-heading">
        <Subtitle2 as="h2" id="joint-heading">
          Joint funding
        </Subtitle2>
        <Body1>
          This workbook has no Joint register sheet yet. To start one, read an export from your case-management system
          under Import from case management below (a CSV file, or an .xlsx export’s sheet), then press Add to the
          register.
        </Body1>
        <ImportSection session={session} />
      </section>
    );
  }
  return (
    <>
      <section className={styles.section} aria-labelledby="joint-heading">
        <Subtitle2 as="h2" id="joint-heading">
          Joint funding
        </Subtitle2>
        <div className={styles.dates}>
          <Field
            label="People covered as at"
            validationMessage={asAt === undefined ? 'A date, written dd/mm/yyyy' : undefined}
          >
            <Input
              value={asAtText}
              placeholder="dd/mm/yyyy"
              onChange={(_, d) => setAsAtText(d.value)}
              size="small"
              style={{ width: '7.5em' }}
            />
          </Field>
          <Field
            label="Financial year"
            validationMessage={yearText && !isFinancialYearLabel(yearText) ? 'e.g. 2023/24' : undefined}
          >
            <Input
              value={yearText}
              placeholder={asAt !== undefined ? yearOf(asAt) : ''}
              onChange={(_, d) => setYearText(d.value)}
              size="small"
              style={{ width: '7em' }}
            />
          </Field>
        </div>
        {summary && (
          <dl className={styles.figures} aria-label="Register summary">
            <Figure label="People covered" value={String(summary.people)} />
            <Figure label="Packages active" value={String(summary.packages)} />
            <Figure label="Council a week" value={formatPounds(summary.weekly.council, true)} />
            <Figure label="ICB a week" value={formatPounds(summary.weekly.icb, true)} />
            <Figure label={`Council in ${summary.year}`} value={formatPounds(summary.annual.council, true)} />
            <Figure label={`ICB in ${summary.year}`} value={formatPounds(summary.annual.icb, true)} />
            <Figure label="ICB full year (×52)" value={formatPounds(summary.fullYear.icb, true)} />
            <Figure label="How costs are split" value={splitAgreement(summary.answer.method)} />
          </dl>
        )}
        <Caption1 className={styles.muted}>
          {plural(register.jointFunding.packages.length, 'package')} in the register; the sheets show every figure as a
          formula.
        </Caption1>
      </section>
      {summary && <Groups title="Shares by ICB" groups={summary.byIcb} name={(k) => k} people />}
      {summary && (
        <Groups
          title="Shares by split method"
          groups={summary.byMethod}
          name={(k) => METHOD_LABELS[k as keyof typeof METHOD_LABELS]}
        />
      )}
      {summary && (
        <Groups
          title="Shares by funding basis"
          groups={summary.byBasis}
          name={(k) => BASIS_LABELS[k as keyof typeof BASIS_LABELS]}
        />
      )}
      <Problems problems={register.problems} session={session} />
      <section className={styles.section} aria-labelledby="joint-pool-heading">
        <Subtitle2 as="h2" id="joint-pool-heading">
          Into the pool
        </Subtitle2>
        <Body1>
          Add each ICB’s share of these packages in {year ?? 'the year'} to the Pool sheet as a contribution line (added
          again, it replaces the line).
        </Body1>
        <div>
          <Button
            appearance="primary"
            disabled={!!session.busy || !summary?.annual.icb.greaterThan(0)}
            onClick={addToPool}
          >
            {adding
              ? 'Adding…'
              : `Add the ICB contribution${summary ? ` (${formatPounds(summary.annual.icb, true)})` : ''}`}
          </Button>
        </div>
      </section>
      <ImportSection session={session} />
    </>
  );
}

/** Reads a CSV export in the pane, shows what was read and what was not, and adds the readable packages to the register. */
function ImportSection({ session }: FeatureProps) {
  const styles = useStyles();
  const { result, unreadable, choose, readSheet, add, refused } = useRegisterImport(session);
  const adding = !!result && session.busy?.label === registerImportCommand(result.jointFunding).label;
  return (
    <section className={styles.section} aria-labelledby="joint-import-heading">
      <Subtitle2 as="h3" id="joint-import-heading">
        Import from case management
      </Subtitle2>
      <Caption1 className={styles.muted}>
        A CSV export from Mosaic, LAS or a spreadsheet, with columns such as Person ID, Funding type, ICB, Start date,
        Weekly cost. Name columns are never copied.
      </Caption1>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="Choose a CSV export"
        onChange={(e) => choose(e.target.files?.[0])}
      />
      <Caption1 className={styles.muted}>
        An .xlsx export: put its sheet in this workbook (Move or Copy), select one of its cells, then read it.
      </Caption1>
      <div>
        <Button disabled={!!session.busy} onClick={readSheet}>
          Read the export on the selected sheet
        </Button>
      </div>
      {result && (
        <>
          <Caption1 role="status">
            {plural(result.jointFunding.packages.length, 'package')} read
            {refused ? `; ${plural(refused, 'row')} not read` : ''}.
          </Caption1>
          <ul className={styles.list} aria-label="Rows not read">
            {result.problems.map((p, i) => (
              <li key={i}>
                <Caption1 className={p.severity === 'error' ? styles.fail : styles.muted}>
                  {describeLocation(p.where)}: {p.message}
                </Caption1>
              </li>
            ))}
          </ul>
          <div>
            <Button
              appearance="primary"
              disabled={!!session.busy || !result.jointFunding.packages.length}
              onClick={add}
            >
              {adding ? 'Adding…' : `Add ${plural(result.jointFunding.packages.length, 'package')} to the register`}
            </Button>
          </div>
        </>
      )}
      {unreadable && (
        <Caption1 role="alert" className={styles.fail}>
          {unreadable}
        </Caption1>
      )}
    </section>
  );
}

/** The FOI return's answer without its letter (A to D): the letter is the return's numbering, meaningless here. */
const splitAgreement = (method: string) => method.replace(/^[A-D]\) /, '');

function Figure({ label, value }: { readonly label: string; readonly value: string }) {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <dt className={styles.label}>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Groups({
  title,
  groups,
  name,
  people,
}: {
  readonly title: string;
  readonly groups: readonly GroupFigures[];
  readonly name: (key: string) => string;
  readonly people?: boolean;
}) {
  const styles = useStyles();
  const week = (s: Shares) => `council ${formatPounds(s.council, true)}, ICB ${formatPounds(s.icb, true)}`;
  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      <ul className={styles.list}>
        {groups
          .filter((g) => g.packages || !g.annual.total.isZero())
          .map((g) => (
            <li key={g.key}>
              <Body1>
                <strong>{name(g.key)}</strong>: {people ? `${plural(g.people, 'person', 'people')}, ` : ''}
                {plural(g.packages, 'package')}
              </Body1>
              <br />
              <Caption1 className={styles.muted}>a week: {week(g.weekly)}</Caption1>
              <br />
              <Caption1 className={styles.muted}>in the year: {week(g.annual)}</Caption1>
            </li>
          ))}
      </ul>
    </section>
  );
}

function Problems({
  problems,
  session,
}: {
  readonly problems: readonly RegisterProblem[];
  readonly session: PlanSession;
}) {
  const styles = useStyles();
  if (!problems.length) return null;
  // A warning (a panel split with no date) leaves its package in the figures.
  const left = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row)).size;
  const warned = new Set(problems.filter((p) => p.severity !== 'error').map((p) => p.row)).size;
  return (
    <section className={styles.section} aria-labelledby="joint-problems-heading">
      <Subtitle2 as="h3" id="joint-problems-heading" className={left ? styles.fail : undefined}>
        {plural(left, 'row')} left out of the figures
        {warned ? `; ${warned} counted, with a warning` : ''}
      </Subtitle2>
      <ul className={styles.list} aria-label="Register problems">
        {problems.map((p, i) => (
          <li key={`${describeLocation(p.where)}:${i}`}>
            <Button
              appearance="subtle"
              className={styles.problem}
              disabled={!session.canSelect || !('sheet' in p.where)}
              onClick={() => 'sheet' in p.where && session.selectCell(p.where.sheet, p.where.cell)}
            >
              <span>
                <strong>{describeLocation(p.where)}</strong> {p.message}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
