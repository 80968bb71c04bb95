import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bcf track', () => {
  test('bcf build includes the cards, and bcf track prints the steering-group summary of the built workbook', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-track-'));
    const file = path.join(dir, 'barnet.xlsx');
    expect((await run(['build', 'examples/barnet-2014-16.json', '-o', file])).code).toBe(0);
    const { code, out, err } = await run(['track', file]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Barnet Benefit Cards as at 2015/16 Q2');
    expect(out).toMatch(
      /^2c\s+Care Home – LCS\s+3, 4\s+£70,140\s+£36,072\s+-£34,068\s+-48\.57%\s+Red\s+Money\s+1 of 3 approved/m,
    );
    expect(out).toMatch(/^Total\s+5 cards\s+£2,687,912\s+£2,631,281\s+-£56,631/m);
    expect(out).toContain('Cards by status: Green 3, Amber 1, Red 1, No data yet 0');
    expect(out).toContain(
      'NEL reduction target 2015/16: 1,021 (baseline 29,094, target 28,073); planned in the cards 1,021; realised in the year to the reporting quarter 478',
    );
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('bcf track --json prints the summary as data, money as exact strings, and still prints with a pool input problem', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-track-json-'));
    const plan = path.join(dir, 'plan.json');
    const json = JSON.parse(await fs.readFile('examples/barnet-2014-16.json', 'utf8'));
    json.cards.asAt = ' 2015/16  q2';
    json.pool.sharing = {
      kind: 'fixed',
      shares: [
        { partner: 'LBB', percent: 40 },
        { partner: 'BCCG', percent: 50 },
      ],
    };
    await fs.writeFile(plan, JSON.stringify(json));
    const { code, out } = await run(['track', plan, '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(out);
    // The plan file's reader tidies the year part of the label; the quarter is still found however it was typed.
    expect(data.reportingQuarter).toMatchObject({ state: 'set', shown: '2015/16 Q2', position: 6 });
    expect(data.reportingQuarter.typed.replace(/\s+/g, ' ').trim().toLowerCase()).toBe('2015/16 q2');
    expect(data.totals).toMatchObject({ plannedToDate: '2687911.8', realisedToDate: '2631281', variance: '-56630.8' });
    expect(data.pool.failingChecks.map((c: { id: string }) => c.id)).toEqual([
      'pool-shares:2014/15',
      'pool-shares:2015/16',
    ]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('without a file it says what to give', async () => {
    const { code, err } = await run(['track']);
    expect(code).toBe(64);
    expect(err).toMatch(/missing <file\.xlsx\|plan\.json>/);
  });
});
