import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { planToXlsxBuffer } from '../src/adapters/file/xlsxWriter';
import type { CliCommand } from '../src/cli/command';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetPlan } from './support/barnet';
import { TEST_DAY } from './support/testDay';

/**
 * `bcf audit` is run by people waiting at a prompt: its start-up loads only what reading and
 * auditing a workbook need. The plan's JSON schema (zod), ExcelJS and the workbook writer cost
 * it a quarter of a second at every start, so here loading any of them fails the command.
 */
const NOT_FOR_THE_AUDIT = ['zod', 'exceljs', '../src/adapters/file/xlsxWriter', '../src/workbook/write/fileWorkbook'];

test('bcf audit reads and audits a workbook without loading the JSON schema, ExcelJS or the writer', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-audit-start-'));
  try {
    const file = path.join(dir, 'barnet.xlsx');
    await fs.writeFile(file, await planToXlsxBuffer(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY })));
    let audit: CliCommand | undefined;
    jest.isolateModules(() => {
      for (const name of NOT_FOR_THE_AUDIT)
        jest.doMock(name, () => {
          throw new Error(`bcf audit loaded ${name}`);
        });
      audit = (require('../src/cli/audit') as { auditCommand: CliCommand }).auditCommand;
    });
    const out: string[] = [];
    const code = await audit!.run(
      { positionals: [file], flags: { json: true } },
      { out: (t) => out.push(t), err: () => {} },
    );
    expect(code).toBe(1);
    expect(JSON.parse(out.join('\n')).length).toBeGreaterThan(0);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
