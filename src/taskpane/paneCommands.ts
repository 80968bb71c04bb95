import { useCallback } from 'react';
import { today } from '../domain/clock';
import type { Plan } from '../domain/plan';
import type { Progress, WorkbookHost } from '../workbook/host';
import { runCommand, type CommandDone, type CommandOutcome, type WorkbookCommand } from '../workbook/workbookCommand';
import { problemNotice, type Notice } from './sessionNotices';

/**
 * The one way the pane changes the workbook: a WorkbookCommand (src/workbook/workbookCommand.ts)
 * run through the pane's one runner, so two never work on the workbook at once; its progress is
 * the runner's, its outcome the panel's notice, and the plan it wrote becomes the pane's `base`,
 * which tells the staleness watch the pane has caught up with the workbook.
 */

/** A command's outcome when nothing was written. */
export type Refused = Exclude<CommandOutcome, CommandDone>;

/** What the pane says about a command's outcome, and what it does with the plan written. */
export interface Said<T extends object> {
  done(outcome: CommandDone & T): Notice;
  /** Nothing was written. Without it, the problems (by cell when they are the workbook's) or the conflicts are listed. */
  refused?(outcome: Refused): Notice;
  /**
   * The command wrote the pane's own plan (start, Generate): the form becomes it. Otherwise the
   * pane keeps unsaved typing on the Plan tab and takes the rest from the workbook.
   */
  readonly replacesForm?: boolean;
}

export type Execute = <T extends object>(
  command: WorkbookCommand<T>,
  said: Said<T>,
) => Promise<(CommandDone & T) | undefined>;

/** Reading without writing: the snapshot and the person's selection, never `apply`. */
export type WorkbookReader = Pick<WorkbookHost, 'read' | 'readSelection'>;

export type Look = <T>(label: string, look: (reader: WorkbookReader) => Promise<T>) => Promise<T | undefined>;

type Run = <T>(label: string, command: (onProgress: (p: Progress) => void) => Promise<T>) => Promise<T | undefined>;

export interface Landing {
  /** The plan the workbook holds after a command that wrote the pane's plan. */
  adopt(plan: Plan): void;
  /** The plan the workbook holds after any other command. */
  workbookWrote(plan: Plan): void;
  notify(notice: Notice | undefined): void;
}

/** The pane's `execute` and `look`, both through the one runner. */
export function usePaneCommands(host: WorkbookHost, run: Run, landing: Landing): { execute: Execute; look: Look } {
  const { adopt, workbookWrote, notify } = landing;
  const execute: Execute = useCallback(
    async <T extends object>(command: WorkbookCommand<T>, said: Said<T>) => {
      const outcome = await run(command.label, (onProgress) => runCommand(host, command, today(), onProgress));
      if (!outcome) return undefined;
      if (outcome.status !== 'done') {
        notify(said.refused?.(outcome) ?? refusedNotice(command.label, outcome));
        return undefined;
      }
      (said.replacesForm ? adopt : workbookWrote)(outcome.plan);
      notify(said.done(outcome));
      return outcome;
    },
    [adopt, host, notify, run, workbookWrote],
  );
  const look: Look = useCallback(
    <T>(label: string, read: (reader: WorkbookReader) => Promise<T>) => {
      const reader: WorkbookReader = {
        read: (sheets) => host.read(sheets),
        readSelection: host.readSelection && (() => host.readSelection!()),
      };
      return run(label, () => read(reader));
    },
    [host, run],
  );
  return { execute, look };
}

/** Nothing was written: the cells to correct, the edit's problem, or what both sides changed. */
export function refusedNotice(label: string, outcome: Refused): Notice {
  if (outcome.status === 'conflict')
    return { intent: 'warning', title: `${label}: nothing was written`, details: outcome.conflicts };
  const inCells = outcome.problems.some((p) => 'sheet' in p.where);
  return problemNotice(
    'error',
    `${label}: nothing was written`,
    outcome.problems,
    inCells ? 'Correct these cells in the workbook, then try again.' : undefined,
    inCells,
  );
}
