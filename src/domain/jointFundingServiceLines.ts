import { sameText, type JointPackage } from './jointFunding';
import type { PackageField } from './jointFundingChecks';
import type { RegisterProblem } from './jointFundingJson';

/** A package read from one line of an export, with where its problems go and how its columns are headed. */
export interface ServiceLine {
  readonly pkg: JointPackage;
  readonly row: number;
  readonly label: (field: string) => string;
  readonly where: (field: string) => string;
  readonly problems: RegisterProblem[];
}

/** What must agree between two lines of one package for their costs to be added up, field by field. */
function packageTerms(pkg: JointPackage): [PackageField, string][] {
  const split = pkg.split;
  const splitTerms = [
    split.method,
    'icbPercent' in split ? split.icbPercent.toFixed() : '',
    'decided' in split ? String(split.decided) : '',
    'tasks' in split ? split.tasks.map((t) => `${t.health}:${t.minutes.toFixed()}`).join(',') : '',
  ].join('|');
  return [
    ['person', sameText(pkg.person)],
    ['basis', pkg.basis],
    ['icb', sameText(pkg.icb)],
    ['start', String(pkg.start)],
    ['end', String(pkg.end)],
    ['method', splitTerms],
  ];
}

/**
 * The lines of one package added up: case-management systems export a line per service (home care,
 * day care) under one package reference. Lines agreeing on all but the weekly cost are one package
 * whose cost is their sum (the ICB's share is then rounded once, as for any package). A line that
 * differs in anything else is refused, naming the field, rather than guessed at.
 */
export function addedUpLines<T extends ServiceLine>(lines: readonly T[]): T[] {
  const first = new Map<string, number>();
  const kept: T[] = [];
  for (const line of lines) {
    const key = sameText(line.pkg.ref);
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, kept.length);
      kept.push(line);
      continue;
    }
    const earlier = kept[at];
    const theirs = new Map(packageTerms(earlier.pkg));
    const differs = packageTerms(line.pkg).find(([field, value]) => theirs.get(field) !== value)?.[0];
    if (differs) {
      line.problems.push({
        severity: 'error',
        where: { path: line.where(differs) },
        row: line.row,
        field: 'ref',
        message: `the package reference ${line.pkg.ref} is on row ${earlier.row} too, with a different ${line.label(differs)}; lines of one package are added up only when they agree on all but the weekly cost, so this row was not read: give each package its own reference.`,
      });
      continue;
    }
    kept[at] = { ...earlier, pkg: { ...earlier.pkg, weeklyCost: earlier.pkg.weeklyCost.plus(line.pkg.weeklyCost) } };
  }
  return kept;
}
