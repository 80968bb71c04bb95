import type { PlanSession } from '../../session';

/**
 * The Tables tab's state and its one command: whether the pane's plan can be written, what the
 * button says, and generating through the session (which runs one command at a time).
 */
export function useTables(session: PlanSession) {
  const busy = !!session.busy;
  const hasPlan = !!session.form;
  const valid = !!session.checked?.plan;
  const errors = session.checked?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const { generate } = session;
  return {
    busy,
    hasPlan,
    valid,
    errors,
    label: busy ? 'Generating…' : session.base ? 'Refresh tables' : 'Generate tables',
    canGenerate: !busy && hasPlan && valid,
    generate: () => generate(),
    tables: session.tables,
    pending: session.changes.length,
    stale: !!session.stale,
  };
}

export type TablesState = ReturnType<typeof useTables>;
