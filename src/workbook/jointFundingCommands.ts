import { sameText, type Day } from '../domain/jointFunding';
import { icbContributionSource, icbPartner } from '../domain/jointPoolReconciliation';
import { jointSummary } from '../domain/jointFundingSummary';
import { checkJointFunding } from '../domain/jointFundingChecks';
import type { RegisterProblem } from '../domain/jointFundingJson';
import type { Contribution } from '../domain/pool';
import type { Plan } from '../domain/plan';
import { emptyPool } from '../domain/pool';
import type { JointFunding } from '../domain/jointFunding';
import { onWorkbookPlan } from './commands';
import type { Progress, WorkbookHost } from './host';
import { JOINT_SHEETS } from './families/jointFunding/names';
import { readJointFunding } from './families/jointFunding/reader';
import { refusal, runCommand, writePlan, type CommandOutcome, type WorkbookCommand } from './workbookCommand';

/** The register as the workbook holds it, with its problems by cell; undefined when there is none. */
export async function readRegister(
  host: Pick<WorkbookHost, 'read'>,
): Promise<{ jointFunding: JointFunding; problems: readonly RegisterProblem[] } | undefined> {
  return readJointFunding(await host.read(Object.values(JOINT_SHEETS)));
}

/** The funding source a contribution line carries, so adding it again replaces it rather than doubling it. */
export { icbContributionSource };

/**
 * The pool's contribution lines for the ICBs' share of jointly funded packages in a year: one line
 * per ICB with a share, at its cost in the year, under the partner whose id or name is the ICB's
 * (else the plan's NHS partner). Lines added before for the same year and ICB are replaced.
 */
export function withIcbContributions(
  plan: Plan,
  asAt: Day,
  year: string,
): { plan: Plan; added: Contribution[] } | { error: string } {
  const jf = plan.jointFunding;
  if (!jf?.packages.length) return { error: 'The workbook has no jointly funded packages to add.' };
  if (!plan.years.some((y) => y.label === year))
    return {
      error: `${year} is not a year of this plan (${plan.years.map((y) => y.label).join(', ')}); choose one of those years.`,
    };
  const summary = jointSummary(jf.packages, jf.rules, asAt, year);
  const added: Contribution[] = [];
  for (const g of summary.byIcb) {
    if (g.annual.icb.isZero()) continue;
    const partner = icbPartner(plan, g.key);
    if (!partner)
      return {
        error: `No partner of the plan is ${g.key} and there is no NHS partner; add the ICB as a partner first.`,
      };
    added.push({ year, partner: partner.id, source: icbContributionSource(g.key), amount: g.annual.icb });
  }
  const pool = plan.pool ?? emptyPool();
  const replaced = new Set(added.map((c) => `${c.year}|${c.source}`));
  const contributions = [...pool.contributions.filter((c) => !replaced.has(`${c.year}|${c.source}`)), ...added];
  return { plan: { ...plan, pool: { ...pool, contributions } }, added };
}

/** Adds the ICB contribution lines to the pool of the plan the workbook holds when it writes. */
export function icbContributionsCommand(
  asAt: Day,
  year: string,
): WorkbookCommand<{ readonly contributions: readonly Contribution[] }> {
  return {
    label: 'Adding the ICB contribution',
    decide: (snapshot, today) =>
      onWorkbookPlan(snapshot, (plan) => {
        const changed = withIcbContributions(plan, asAt, year);
        if ('error' in changed) return refusal(changed.error, 'jointFunding');
        return writePlan(changed.plan, { today, detail: { contributions: changed.added } });
      }),
  };
}

export async function addIcbContributions(
  host: WorkbookHost,
  asAt: Day,
  year: string,
  today: Day,
  onProgress?: (p: Progress) => void,
): Promise<CommandOutcome<{ readonly contributions: readonly Contribution[] }>> {
  return runCommand(host, icbContributionsCommand(asAt, year), today, onProgress);
}

/**
 * Adds the packages read from a case-management export to the workbook's register (a package whose
 * reference is already there replaces it) and writes the plan back. Rows the import refused are
 * the caller's to show; nothing of them is written.
 */
export function registerImportCommand(imported: JointFunding): WorkbookCommand<{ readonly packagesAdded: number }> {
  return {
    label: 'Adding packages to the register',
    decide: (snapshot, today) =>
      onWorkbookPlan(snapshot, (plan) => {
        const current = plan.jointFunding ?? { rules: [], packages: [] };
        const incoming = new Set(imported.packages.map((p) => sameText(p.ref)));
        const jointFunding: JointFunding = {
          ...current,
          packages: [...current.packages.filter((p) => !incoming.has(sameText(p.ref))), ...imported.packages],
        };
        // A package with no split of its own needs a default rule for its ICB; the register's own rules are the only ones there are.
        const { issues } = checkJointFunding(jointFunding);
        if (issues.length) return refusal([...new Set(issues.map((i) => i.message))].join(' '), 'jointFunding');
        return writePlan({ ...plan, jointFunding }, { today, detail: { packagesAdded: imported.packages.length } });
      }),
  };
}

export async function importIntoRegister(
  host: WorkbookHost,
  imported: JointFunding,
  today: Day,
  onProgress?: (p: Progress) => void,
): Promise<CommandOutcome<{ readonly packagesAdded: number }>> {
  return runCommand(host, registerImportCommand(imported), today, onProgress);
}
