/** Where a command writes: stdout and stderr in the CLI, arrays in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The terminal's width, for help; undefined when output goes to a file or pipe (help then wraps at 80). */
  readonly columns?: number;
}
