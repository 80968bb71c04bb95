/** Where a command writes: stdout and stderr in the CLI, arrays in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
