import { xlsxToSnapshot } from '../../src/adapters/file/xlsxReader';
const { templateCorpus, toXlsx } = require('../support/templateCorpus');
test('peek', async () => {
  const want = (process.env.PEEK ?? '').split(',');
  for (const spec of templateCorpus()) {
    if (!want.includes(spec.name)) continue;
    const snap = await xlsxToSnapshot(await toXlsx(spec));
    const out: string[] = [spec.name, JSON.stringify(spec.faults.map((f: any) => [f.sheet, f.cell, f.rule, f.correct, f.note]))];
    for (const s of snap.sheets) {
      if (process.env.SHEETS && !process.env.SHEETS.split(',').includes(s.name)) continue;
      out.push(`== ${s.name}`);
      s.values.forEach((r: any, i: number) => r && r.some((v: any) => v !== null) && out.push(`${i + 1}: ${JSON.stringify(r)} ${s.formulas?.[i]?.some((f: any) => f) ? JSON.stringify(s.formulas[i]) : ''}`));
    }
    require('fs').writeFileSync(`/tmp/peek-${spec.name}.txt`, out.join('\n'));
  }
});
