'use strict';
// npm run test:office: each command of the Office adapter, failed at each of its requests in turn,
// leaves every sheet, table and name that existed before the command as it was; and running the
// command again finishes the job and tidies what the failed run left (the pending and staging
// sheets). Driven through Microsoft's own Excel client against the recording double
// (test/support/officeRecorder.js), for Barnet and for 1,000 schemes with a Benefit Card each:
// too slow for jest at that size, so it is a script. Needs the compiled modules (npm run build:cli).
// The pane's other writing commands (a pool save, the ICB share into the pool, an export into the
// joint-funding register) are failed the same way on the joint-funding example, plain and capped.
//
//   node scripts/office-failure-check.js [--barnet-only] [--only <command>] [--every-request] [--verbose]
//
// Barnet's failures are each a real failed run. At 1,000 schemes that would take over 20 minutes
// here, so every failure is modelled in one run and a sample is run for real to confirm the model
// (--every-request runs them all). Exits non-zero on any difference.
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..');
const { TEST_DAY } = require(path.join(root, 'test/support/testDay'));
const dist = (p) => require(path.join(root, 'dist/node/src', p));
const { planFromJson } = dist('domain/planJson');
const { OfficeWorkbook } = dist('adapters/office/officeWorkbook');
const { generateTables, loadPlanFromWorkbook, startPlan } = dist('workbook/commands');
const { enterQuarterActuals, quarterEntries, refreshCards } = dist('workbook/cardCommands');
const { runCommand } = dist('workbook/workbookCommand');
const { WORKBOOK_COMMANDS } = dist('workbook/commandRegistry');
const { addContribution } = dist('domain/poolEdits');
const { money } = dist('domain/money');
const { csvRows } = dist('domain/csvRows');
const { importPackages } = dist('domain/jointFundingImport');
const { yearOf } = dist('domain/jointFunding');
const { isBookkeeping } = dist('workbook/ownership');
const { loadExcel, FakeWorkbook, scripted } = require(path.join(root, 'test/support/officeRecorder'));
const { randomPlanJson } = require(path.join(root, 'test/support/randomPlanJson'));
const { bookDifferences, leftovers } = require(path.join(root, 'test/support/workbookDifferences'));

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

/** How a request can fail (scripted() in the recorder): refused whole, or cut off half applied. */
const MODES = ['refuse', 'half'];

/**
 * A pane opened on the workbook: an adapter on Microsoft's client, answered by the double, that has
 * read the workbook once (so it knows the add-in's sheets, and caches them as the pane does).
 */
async function openPane(book, adapter) {
  const office = loadExcel({ respond: book.respond });
  const host = new OfficeWorkbook(office.Excel, adapter);
  await loadPlanFromWorkbook(host);
  return { office, host };
}

/**
 * Runs a command in a pane newly opened on the workbook, or in `pane` (the same session: a second
 * try after a failure), with its requests answered by `failure.respond` or scripted(book, failure).
 */
async function run(book, command, failure = {}, adapter = {}, pane = undefined) {
  const session = pane || (await openPane(book, adapter));
  const { office, host } = session;
  office.reset();
  office.setResponder(failure.respond || scripted(book, failure));
  let error;
  let result;
  try {
    result = await command(host);
  } catch (e) {
    error = e;
  }
  if (!error && result && result.status && result.status !== 'done') error = new Error(`ended "${result.status}"`);
  return { calls: [...office.calls], error: error ?? null, requests: office.calls.length, session };
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
  const { error } = await run(book, (host) => startPlan(host, plan, TEST_DAY));
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
  return {
    ...plan,
    schemes: [...plan.schemes, { ...plan.schemes[0], ref: '999z', name: 'A scheme added by the check' }],
  };
}

const withoutCards = (plan) => ({ ...plan, cards: undefined });

/**
 * The document's settings after a pane has opened on the workbook (src/adapters/office/keptCards.ts),
 * frozen there: every run, failed or again, starts from the cards kept before the command.
 */
async function keptCards(book) {
  let value;
  const store = { get: () => value && JSON.parse(value), set: async (v) => void (value = JSON.stringify(v)) };
  const office = loadExcel({ respond: book.clone().respond });
  await loadPlanFromWorkbook(new OfficeWorkbook(office.Excel, { store }));
  const kept = value;
  return { get: () => kept && JSON.parse(kept), set: async () => undefined };
}

/** One more prevented admission on the first card with a count, in the reporting quarter's next quarter. */
function oneActual(plan) {
  const quarter = '2015/16 Q3';
  const entry = quarterEntries(plan, quarter).find((e) => e.kind === 'count');
  return (host) => enterQuarterActuals(host, quarter, [{ ...entry, reduction: money(9) }], TEST_DAY);
}

