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
    expect(out).toMatch(/^2c\s+Care Home – LCS\s+3, 4\s+£70,140\s+£36,072\s+-£34,068\s+-48\.57%\s+Red\s+Money\s+1 of 3 approved/m);
    expect(out).toMatch(/^Total\s+5 cards\s+£2,687,912\s+£2,631,281\s+-£56,631/m);
    expect(out).toContain('Cards by status: Green 3, Amber 1, Red 1, No data yet 0');
    expect(out).toContain('NEL reduction target 2015/16: 1,021 (baseline 29,094, target 28,073); planned in the cards 1,021; realised in the year to the reporting quarter 478');
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('without a file it says what to give', async () => {
    const { code, err } = await run(['track']);
    expect(code).toBe(64);
    expect(err).toMatch(/missing <file\.xlsx\|plan\.json>/);
  });
});
