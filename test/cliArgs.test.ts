import { main } from '../src/cli/main';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bcf command line', () => {
  it('prints help for every command with exit 0', async () => {
    for (const name of ['build', 'show', 'track', 'audit']) {
      const { code, out } = await run([name, '--help']);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^usage: bcf ${name} `));
    }
  });

  it('refuses a misspelt flag, naming it, with the usage line', async () => {
    const { code, err } = await run(['build', 'examples/barnet-2014-16.json', '--jsn']);
    expect(code).toBe(64);
    expect(err).toMatch(/unknown option "--jsn"/);
    expect(err).toMatch(/usage: bcf build /);
  });

  it('refuses an extra argument and a flag without its value', async () => {
    expect((await run(['audit', 'a.xlsx', 'b.xlsx'])).err).toMatch(/unexpected argument "b.xlsx"/);
    const noValue = await run(['build', 'examples/barnet-2014-16.json', '-o']);
    expect(noValue.code).toBe(64);
    expect(noValue.err).toMatch(/needs a value/);
  });

  it('prints its version', async () => {
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