/**
 * Each command the issue names, with the workbook it starts from. "Load example" replaces the plan
 * with Barnet's, as the pane's button does once the person says to replace what is there: over
 * Barnet's own plan that writes nothing unless the workbook has no cards yet.
 */
function commands(plan, example, { exampleOver = 'plan' } = {}) {
  const prepared = memo(() => withPlan(plan));
  const tablesOnly = memo(() => withPlan(withoutCards(plan)));
  const base = memo(async () => readBack(await prepared()));
  // A refresh (Generate) of the plan the pane last read, with one edit made in the pane.
  const refreshWith = (edit) => async () => {
    const b = await base();
    return (host) => generateTables(host, edit(b), TEST_DAY, undefined, { base: b });
  };
  return [
    {
      name: 'Generate, new workbook',
      start: async () => theirWorkbook(),
      command: async () => (host) => startPlan(host, plan, TEST_DAY),
    },
    {
      name: 'refresh, one cost changed',
      start: prepared,
      command: refreshWith(withCost),
    },
    {
      name: 'refresh, a scheme added',
      start: prepared,
      command: refreshWith(withScheme),
    },
    // A pane opened on cards a pane kept in the document: unchanged ones are neither read nor written.
    {
      name: 'refresh in a pane opened on kept cards',
      start: prepared,
      adapter: async () => ({ store: await keptCards(await prepared()) }),
      command: refreshWith(withCost),
    },
    {
      name: 'an actual saved in a pane opened on kept cards',
      start: prepared,
      adapter: async () => ({ store: await keptCards(await prepared()) }),
      command: async () => oneActual(await base()),
    },
    { name: 'create cards', start: tablesOnly, command: async () => (host) => refreshCards(host, TEST_DAY) },
    {
      name: `load example${exampleOver === 'plan' ? '' : ' (over no cards)'}`,
      start: exampleOver === 'plan' ? prepared : tablesOnly,
      command: async () => (host) => startPlan(host, example, TEST_DAY, undefined, { replace: true }),
    },
  ];
}

/**
 * The pane's other commands that rewrite the plan's sheets (a pool save, the ICB share into the
 * pool, a case-management export into the register), each the WorkbookCommand the pane runs. They
 * write through the same transaction as Generate, so Barnet-sized workbooks are enough to fail
 * each of their requests; at 1,000 schemes they would repeat the refresh's requests at its cost.
 */
