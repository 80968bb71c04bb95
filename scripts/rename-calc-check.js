'use strict';
// A Barnet workbook with card actuals, pool contributions and quarterly spend, its Pool sheet renamed
// "Pooled budget" in LibreOffice for real (scripts/libreoffice-rename.py), rebuilt by bcf build: every
// figure must be kept, and --tables must refuse rather than drop the cards' actuals. Needs the
// compiled modules (npm run build:cli) and LibreOffice with python3-uno.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const dist = (p) => require(path.join(root, 'dist/node/src', p));
const { main } = dist('cli/main');
const { loadPlan } = dist('adapters/file/planFiles');
const { planToJson } = dist('domain/planJson');
const { figureDifference } = require(path.join(root, 'test/support/figures'));

async function bcf(args) {
  const err = [];
  const code = await main(args, { out: () => {}, err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
}

/** What people type into a workbook, as plan-file JSON: contributions, spend, risks and the cards' records. */
const typed = (plan) => {
  const json = planToJson(plan);
  return { pool: json.pool, risks: json.risks, cards: json.cards?.records };
};

function differences(want, got) {
  const out = [];
  const money = (label, a = [], b = []) => {
    if (a.length !== b.length) out.push(`${label}: ${a.length} rows before, ${b.length} after`);
    a.forEach((row, i) => {
      const d = figureDifference(Number(row.amount), Number(b[i]?.amount), undefined);
      if (d) out.push(`${label} row ${i + 1}: ${d}`);
    });
  };
  money('pool contributions', want.pool?.contributions, got.pool?.contributions);
  money('pool spend', want.pool?.spend, got.pool?.spend);
  if (JSON.stringify(want.risks) !== JSON.stringify(got.risks)) out.push('the risk log differs');
  if (JSON.stringify(want.cards) !== JSON.stringify(got.cards)) out.push('the Benefit Cards’ records differ');
  return out;
}

async function run() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-rename-'));
  const json = JSON.parse(fs.readFileSync(path.join(root, 'examples/barnet-2014-16.json'), 'utf8'));
  json.pool.spend = [
    { scheme: '2a', year: '2014/15', quarter: 1, amount: 125000 },
    { scheme: '2b', year: '2014/15', quarter: 2, amount: 98765.43 },
    { scheme: '3a', year: '2015/16', quarter: 4, amount: 40000 },
  ];
  const file = (name) => path.join(work, name);
  fs.writeFileSync(file('plan.json'), JSON.stringify(json));
  if ((await bcf(['build', file('plan.json'), '-o', file('built.xlsx')])).code !== 0)
    throw new Error('bcf build failed');
  const started = Date.now();
  const renamed = spawnSync(
    '/usr/bin/python3',
    [
      path.join(__dirname, 'libreoffice-rename.py'),
      file('profile'),
      file('built.xlsx'),
      file('renamed.xlsx'),
      'Pool',
      'Pooled budget',
    ],
    { stdio: 'inherit' },
  );
  if (renamed.status !== 0) throw new Error('LibreOffice could not rename the sheet');
  const want = typed((await loadPlan(file('built.xlsx'))).plan);
  const rebuild = await bcf(['build', file('renamed.xlsx'), '-o', file('rebuilt.xlsx')]);
  const failures = [];
  if (rebuild.code !== 0) failures.push(`bcf build of the renamed workbook exited ${rebuild.code}: ${rebuild.err}`);
  else failures.push(...differences(want, typed((await loadPlan(file('rebuilt.xlsx'))).plan)));
  const tables = await bcf(['build', file('renamed.xlsx'), '-o', file('tables.xlsx'), '--tables']);
  if (tables.code === 0) failures.push('bcf build --tables wrote a workbook without the cards’ actuals');
  else if (!/Benefit Card/.test(tables.err))
    failures.push(`bcf build --tables refused without naming the cards: ${tables.err}`);
  fs.rmSync(work, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    console.error(
      `Pool renamed in LibreOffice, then rebuilt: ${failures.length} problem(s)\n  ${failures.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else {
    const n = want.pool.contributions.length + want.pool.spend.length;
    console.log(
      `Pool renamed "Pooled budget" in LibreOffice (${seconds} s): the rebuild kept ${n} pool figures, ${want.risks.length} risks and ${want.cards.length} Benefit Cards; --tables refused.`,
    );
  }
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
