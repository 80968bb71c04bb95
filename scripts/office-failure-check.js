'use strict';
// npm run test:office: each command of the Office adapter, failed at each of its requests in turn,
// leaves every sheet, table and name that existed before the command as it was; and running the
// command again finishes the job and tidies what the failed run left (the pending and staging
// sheets). Driven through Microsoft's own Excel client against the recording double
// (test/support/officeRecorder.js), for Barnet and for 1,000 schemes with a Benefit Card each:
// too slow for jest at that size, so it is a script. Needs the compiled modules (npm run build:cli).
//
//   node scripts/office-failure-check.js [--barnet-only] [--only <command>] [--every-rerun]
//
// Exits non-zero on any difference.
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..');
const dist = (p) => require(path.join(root, 'dist/node/src', p));
const { planFromJson } = dist('domain/planJson');
const { OfficeWorkbook } = dist('adapters/office/officeWorkbook');
const { generateTables, loadPlanFromWorkbook, startPlan } = dist('workbook/commands');
const { refreshCards } = dist('workbook/cardCommands');
const { isBookkeeping } = dist('workbook/ownership');
const { loadExcel, FakeWorkbook, scripted } = require(path.join(root, 'test/support/officeRecorder'));
const { randomPlanJson } = require(path.join(root, 'test/support/randomPlanJson'));
const { bookDifferences, leftovers } = require(path.join(root, 'test/support/workbookDifferences'));

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

/** How a request can fail (scripted() in the recorder): refused whole, or cut off half applied. */
const MODES = ['refuse', 'half'];

/** Runs a command as a pane session would: a fresh adapter on Microsoft's client, answered by the double. */
async function run(book, command, failure = {}, adapter = {}) {
  const responder = scripted(book, failure);
  const office = loadExcel({ respond: responder });
  let error;
  let result;
  try {
    result = await command(new OfficeWorkbook(office.Excel, adapter));
  } catch (e) {
    error = e;
  }
  if (!error && result && result.status && result.status !== 'done')
    error = new Error(`ended "${result.status}"`);
  return { calls: office.calls, error, requests: responder.count() };
}

// ---------------------------------------------------------------------------------------------
// The workbooks and commands.

/** A person's workbook before the add-in: their own sheets, a table, a defined name, a hidden sheet, a format. */
function theirWorkbook() {
  const book = new FakeWorkbook({
    sheets: {
      Notes: [
        ['Our notes', 'Amount'],
        ['Rent', 1250.5],
        ['Total', '=SUM(B2:B2)'],
      ],
      Lookups: [['Code'], ['A1']],
    },
    tables: [{ name: 'OurNotes', sheet: 'Notes', address: 'Notes!A1:B2' }],
    names: [{ name: 'OurRate', formula: '=Notes!$B$2' }],
  });
  book.sheet('Notes').formats.set('1,1', '#,##0.00');
  book.sheet('Lookups').visibility = 'Hidden';
  return book;
}

async function withPlan(plan) {
  const book = theirWorkbook();
  const { error } = await run(book, (host) => startPlan(host, plan));
  if (error) throw new Error(`could not prepare the workbook: ${error.message}`);
  return book;
}

/** The plan as the pane would hold it after opening the workbook: the three-way merge's base. */
async function readBack(book) {
  const office = loadExcel({ respond: book.clone().respond });
  const read = await loadPlanFromWorkbook(new OfficeWorkbook(office.Excel));
  if (read.status !== 'loaded') throw new Error(`could not read the plan back: ${read.status}`);
  return read.plan;
}

/** The plan with its first scheme's first-year cost raised by £1,000. */
function withCost(plan) {
  const [scheme, ...rest] = plan.schemes;
  const year = Object.keys(scheme.years)[0];
  const years = { ...scheme.years, [year]: { ...scheme.years[year], cost: scheme.years[year].cost.plus(1000) } };
  return { ...plan, schemes: [{ ...scheme, years }, ...rest] };
}

function withScheme(plan) {
  return { ...plan, schemes: [...plan.schemes, { ...plan.schemes[0], ref: '999z', name: 'A scheme added by the check' }] };
}

const withoutCards = (plan) => ({ ...plan, cards: undefined });

/**
 * Each command the issue names, with the workbook it starts from. "Load example" replaces the plan
 * with Barnet's, as the pane's button does once the person says to replace what is there.
 */
