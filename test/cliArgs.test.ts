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

async function runAt(args: string[], columns?: number) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), columns });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const longest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

describe('bcf help fits the terminal', () => {
  it('wraps every command’s help to the terminal’s width, and to 80 columns when it is not a terminal', async () => {
    for (const args of [
      ['--help'],
      ...['build', 'show', 'track', 'audit', 'joint', 'import', 'rollup'].map((c) => [c, '--help']),
    ]) {
      expect(longest((await runAt(args)).out)).toBeLessThanOrEqual(80);
      expect(longest((await runAt(args, 60)).out)).toBeLessThanOrEqual(60);
    }
    expect(longest((await runAt(['joint', '--help'], 200)).out)).toBeGreaterThan(80);
  });

  it('keeps each option’s help in its column when it wraps', async () => {
    const { out } = await runAt(['import', '--help'], 60);
    const sheet = out.split('\n').findIndex((l) => l.startsWith('  --sheet'));
    expect(out.split('\n')[sheet + 1]).toMatch(/^ {31}\S/);
  });

  it('names every option of bcf import in its usage line', async () => {
    const { out } = await runAt(['import', '--help'], 200);
    const usageLine = out.split('\n')[0];
    for (const flag of ['--sheet', '--range', '--board', '--year', '-o']) expect(usageLine).toContain(flag);
  });
});

describe('bcf joint reads dates and years as the rest of bcf does', () => {
  it('takes --as-at as dd/mm/yyyy, the way the CSV import reads dates, with the same figures as yyyy-mm-dd', async () => {
    const uk = await runAt(['joint', 'examples/joint-funding.json', '--as-at', '18/04/2024', '--json']);
    const iso = await runAt(['joint', 'examples/joint-funding.json', '--as-at', '2024-04-18', '--json']);
    expect(uk.code).toBe(0);
    expect(uk.out).toBe(iso.out);
    expect((await runAt(['joint', 'examples/joint-funding.json', '--as-at', '31/02/2024'])).err).toMatch(
      /--as-at takes a date written dd\/mm\/yyyy/,
    );
  });

  it('shows --year 2026-27 as 2026/27', async () => {
    const { code, out } = await runAt(['joint', 'examples/joint-funding.json', '--year', '2023-24']);
    expect(code).toBe(0);
    expect(out).toMatch(/financial year 2023\/24/);
    expect(out).not.toMatch(/2023-24/);
  });
});

describe('bcf -o is named for what it writes', () => {
  it('refuses -o x.txt, naming the extension the command writes, and writes nothing', async () => {
    const fs = await import('fs/promises');
    const os = await import('os');
    const path = await import('path');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-ext-'));
    const txt = path.join(dir, 'x.txt');
    const build = await runAt(['build', 'examples/barnet-2014-16.json', '-o', txt]);
    expect(build.code).toBe(64);
    expect(build.err).toContain(`name it ${path.join(dir, 'x.xlsx')}`);
    const joint = await runAt(['joint', 'import', 'examples/joint-funding.json', '-o', txt]);
    expect([joint.code, joint.err]).toEqual([64, expect.stringContaining(`name it ${path.join(dir, 'x.json')}`)]);
    const bare = await runAt(['build', 'examples/barnet-2014-16.json', '-o', path.join(dir, 'plan')]);
    expect(bare.err).toContain('(.xlsx)');
    expect(await fs.readdir(dir)).toEqual([]);
    const upper = await runAt(['build', 'examples/barnet-2014-16.json', '-o', path.join(dir, 'PLAN.XLSX'), '--tables']);
    expect(upper.code).toBe(0);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('says nothing of rows not read when every row was read, and counts one package as one', async () => {
    const fs = await import('fs/promises');
    const os = await import('os');
    const path = await import('path');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-rows-'));
    const csv = path.join(dir, 'one.csv');
    await fs.writeFile(
      csv,
      'Client ID,Funding Type,CCG,Start Date,End Date,Cost per week,Agreement,ICB %\nM-1,Care Act,North ICB,01/04/2024,,1000,Fixed,40\n',
    );
    const r = await runAt(['joint', 'import', csv, '-o', path.join(dir, 'one.json')]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/: 1 package\./);
    expect(r.out).not.toMatch(/not read/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
