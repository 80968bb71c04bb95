import { createCommandRunner, type RunnerState } from '../../src/taskpane/commandRunner';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('the pane runs one command at a time', () => {
  test('a second command while one runs is refused, naming the one running, and never starts', async () => {
    const seen: RunnerState[] = [];
    const runner = createCommandRunner((s) => seen.push(s));
    const first = deferred<string>();
    const started: string[] = [];
    const a = runner.run('Saving the pool', () => {
      started.push('pool');
      return first.promise;
    });
    const b = await runner.run('Refreshing the cards', async () => {
      started.push('cards');
      return 'x';
    });
    expect(b).toEqual({ status: 'refused', running: 'Saving the pool' });
    first.resolve('ok');
    expect(await a).toEqual({ status: 'done', value: 'ok' });
    expect(started).toEqual(['pool']);
    expect(seen.map((s) => s.status)).toEqual(['running', 'idle']);
  });

  test('progress is reported while running, and a failure returns to idle with the error', async () => {
    const seen: RunnerState[] = [];
    const runner = createCommandRunner((s) => seen.push(s));
    const result = await runner.run('Generating', async (onProgress) => {
      onProgress({ done: 1, total: 3, step: 'Schemes' });
      throw new Error('the workbook is locked');
    });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.error.message).toBe('the workbook is locked');
    expect(seen).toEqual([
      { status: 'running', label: 'Generating' },
      { status: 'running', label: 'Generating', progress: { done: 1, total: 3, step: 'Schemes' } },
      { status: 'idle' },
    ]);
    expect(runner.state.status).toBe('idle');
  });

  test('after a command ends the next one may start, and late progress from the old one is ignored', async () => {
    const seen: RunnerState[] = [];
    const runner = createCommandRunner((s) => seen.push(s));
    let late: ((p: { done: number; total: number; step: string }) => void) | undefined;
    await runner.run('First', async (onProgress) => {
      late = onProgress;
    });
    const second = deferred<number>();
    const running = runner.run('Second', () => second.promise);
    late?.({ done: 9, total: 9, step: 'stale' });
    expect(runner.state).toEqual({ status: 'running', label: 'Second' });
    second.resolve(2);
    expect(await running).toEqual({ status: 'done', value: 2 });
    expect(seen.filter((s) => s.status === 'running' && s.progress)).toEqual([]);
  });

  test('a command that throws something other than an Error still ends with a message', async () => {
    const runner = createCommandRunner(() => undefined);
    const result = await runner.run('Reading', async () => {
      throw 'host gone'; // eslint-disable-line @typescript-eslint/only-throw-error -- what a host that breaks the rules does
    });
    expect(result).toEqual({ status: 'failed', error: new Error('host gone') });
  });
});
