import fs from 'fs';
import os from 'os';
import path from 'path';
import { SaxesParser } from 'saxes';
import { planToXlsxBuffer } from '../src/adapters/file/xlsxWriter';
import { main } from '../src/cli/main';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy, barnetPlan } from './support/barnet';
import { TEST_DAY } from './support/testDay';
const { writeCorpus } = require('./corpus/badInputs');
const { unzip } = require('./corpus/zipBytes');

interface Case {
  name: string;
  kind: 'plan' | 'workbook' | 'csv';
  args: string[];
  exit: number;
  words: string[];
  output?: string;
}

/** What no user should ever read: JavaScript's own errors, stack frames, library internals. */
const INTERNAL =
  /\n\s+at |\b(TypeError|ReferenceError|RangeError|SyntaxError|DecimalError|ZodError)\b|is not a function|Cannot read propert|\bundefined\b|\[object |Maximum call stack|ExcelJS|JSZip|Invalid input: expected/;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-corpus-'));
let cases: Case[] = [];
const results = new Map<string, { code: number; out: string[]; err: string[] }>();

beforeAll(async () => {
  const generating = Date.now();
  cases = await writeCorpus(dir, {
    barnetJson: barnetJsonCopy(),
    addinWorkbook: await planToXlsxBuffer(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY })),
  });
  if (process.env.CORPUS_TRACE) {
    const kinds = ['plan', 'workbook', 'csv'].map((k) => `${cases.filter((c) => c.kind === k).length} ${k}`);
    process.stderr.write(`${cases.length} cases (${kinds.join(', ')}) generated in ${Date.now() - generating} ms\n`);
  }
  for (const c of cases) {
    const out: string[] = [];
    const err: string[] = [];
    const started = Date.now();
    const code = await main(c.args, { out: (t) => out.push(t), err: (t) => err.push(t) });
    results.set(c.name, { code, out, err });
    if (process.env.CORPUS_TRACE)
      process.stderr.write(
        `${c.name} ${code} ${Date.now() - started} ms ${[...err, ...out].join(' | ').slice(0, 200)}\n`,
      );
  }
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the corpus has at least 200 cases across plan JSON, workbooks and CSV exports', () => {
  expect(cases.length).toBeGreaterThanOrEqual(200);
  expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['plan', 'workbook', 'csv']));
});

test('every case gets its exit code and a message with the words it must contain, and nothing internal', () => {
  const wrong: string[] = [];
  for (const c of cases) {
    const r = results.get(c.name)!;
    const text = [...r.err, ...r.out].join('\n');
    const missing = c.words.filter((w) => !text.toLowerCase().includes(w.toLowerCase()));
    if (r.code !== c.exit) wrong.push(`${c.name}: exit ${r.code}, expected ${c.exit}: ${text.slice(0, 300)}`);
    else if (missing.length)
      wrong.push(`${c.name}: message lacks ${missing.map((w) => `"${w}"`).join(', ')}: ${text.slice(0, 300)}`);
    if (INTERNAL.test(text))
      wrong.push(`${c.name}: internal text reaches the user: ${text.match(INTERNAL)![0]} in ${text.slice(0, 300)}`);
  }
  expect(wrong).toEqual([]);
});

test('an unreadable file is one line naming the file', () => {
  const wrong = cases
    .filter((c) => c.exit === 2)
    .map((c) => ({ c, r: results.get(c.name)! }))
    .filter(
      ({ c, r }) =>
        r.err.length !== 1 ||
        r.err[0].includes('\n') ||
        !c.args.some((a) => /\.\w+$/.test(a) && r.err[0].includes(path.basename(a))),
    )
    .map(({ c, r }) => `${c.name}: ${JSON.stringify(r.err).slice(0, 200)}`);
  expect(wrong).toEqual([]);
});

