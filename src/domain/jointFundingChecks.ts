import { EXCEL_LIMITS } from './excelLimits';
import { healthShareParts, ruleFor, sameText, type JointFunding, type JointPackage } from './jointFunding';

/** A field of a package or rule, so each reader can say where it is (a JSON path, a cell, an export's row). */
export type PackageField =
  'ref' | 'person' | 'basis' | 'icb' | 'start' | 'end' | 'weeklyCost' | 'method' | 'icbPercent' | 'decided' | 'tasks';

export interface PackageIssue {
  readonly kind: 'package' | 'rule';
  readonly index: number;
  readonly field: PackageField;
  readonly message: string;
  /** A warning leaves the package in every figure; anything else leaves it out. */
  readonly severity?: 'warning';
}

/** How the register and the export templates head the panel's date: the column a person adds. */
export const DECIDED_HEADER = 'Panel decision date';

export const MAX_PERCENT = 100;

/**
 * What makes a package unusable: no reference, a negative cost, an end before its start, a share
 * outside 0-100%, no minutes for time to task, or no split at all (no override and no rule for its
 * ICB). A package with an issue is left out of every figure and reported, never guessed at.
 */
export function checkPackage(pkg: JointPackage, index: number, jf: Pick<JointFunding, 'rules'>): PackageIssue[] {
  const issues: PackageIssue[] = [];
  const issue = (field: PackageField, message: string) => issues.push({ kind: 'package', index, field, message });
  const who = pkg.ref ? `package ${pkg.ref.length > 40 ? `${pkg.ref.slice(0, 40)}…` : pkg.ref}` : 'the package';
  for (const [field, what] of [
    ['ref', 'package reference'],
    ['person', 'person reference'],
  ] as const)
    if (pkg[field].length > EXCEL_LIMITS.cellText)
      issue(
        field,
        `the ${what} is ${pkg[field].length.toLocaleString('en-GB')} characters long; a cell holds at most ${EXCEL_LIMITS.cellText.toLocaleString('en-GB')}.`,
      );
  if (!pkg.ref.trim()) issue('ref', 'the package has no reference.');
  if (!pkg.person.trim()) issue('person', `${who} has no person reference (a pseudonymous reference, never a name).`);
  if (!pkg.icb.trim()) issue('icb', `${who} has no ICB.`);
  if (pkg.weeklyCost.isNegative())
    issue('weeklyCost', `${who} has a negative weekly cost (${pkg.weeklyCost.toFixed()}); enter £0 or more.`);
  else if (pkg.weeklyCost.decimalPlaces() > 2)
    issue(
      'weeklyCost',
      `${who} has a weekly cost in fractions of a penny (${pkg.weeklyCost.toFixed()}); enter pounds and pence.`,
    );
  if (pkg.end !== null && pkg.end < pkg.start)
    issue('end', `${who} ends before it starts; check the start and end dates.`);
  const split = pkg.split;
  if (
    (split.method === 'fixed' || split.method === 'panel') &&
    (split.icbPercent.isNegative() || split.icbPercent.greaterThan(MAX_PERCENT))
  ) {
    issue('icbPercent', `${who} has an ICB share of ${split.icbPercent.toFixed()}%; a share is from 0% to 100%.`);
  }
  if (split.method === 'panel' && split.decided === null)
    issues.push({
      kind: 'package',
      index,
      field: 'decided',
      severity: 'warning',
      message: `${who} was split by a panel but the panel's decision date is blank; it is counted at the ICB share the panel agreed. Add a "${DECIDED_HEADER}" column (dd/mm/yyyy) to record when.`,
    });
  if (split.method === 'timeToTask') {
    if (split.tasks.some((t) => t.minutes.isNegative() || !t.minutes.isInteger()))
      issue(
        'tasks',
        `${who} has a task whose minutes are not a whole number of 0 or more; enter whole minutes a week.`,
      );
    else if (!healthShareParts(pkg, jf.rules))
      issue(
        'tasks',
        `${who} is split by time to task but has no minutes; enter the health and social care minutes a week.`,
      );
  }
  if (split.method === 'default' && pkg.icb.trim() && !ruleFor(jf.rules, pkg.icb)) {
    issue(
      'method',
      `${who} has no split method and there is no default rule for ${pkg.icb}; give the package a split or add a rule for the ICB.`,
    );
  }
  return issues;
}

export function checkRules(jf: Pick<JointFunding, 'rules'>): PackageIssue[] {
  const issues: PackageIssue[] = [];
  const seen = new Set<string>();
  jf.rules.forEach((rule, index) => {
    if (!rule.icb.trim()) issues.push({ kind: 'rule', index, field: 'icb', message: 'a default rule has no ICB.' });
    if (seen.has(sameText(rule.icb)))
      issues.push({
        kind: 'rule',
        index,
        field: 'icb',
        message: `there are two default rules for ${rule.icb}; keep one.`,
      });
    seen.add(sameText(rule.icb));
    if (rule.icbPercent.isNegative() || rule.icbPercent.greaterThan(MAX_PERCENT)) {
      issues.push({
        kind: 'rule',
        index,
        field: 'icbPercent',
        message: `the default ICB share for ${rule.icb} is ${rule.icbPercent.toFixed()}%; a share is from 0% to 100%.`,
      });
    }
  });
  return issues;
}

/** Every issue in a register, and the packages with nothing but warnings (the ones the figures count). */
export function checkJointFunding(jf: JointFunding): { usable: JointPackage[]; issues: PackageIssue[] } {
  const issues = checkRules(jf);
  const usable: JointPackage[] = [];
  const refs = new Set<string>();
  jf.packages.forEach((pkg, index) => {
    const own = checkPackage(pkg, index, jf);
    if (pkg.ref.trim() && refs.has(sameText(pkg.ref)))
      own.push({
        kind: 'package',
        index,
        field: 'ref',
        message: `the package reference ${pkg.ref} is used twice; each package needs its own.`,
      });
    refs.add(sameText(pkg.ref));
    issues.push(...own);
    if (!own.some((issue) => issue.severity !== 'warning')) usable.push(pkg);
  });
  return { usable, issues };
}
