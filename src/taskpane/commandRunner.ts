import type { Progress } from '../workbook/host';

/**
 * The pane's one command runner: at most one command works on the workbook at a time, whichever
 * panel starts it. A plain state machine (no React) so its rules are unit-tested:
 * idle -> running (start) -> idle (finish, success or failure); a start while running is refused.
 */
export type RunnerState =
  { readonly status: 'idle' } | { readonly status: 'running'; readonly label: string; readonly progress?: Progress };

export type RunResult<T> =
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: Error }
  | { readonly status: 'refused'; readonly running: string };

export interface CommandRunner {
  readonly state: RunnerState;
  run<T>(label: string, command: (onProgress: (p: Progress) => void) => Promise<T>): Promise<RunResult<T>>;
}

export const IDLE: RunnerState = { status: 'idle' };

export function createCommandRunner(onChange: (state: RunnerState) => void): CommandRunner {
  let state: RunnerState = IDLE;
  // Each run has its own token, so progress a finished command reports late can't revive it.
  let current = 0;
  const set = (next: RunnerState) => {
    state = next;
    onChange(next);
  };
  return {
    get state() {
      return state;
    },
    async run(label, command) {
      if (state.status === 'running') return { status: 'refused', running: state.label };
      const token = ++current;
      set({ status: 'running', label });
      try {
        const value = await command((progress) => {
          if (token === current && state.status === 'running') set({ status: 'running', label, progress });
        });
        return { status: 'done', value };
      } catch (e) {
        return { status: 'failed', error: e instanceof Error ? e : new Error(String(e)) };
      } finally {
        current++;
        set(IDLE);
      }
    },
  };
}