test('a plan error names its field, and an export error its row', () => {
  const wrong = cases
    .filter((c) => c.exit === 1 && c.kind !== 'workbook' && !c.args.includes('--json'))
    .filter((c) => !results.get(c.name)!.err.every((line) => /^(Error|Warning) at \S/.test(line)))
    .map((c) => `${c.name}: ${results.get(c.name)!.err[0]}`);
  expect(wrong).toEqual([]);
});

test('names with terminal escape sequences print without them', () => {
  const printed = [
    ...results.get('escape-sequences-in-names (show)')!.out,
    ...results.get('escape-sequences-in-names (show)')!.err,
  ].join('\n');
  // eslint-disable-next-line no-control-regex
  expect(printed).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  expect(printed).toContain('Barnet[2J[31m');
});

test('every workbook built from an accepted input is well-formed XML, part by part', () => {
  const built = cases.filter((c) => c.output);
  expect(built.length).toBeGreaterThanOrEqual(8);
  const broken: string[] = [];
  for (const c of built) {
    for (const part of unzip(fs.readFileSync(c.output!)) as { name: string; data: Buffer }[]) {
      if (!/\.(xml|rels)$/.test(part.name)) continue;
      const parser = new SaxesParser();
      parser.on('error', (e) => {
        throw e;
      });
      try {
        parser.write(part.data.toString('utf8')).close();
      } catch (e) {
        broken.push(`${c.name} ${part.name}: ${(e as Error).message.slice(0, 120)}`);
      }
    }
  }
  expect(broken).toEqual([]);
});

// Marked read-only to keep it: the new file would be renamed over it, which the folder allows on Linux and macOS.
test('a read-only output file is refused by every command that writes one, and left as it was', async () => {
  const plan = path.join(dir, 'read-only-input.json');
  fs.writeFileSync(plan, JSON.stringify(barnetJsonCopy()));
  const csv = path.join(dir, 'read-only-input.csv');
  fs.writeFileSync(csv, 'Person ID,Funding basis,ICB,Start date,Weekly cost\nP1,s117,N,01/04/2023,100\n');
  const workbook = path.join(dir, 'read-only-input.xlsx');
  expect(await main(['build', plan, '-o', workbook], { out: () => {}, err: () => {} })).toBe(0);
  const runs: [string[], string][] = [
    [['build', plan, '-o'], '.xlsx'],
    [['build', plan, '--replace', '-o'], '.xlsx'],
    [['import', workbook, '-o'], '.json'],
    [['joint', 'import', csv, '-o'], '.json'],
  ];
  for (const [args, ext] of runs) {
    const target = path.join(dir, `kept${ext}`);
    fs.rmSync(target, { force: true });
    fs.writeFileSync(target, 'kept as it is');
    fs.chmodSync(target, 0o444);
    const err: string[] = [];
    const code = await main([...args, target], { out: () => {}, err: (t) => err.push(t) });
    expect([args.join(' '), code, err]).toEqual([
      args.join(' '),
      2,
      [`bcf: ${target} is read-only; clear its read-only setting, or give another file to write.`],
    ]);
    expect(fs.readFileSync(target, 'utf8')).toBe('kept as it is');
    fs.chmodSync(target, 0o644);
  }
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('kept'))).toEqual(['kept.json', 'kept.xlsx']);
});

test('a file bcf did not build is not overwritten without --replace, in one sentence', async () => {
  const plan = path.join(dir, 'not-ours-input.json');
  fs.writeFileSync(plan, JSON.stringify(barnetJsonCopy()));
  const target = path.join(dir, 'not-ours.xlsx');
  fs.writeFileSync(target, 'somebody else’s');
  const err: string[] = [];
  expect(await main(['build', plan, '-o', target], { out: () => {}, err: (t) => err.push(t) })).toBe(64);
  expect(err[0].split('\n')[0]).toBe(
    `bcf build: ${target} already exists and is not a workbook bcf built; bcf doesn't overwrite it. Choose another -o file, or add --replace to replace it.`,
  );
  expect(fs.readFileSync(target, 'utf8')).toBe('somebody else’s');
});