function commands(plan, example) {
  const prepared = memo(() => withPlan(plan));
  const tablesOnly = memo(() => withPlan(withoutCards(plan)));
  const base = memo(async () => readBack(await prepared()));
  return [
    {
      name: 'Generate, new workbook',
      start: async () => theirWorkbook(),
      command: async () => (host) => startPlan(host, plan),
    },
    {
      name: 'refresh, one cost changed',
      start: prepared,
      command: async () => {
        const b = await base();
        return (host) => generateTables(host, withCost(b), undefined, { base: b });
      },
    },
    {
      name: 'refresh, a scheme added',
      start: prepared,
      command: async () => {
        const b = await base();
        return (host) => generateTables(host, withScheme(b), undefined, { base: b });
      },
    },
    { name: 'create cards', start: tablesOnly, command: async () => (host) => refreshCards(host) },
    {
      name: 'load example (replace)',
      start: prepared,
      command: async () => (host) => startPlan(host, example, undefined, { replace: true }),
    },
  ];
}

function memo(make) {
  let value;
  return () => (value = value || make());
}

// ---------------------------------------------------------------------------------------------
// The loop.

/**
 * Fails request k of the command for every k and every mode, from a clone of the same start. A
 * request after the command's last write is Excel.run's clean-up: the work is done by then, so the
 * workbook must be as a clean run leaves it. Half of the last write is not tried: Excel does not
 * roll a request back, and the adapter keeps that request small for this reason.
 */
async function failEachRequest(label, start, command, { rerunAll, adapter }) {
  const began = performance.now();
  const clean = start.clone();
  const dry = await run(clean, command, {}, adapter);
  if (dry.error) return report(label, began, { problems: [`a clean run failed: ${dry.error.message}`] });
  const writes = dry.calls.map((c, i) => (c.touched && c.touched.size ? i + 1 : 0)).filter(Boolean);
  const lastWrite = writes[writes.length - 1] ?? 0;
  const existing = new Set(start.sheets.keys());
  const problems = [];
  const counts = { injected: 0, compared: 0, reruns: 0, skipped: 0, leftBehind: 0 };
  const failures = [];
  for (let k = 1; k <= dry.requests; k++)
    for (const mode of k < lastWrite ? MODES : ['refuse']) failures.push({ k, mode });
  const rerunAt = rerunAll ? () => true : sampled(failures, writes[0] ?? 0, lastWrite);
  for (const { k, mode } of failures) {
    const book = start.clone();
    const failed = await run(book, command, { failAt: k, mode }, adapter);
    counts.injected++;
    const at = `request ${k}/${dry.requests} ${mode}`;
    if (k > lastWrite) {
      // Excel.run's clean-up: the command's writes are all in.
      counts.compared += existing.size;
      for (const d of bookDifferences(clean, book)) problems.push(`${at} (clean-up): ${d}`);
      continue;
    }
    const problemsBefore = problems.length;
    if (!failed.error) problems.push(`${at}: the command did not report the failure`);
    counts.compared += existing.size;
    for (const d of bookDifferences(start, book, { only: existing })) problems.push(`${at}: ${d}`);
    // New sheets and names made before the last request are listed on the pending sheet; the rerun shows they are tidied.
    const left = leftovers(start, book, isBookkeeping).length + bookkeeping(start, book);
    counts.leftBehind = Math.max(counts.leftBehind, left);
    // Nothing left and nothing changed: the workbook is the start, and a second run is the clean run.
    if (!left && sameCounts(start, book) && problems.length === problemsBefore) continue;
    if (!rerunAt(k, mode)) {
      counts.skipped++;
      continue;
    }
    // The next command tidies up and finishes the job: the workbook ends as a clean run leaves it.
    const again = await run(book, command, {}, adapter);
    counts.reruns++;
    if (again.error) problems.push(`${at}, then again: ${again.error.message}`);
    // The host names charts in the order they are made: a rerun's "Chart 7" is a clean run's "Chart 6".
    for (const d of bookDifferences(clean, book, { chartNames: false })) problems.push(`${at}, then again: ${d}`);
  }
  return report(label, began, { problems, requests: dry.requests, lastWrite, sheets: existing.size, ...counts });
}

/**
 * Which failures are followed by a second, successful run when not all are (1,000 schemes: each
 * rerun is a whole command): the first and last failure that can leave something behind, and one
 * in the middle, in each mode.
 */
