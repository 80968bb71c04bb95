import { describeLocation, type Problem } from '../domain/problems';
import type { CommandOutcome } from '../workbook/commands';

/**
 * What the pane says after a command: one notice, shown in the one place each panel keeps for it
 * (CommandStatus, at the top of the panel). Built here, apart from the session's state, so the
 * wording of each outcome is in one place.
 */
export interface Notice {
  readonly intent: 'success' | 'warning' | 'error' | 'info';
  readonly title: string;
  readonly body?: string;
  readonly details?: readonly string[];
  readonly actions?: readonly { readonly label: string; readonly run: () => void }[];
}

/**
 * A notice's title as shown and read: ended with a full stop unless it has its own punctuation, and
 * a space before the body, so a screen reader doesn't run it into the text after it
 * ("nothing was writtenCorrect those cells").
 */
export function spokenTitle(title: string): string {
  return `${/[.!?:…]$/.test(title.trim()) ? title.trim() : `${title.trim()}.`} `;
}

/** Cells are named ("Schemes!G9"); the pane's own fields are named by the message itself. */
export function problemNotice(
  intent: Notice['intent'],
  title: string,
  problems: readonly Problem[],
  body?: string,
  showCells = true,
): Notice {
  const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
  return {
    intent,
    title,
    body,
    details: problems.map((p) => (showCells ? `${describeLocation(p.where)}: ${p.message}` : sentence(p.message))),
  };
}

export function failureNotice(label: string, error: Error): Notice {
  return {
    intent: 'error',
    title: `${label} failed`,
    body: `The workbook reported: ${error.message.split('\n')[0]}. Nothing typed in the pane is lost. Try again; if it fails again, save the workbook, reopen it and run the command once more.`,
  };
}

export function busyNotice(label: string, running: string): Notice {
  return {
    intent: 'info',
    title: `${label} did not start`,
    body: `${running} is still working on the workbook; try again when it has finished.`,
  };
}

/** The notice for what Start or Generate did; `again` reruns the command choosing a side. */
export function outcomeNotice(
  outcome: CommandOutcome,
  what: string,
  again: (prefer: 'pane' | 'workbook') => void,
): Notice {
  switch (outcome.status) {
    case 'done': {
      const years = outcome.plan.years.map((y) => y.label).join(', ');
      const details = [
        ...(outcome.notices ?? []),
        ...outcome.fromWorkbook.map((c) => `Read back from the workbook: ${c}`),
        ...outcome.warnings.map((p) => `Warning: ${p.message}`),
      ];
      return {
        intent: outcome.warnings.length ? 'warning' : 'success',
        title: `${what} for ${years || 'the plan'}`,
        details,
      };
    }
    case 'conflict':
      return {
        intent: 'warning',
        title: 'The workbook and the pane disagree',
        body: 'Nothing was written. Both the pane and the workbook changed the same part of the plan since the pane last read it. Choose which to keep:',
        details: outcome.conflicts,
        actions: [
          { label: 'Keep the pane’s version', run: () => again('pane') },
          { label: 'Keep the workbook’s version', run: () => again('workbook') },
        ],
      };
    case 'invalid':
      return outcome.inWorkbook
        ? {
            ...problemNotice(
              'error',
              'The workbook’s inputs have errors, so nothing was written',
              outcome.problems,
              'Correct those cells and generate again, or overwrite the workbook’s inputs with the pane’s plan.',
            ),
            actions: [{ label: 'Overwrite with the pane’s plan', run: () => again('pane') }],
          }
        : invalidPlanNotice(outcome.problems);
  }
}

export function invalidPlanNotice(problems: readonly Problem[]): Notice {
  return problemNotice(
    'error',
    'The plan has errors, so nothing was written',
    problems,
    'Correct the fields marked in red on the Plan tab, then generate again.',
    false,
  );
}

export function staleNotice(reread: () => void): Notice {
  return {
    intent: 'info',
    title: 'The workbook has changed since the pane read it',
    body: 'The figures here may be out of date. Generate merges the pane’s edits with what the workbook now holds; Read from workbook shows what it holds and drops edits not yet generated.',
    actions: [{ label: 'Read from workbook', run: reread }],
  };
}

/** What the totals shown are: the workbook's, with the pane's edits, or possibly no longer the workbook's. */
export function totalsCaption(pending: number, stale: boolean): string {
  const edits = pending === 1 ? 'one change' : `${pending} changes`;
  if (stale)
    return pending
      ? `Includes ${edits} not yet in the workbook. The workbook has changed since the pane read it, so these may be out of date.`
      : 'As the pane last read the workbook, which has changed since: these may be out of date.';
  return pending ? `Includes ${edits} not yet in the workbook.` : 'As the workbook’s tables show them.';
}
