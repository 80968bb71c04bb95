/** Where a problem is: a cell of a sheet, or a path in a plan file. */
export type Location = { readonly sheet: string; readonly cell: string } | { readonly path: string };

export interface Problem {
  readonly severity: 'error' | 'warning';
  readonly where: Location;
  /** Says what is wrong and what is expected, in words a finance lead uses. */
  readonly message: string;
  /**
   * The workbook holds something a person typed that laying the plan out again would drop (a
   * sub-total row inside a register): the plan can be read and audited, but nothing is written
   * until it is moved.
   */
  readonly blocksRewrite?: boolean;
}

export function describeLocation(where: Location): string {
  return 'sheet' in where ? `${quoteSheet(where.sheet)}!${where.cell}` : where.path;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function describeProblem(problem: Problem): string {
  return `${problem.severity === 'error' ? 'Error' : 'Warning'} at ${describeLocation(problem.where)}: ${problem.message}`;
}

/** Thrown when a plan cannot be used at all; carries every error found, not just the first. */
export class PlanError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      problems
        .filter((p) => p.severity === 'error')
        .map(describeProblem)
        .join('\n') || 'The plan has errors',
    );
    this.name = 'PlanError';
  }
}