function sampled(failures, firstWrite, lastWrite) {
  const chosen = new Set();
  for (const mode of MODES) {
    // Refusing the first write leaves the start; half of it may leave something.
    const from = mode === 'refuse' ? firstWrite + 1 : firstWrite;
    const ks = failures.filter((f) => f.mode === mode && f.k >= from && f.k <= lastWrite).map((f) => f.k);
    if (ks.length) for (const k of [ks[0], ks[Math.floor(ks.length / 2)], ks[ks.length - 1]]) chosen.add(`${k}:${mode}`);
  }
  return (k, mode) => chosen.has(`${k}:${mode}`);
}

/** Bookkeeping sheets (pending, staging) in `after` that `before` did not have. */
function bookkeeping(before, after) {
  return [...after.sheets.values()].filter((s) => !before.sheets.has(s.name.toLowerCase()) && isBookkeeping(s.name))
    .length;
}

function sameCounts(a, b) {
  return a.sheets.size === b.sheets.size && a.names.size === b.names.size && a.tables.size === b.tables.size;
}

const results = [];

function report(label, began, r) {
  const seconds = (performance.now() - began) / 1000;
  const line = [
    label.padEnd(58),
    String(r.requests ?? '-').padStart(5),
    String(r.injected ?? 0).padStart(9),
    String(r.compared ?? 0).padStart(9),
    `${r.reruns ?? 0}/${(r.reruns ?? 0) + (r.skipped ?? 0)}`.padStart(7),
    String(r.problems.length).padStart(6),
    seconds.toFixed(1).padStart(7),
  ].join('  ');
  console.log(line);
  // The first difference of each failure that had any: enough to see what went wrong, and where.
  const byFailure = new Map();
  for (const p of r.problems) {
    const at = p.slice(0, p.indexOf(': '));
    byFailure.set(at, [...(byFailure.get(at) || []), p]);
  }
  for (const [, list] of [...byFailure].slice(0, 8))
    console.log(`    ${list[0].slice(0, 300)}${list.length > 1 ? ` (and ${list.length - 1} more)` : ''}`);
  if (byFailure.size > 8) console.log(`    ... and ${byFailure.size - 8} more failures with differences`);
  results.push({ label, ...r, seconds });
}

async function size(name, json, example, options) {
  const plan = planFromJson(json).plan;
  for (const c of commands(plan, example)) {
    if (only && !c.name.startsWith(only)) continue;
    const start = await c.start();
    await failEachRequest(`${name}: ${c.name}`, start, await c.command(), options);
  }
}

async function main() {
  const began = performance.now();
  const barnetJson = require(path.join(root, 'examples/barnet-2014-16.json'));
  const example = planFromJson(barnetJson).plan;
  console.log(
    [
      'command'.padEnd(58),
      'reqs',
      'failures',
      'sheets',
      'reruns',
      'diffs',
      'seconds',
    ].join('  '),
  );
  await size('Barnet (8 schemes, cards)', barnetJson, example, { rerunAll: true });
  // Barnet fits in one request; with requests capped, its big sheets go through staging sheets as 1,000 schemes' do.
  await size('Barnet, requests capped at 150 KB', barnetJson, example, {
    rerunAll: true,
    adapter: { maxRequestBytes: 150_000 },
  });
  if (!flag('--barnet-only')) {
    const thousand = randomPlanJson(1000, { schemes: 1000, years: ['2014/15', '2015/16'] });
    thousand.cards = { records: thousand.schemes.map((s) => ({ scheme: s.ref })) };
    await size('1,000 schemes with cards', thousand, example, { rerunAll: flag('--every-rerun') });
  }
  const total = results.reduce((a, r) => a + r.problems.length, 0);
  console.log(
    [
      'reqs: requests of a clean run (reads, writes, clean-up). failures: runs with one request failed',
      `(${MODES.join(', ')}; each request in turn). sheets: sheets compared, summed over the failures.`,
      'reruns: failures followed by a successful run that must tidy up and end as a clean run does',
      '(of those that left a different state; every one for Barnet, a sample for 1,000 schemes unless --every-rerun).',
    ].join('\n'),
  );
  console.log(`${total} difference(s); ${((performance.now() - began) / 1000).toFixed(0)} s`);
  return total ? 1 : 0;
}

module.exports = { main };
if (require.main === module)
  // Exits at once: the client library leaves timers running.
  main().then(process.exit, (e) => {
    console.error(e);
    process.exit(1);
  });