function paneCommands(plan) {
  const prepared = memo(() => withPlan(plan));
  const jf = plan.jointFunding;
  const csv = [
    'Person ID,Funding type,ICB,Start date,Weekly cost,Split method',
    `NEW-1,Care Act,${jf.packages[0].icb},01/06/2023,700,50:50`,
  ].join('\n');
  const run = (command) => async () => (host) => runCommand(host, command, TEST_DAY);
  return [
    {
      name: 'pool save, a contribution',
      start: prepared,
      command: run(
        WORKBOOK_COMMANDS.pool('Adding a contribution', (p) =>
          addContribution(p, {
            year: p.years[0].label,
            partner: p.partners[0].id,
            source: 'Added by the check',
            amount: money(12345),
          }),
        ),
      ),
    },
    {
      name: 'ICB share into the pool',
      start: prepared,
      command: run(WORKBOOK_COMMANDS.icbContributions(jf.asAt, jf.year ?? yearOf(jf.asAt))),
    },
    {
      name: 'export into the register',
      start: prepared,
      command: run(WORKBOOK_COMMANDS.registerImport(importPackages(csvRows(csv)).jointFunding)),
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
 *
 * With `model`, the failures are looked at in one more clean run instead of one run each: before
 * request k is answered, the workbook is what refusing k leaves, and a copy given the first half of
 * k is what cutting k off leaves (the adapter sends only Excel.run's reference clean-up after a
 * failure). Real failed runs at a sample of k confirm the model, and are run again to finish.
 */
async function failEachRequest(label, start, command, { adapter, model }) {
  const began = performance.now();
  const dry = await cleanRun(start, command, adapter);
  if (dry.error) return report(label, began, { problems: [`a clean run failed: ${dry.error.message}`] });
  const { clean, writes } = dry;
  const lastWrite = writes[writes.length - 1] ?? 0;
  const failures = [];
  for (let k = 1; k <= dry.requests; k++)
    for (const mode of k < lastWrite ? MODES : ['refuse']) failures.push({ k, mode });
  const check = checker(start, clean, lastWrite);
  progress(label, `clean run: ${dry.requests} requests`, began);
  const real = async ({ k, mode }, expected, rerun = true) => {
    const book = start.clone();
    const failed = await run(book, command, { failAt: k, mode }, adapter);
    check.counts.real++;
    // A sample of modelled failures is checked again, but counted once.
    const left = check.failed(k, mode, book, failed.error, expected === undefined);
    const unlike = expected ? bookDifferences(expected, book) : [];
    if (unlike.length)
      check.problems.push(`${at(k, mode)}: the real failure left another workbook than the model did: ${unlike[0]}`);
    progress(label, `${at(k, mode)} run`, began);
    if (!left || !rerun) return;
    // The next command tidies up and finishes the job: the workbook ends as a clean run leaves it.
    const again = await run(book, command, {}, adapter, failed.session);
    check.rerun(k, mode, book, again.error);
  };
  if (!model) {
    for (const failure of failures) await real(failure);
  } else {
    const { chosen, rerun } = sampled(failures, writes[0] ?? 0, lastWrite);
    const expected = new Map();
    const wanted = (k) => failures.filter((f) => f.k === k).map((f) => f.mode);
    const fork = forking(start.clone(), wanted, new Set(writes), (k, mode, book) => {
      check.failed(k, mode, book);
      // A copy shares the cells, so keeping the workbook the model left costs little; hashing a dump of it cost more.
      if (chosen.has(`${k}:${mode}`)) expected.set(`${k}:${mode}`, book.clone());
    });
    await run(fork.book, command, { respond: fork.respond }, adapter);
    progress(label, `modelled ${check.counts.injected} failures`, began);
    for (const failure of failures.filter((f) => chosen.has(`${f.k}:${f.mode}`)))
      await real(failure, expected.get(`${failure.k}:${failure.mode}`), rerun.has(`${failure.k}:${failure.mode}`));
  }
  const { problems, counts } = check;
  const shape = writes.length ? `${writes[0] - 1}/${writes.length}/${dry.requests - lastWrite}` : 'no writes';
  return report(label, began, { problems, requests: dry.requests, shape, ...counts });
}

/** A clean run from a copy of the start: the workbook it leaves, its requests, and which of them write. */
async function cleanRun(start, command, adapter) {
  const clean = start.clone();
  // Only what the loop needs is kept: the requests themselves are 97 MB at 1,000 cards.
  const { calls, error, requests } = await run(clean, command, {}, adapter);
  const writes = calls.map((c, i) => (c.touched && c.touched.size ? i + 1 : 0)).filter(Boolean);
  return { clean, error, requests, writes };
}

/** With --verbose, where the time goes. */
function progress(label, what, began) {
  if (flag('--verbose')) console.log(`  ${label}: ${what} at ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

const at = (k, mode) => `request ${k} ${mode}`;

/** What a failure may leave, and what the run after it must end with; the differences found, and counts. */
function checker(start, clean, lastWrite) {
  const existing = new Set(start.sheets.keys());
  const problems = [];
  const counts = { injected: 0, compared: 0, real: 0, reruns: 0, leftBehind: 0 };
  return {
    problems,
    counts,
    /** Checks the workbook a failure left; says whether it left anything for the next command to tidy. */
    failed(k, mode, book, error, counted = true) {
      if (counted) counts.injected++;
      if (k > lastWrite) {
        // Excel.run's clean-up: the command's writes are all in.
        if (counted) counts.compared += book.sheets.size;
        for (const d of bookDifferences(clean, book)) problems.push(`${at(k, mode)} (clean-up): ${d}`);
        return false;
      }
      const before = problems.length;
      if (error === null) problems.push(`${at(k, mode)}: the command did not report the failure`);
      if (counted) counts.compared += existing.size;
      for (const d of bookDifferences(start, book, { only: existing })) problems.push(`${at(k, mode)}: ${d}`);
      // Sheets and names made before the last request are listed on the pending sheet for the next command.
      const left = leftovers(start, book, isBookkeeping).length + bookkeeping(start, book);
      counts.leftBehind = Math.max(counts.leftBehind, left);
      return left > 0 || !sameCounts(start, book) || problems.length > before;
    },
    rerun(k, mode, book, error) {
      counts.reruns++;
      if (error) problems.push(`${at(k, mode)}, then again: ${error.message}`);
      // The host names charts in the order they are made: a rerun's "Chart 7" is a clean run's "Chart 6".
      for (const d of bookDifferences(clean, book, { chartNames: false }))
        problems.push(`${at(k, mode)}, then again: ${d}`);
    },
  };
}

/**
 * A responder that answers a clean run and, before each request, shows `visit` what failing it
 * would leave: the workbook as it stands (refused, or cut off when the request only reads), or a
 * copy given the request as scripted() cuts it off ('half').
 */
function forking(book, wanted, writes, visit) {
  let n = 0;
  const respond = (body, call) => {
    n++;
    for (const mode of wanted(n)) {
      if (mode === 'refuse' || !writes.has(n)) visit(n, mode, book);
      else {
        const copy = withReferences(book.clone(), book);
        scripted(copy, { failAt: 1, mode })(body, { bodyBytes: 0, writes: { push() {} } });
        visit(n, mode, copy);
      }
    }
    return book.respond(body, call);
  };
  return { book, respond };
}

/** The objects earlier requests kept (a later request may name them), copied to a clone. */
function withReferences(copy, book) {
  copy.refs = new Map([...book.refs].map(([id, desc]) => [id, structuredClone(desc)]));
  copy.nextRef = book.nextRef;
  return copy;
}

/**
 * Which failures are also run for real when the rest are modelled: in each mode, failing the first,
 * the middle and the last request that writes; and which of those are run again when they left
 * something (the middle one: a second run after a failure at 1,000 cards rereads every half-made sheet).
 */
function sampled(failures, firstWrite, lastWrite) {
  const chosen = new Set();
  const rerun = new Set();
  for (const mode of MODES) {
    const ks = failures.filter((f) => f.mode === mode && f.k >= firstWrite && f.k <= lastWrite).map((f) => f.k);
    if (!ks.length) continue;
    for (const k of [ks[0], ks[Math.floor(ks.length / 2)], ks[ks.length - 1]]) chosen.add(`${k}:${mode}`);
    rerun.add(`${ks[Math.floor(ks.length / 2)]}:${mode}`);
  }
  return { chosen, rerun };
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

const COLUMNS = [
  ['command', -64],
  ['requests r/w/c', 14],
  ['failures', 8],
  ['sheets compared', 15],
  ['real runs', 9],
  ['reruns', 6],
  ['differences', 11],
  ['seconds', 7],
];

function row(cells) {
  return cells
    .map((c, i) => (COLUMNS[i][1] < 0 ? String(c).padEnd(-COLUMNS[i][1]) : String(c).padStart(COLUMNS[i][1])))
    .join('  ');
}

function report(label, began, r) {
  const seconds = (performance.now() - began) / 1000;
  console.log(
    row([
      label,
      `${r.requests ?? '-'} (${r.shape ?? '-'})`,
      r.injected ?? 0,
      r.compared ?? 0,
      r.real ?? 0,
      r.reruns ?? 0,
      r.problems.length,
      seconds.toFixed(1),
    ]),
  );
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
  for (const c of options.pane ? paneCommands(plan) : commands(plan, example, options)) {
    if (only && !c.name.startsWith(only)) continue;
    const start = await c.start();
    const adapter = { ...options.adapter, ...(c.adapter ? await c.adapter() : {}) };
    await failEachRequest(`${name}: ${c.name}`, start, await c.command(), { ...options, adapter });
  }
}

async function main() {
  const began = performance.now();
  const barnetJson = require(path.join(root, 'examples/barnet-2014-16.json'));
  const example = planFromJson(barnetJson).plan;
  console.log(row(COLUMNS.map(([title]) => title)));
  await size('Barnet (8 schemes, cards)', barnetJson, example, { exampleOver: 'no cards' });
  // Barnet fits in one request; with requests capped, its big sheets go through staging sheets as 1,000 schemes' do.
  await size('Barnet, requests capped at 150 KB', barnetJson, example, {
    adapter: { maxRequestBytes: 150_000 },
    exampleOver: 'no cards',
  });
  const joint = require(path.join(root, 'examples/joint-funding.json'));
  await size('Joint funding (39 packages)', joint, example, { pane: true });
  await size('Joint funding, capped at 150 KB', joint, example, {
    pane: true,
    adapter: { maxRequestBytes: 150_000 },
  });
  if (!flag('--barnet-only')) {
    const thousand = randomPlanJson(1000, { schemes: 1000, years: ['2014/15', '2015/16'] });
    thousand.cards = { records: thousand.schemes.map((s) => ({ scheme: s.ref })) };
    // Failing each request for real would run each command about 50 times (over 20 minutes here): modelled, with samples.
    await size('1,000 schemes with cards', thousand, example, { model: !flag('--every-request') });
  }
  const total = results.reduce((a, r) => a + r.problems.length, 0);
  console.log(
    [
      'requests: of a clean run, as reads before the first write / writes / after the last write (Excel.run clean-up).',
      `failures: requests failed, each in turn, in each way (${MODES.join(', ')}; the last write refused only).`,
      'sheets compared: every sheet that existed before the command, after each failure (all sheets after a clean-up failure).',
      'real runs: failures run for real; for 1,000 schemes the rest are modelled in one run (state before request k,',
      '  and a copy given half of it) and the real runs confirm the model. reruns: the command run again after a failure',
      '  that left something: it must succeed, tidy up and end as a clean run does.',
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
