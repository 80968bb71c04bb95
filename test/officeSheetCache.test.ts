import { OfficeWorkbook } from '../src/adapters/office/officeWorkbook';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import { CARD_SECTION } from '../src/workbook/families/cards/names';
import { isBookkeeping } from '../src/workbook/ownership';
import { generateTables, loadPlanFromWorkbook, startPlan, type CommandOutcome } from '../src/workbook/commands';
import { barnetJsonCopy } from './support/barnet';
import { withCost } from './support/planEdits';
import { settle } from './support/excelEvents';
import { FakeWorkbook, loadExcel, type RecordedCall } from './support/officeRecorder';
import { TEST_DAY } from './support/testDay';

/**
 * A pane session against the recording double: after the first read, a command reads again only the
 * sheets whose content stamp (the registry's formulas, src/workbook/sheetStamp.ts) changed, so a
 * refresh of a plan with a card sheet per scheme doesn't read the cards. What people type on a card,
 * between commands or during one, is still read by the next command and never overwritten.
 */
const barnet = (): Plan => planFromJson(barnetJsonCopy()).plan;

function session() {
  const book = new FakeWorkbook({ sheets: { Notes: [['My own notes']] } });
  let before: ((n: number) => void) | undefined;
  let n = 0;
  const office = loadExcel({
    respond: (body: unknown, call: RecordedCall) => {
      n++;
      before?.(n);
      return book.respond(body, call);
    },
    book, // tells this session of changes, as Excel does
  });
  const host = new OfficeWorkbook(office.Excel);
  return {
    book,
    host,
    office,
    /** Runs a command; `during(k)` runs before its request k is answered (a co-author typing meanwhile). */
    async run<T>(command: (host: OfficeWorkbook) => Promise<T>, during?: (k: number) => void) {
      office.reset();
      n = 0;
      before = during;
      const result = await command(host);
      before = undefined;
      return { result, calls: [...office.calls] as RecordedCall[] };
    },
  };
}

/** Sheets a request read cell contents of (a used range or a range's values), by the names it asked for. */
function sheetsRead(calls: readonly RecordedCall[]): Set<string> {
  const out = new Set<string>();
  for (const call of calls) {
    const body = call.body as { ObjectPaths: Record<string, any>; Actions: any[] };
    const paths = body.ObjectPaths;
    for (const action of body.Actions) {
      if (action.ActionType !== 2) continue;
      let path = paths[action.ObjectPathId];
      if (!path || !/^GetUsedRange/.test(path.Name ?? '')) continue;
      // Up to the sheet: worksheets.getItem(name) is an indexer (type 5) or a method of that name.
      while (path && !(path.ObjectPathType === 5 || /^GetItem(OrNullObject)?$/.test(path.Name ?? '')))
        path = paths[path.ParentObjectPathId];
      const sheet = path && String(path.ArgumentInfo.Arguments[0]);
      if (sheet && !isBookkeeping(sheet)) out.add(sheet);
    }
  }
  return out;
}

/** The first spare row of a card's Barriers list, where a person types a new barrier. */
function spareBarrierRow(book: FakeWorkbook, sheet: string): number {
  const cells = book.sheets.get(sheet.toLowerCase())!.cells;
  const title = [...cells].find(([, cell]) => cell.value === CARD_SECTION.barriers)!;
  let r = Number(title[0].split(',')[0]) + 2;
  while (cells.get(`${r},0`)) r++;
  return r;
}

function done(outcome: CommandOutcome): Extract<CommandOutcome, { status: 'done' }> {
  if (outcome.status !== 'done') throw new Error(`expected done, got ${outcome.status}`);
  return outcome;
}

async function opened() {
  const s = session();
  await s.run((h) => startPlan(h, barnet(), TEST_DAY));
  const read = await s.run((h) => loadPlanFromWorkbook(h));
  if (read.result.status !== 'loaded') throw new Error(read.result.status);
  return { ...s, plan: read.result.plan };
}

describe('a command reads only the sheets that changed since the last', () => {
  test('opening the pane reads every card; a refresh after it reads none, in 3 requests under 50 KB', async () => {
    const s = session();
    await s.run((h) => startPlan(h, barnet(), TEST_DAY));
    const open = await s.run((h) => loadPlanFromWorkbook(h));
    if (open.result.status !== 'loaded') throw new Error(open.result.status);
    const cards = open.result.plan.cards!.records.length;
    expect(cards).toBeGreaterThan(2);
    expect([...sheetsRead(open.calls)].filter((n) => n.startsWith('Card '))).toHaveLength(cards);
    const base = open.result.plan;
    const refresh = await s.run((h) => generateTables(h, withCost(base, '1a', 36000), TEST_DAY, undefined, { base }));
    done(refresh.result);
    expect([...sheetsRead(refresh.calls)]).toEqual([]);
    expect(refresh.calls.length).toBeLessThanOrEqual(3);
    expect(refresh.calls.reduce((a, c) => a + c.bodyBytes, 0)).toBeLessThan(50_000);
    expect(s.book.cell('Schemes', 'A1')).toBeDefined();
  });

  test('a barrier a co-author types on a card between commands is read by the next refresh and kept', async () => {
    const s = await opened();
    const row = spareBarrierRow(s.book, 'Card 1a');
    s.book.setCell(s.book.sheet('Card 1a'), row, 0, 'Transport contract ends in March');
    const refresh = await s.run((h) =>
      generateTables(h, withCost(s.plan, '1a', 36000), TEST_DAY, undefined, { base: s.plan }),
    );
    const outcome = done(refresh.result);
    // Only the card whose stamp changed is read again.
    expect([...sheetsRead(refresh.calls)]).toEqual(['Card 1a']);
    const card = outcome.plan.cards!.records.find((c) => c.scheme === '1a')!;
    expect(card.barriers).toContain('Transport contract ends in March');
    expect(s.book.cell('Card 1a', `A${row + 1}`)?.value).toBe('Transport contract ends in March');
  });

  test('a barrier typed while a refresh is under way is kept, and the command after it reads that card again', async () => {
    const s = await opened();
    const row = spareBarrierRow(s.book, 'Card 2b');
    // Typed after the refresh's first request (which read the stamps) and before its last.
    const first = await s.run(
      (h) => generateTables(h, withCost(s.plan, '1a', 36000), TEST_DAY, undefined, { base: s.plan }),
      (k) => {
        if (k === 2) s.book.setCell(s.book.sheet('Card 2b'), row, 0, 'Typed during the refresh');
      },
    );
    const base = done(first.result).plan;
    expect(s.book.cell('Card 2b', `A${row + 1}`)?.value).toBe('Typed during the refresh');
    const next = await s.run((h) => generateTables(h, withCost(base, '1a', 37000), TEST_DAY, undefined, { base }));
    expect([...sheetsRead(next.calls)]).toContain('Card 2b');
    const card = done(next.result).plan.cards!.records.find((c) => c.scheme === '2b')!;
    expect(card.barriers).toContain('Typed during the refresh');
    expect(s.book.cell('Card 2b', `A${row + 1}`)?.value).toBe('Typed during the refresh');
  });

  test('a figure changed to another of the same length is seen (the stamp weighs numbers by value)', async () => {
    const s = await opened();
    const sheet = s.book.sheet('Card 1a');
    // Any number a person typed on the card: change it by one.
    const [key, cell] = [...sheet.cells].find(([, c]) => typeof c.value === 'number' && !c.formula)!;
    const [r, c] = key.split(',').map(Number);
    s.book.setCell(sheet, r, c, (cell.value as number) + 1);
    const refresh = await s.run((h) =>
      generateTables(h, withCost(s.plan, '1a', 36000), TEST_DAY, undefined, { base: s.plan }),
    );
    done(refresh.result);
    expect([...sheetsRead(refresh.calls)]).toEqual(['Card 1a']);
  });

  test('with the pane listening, a text a co-author changes to another of the same length is read again', async () => {
    const s = await opened();
    const stop = await s.host.watch(() => undefined);
    const row = spareBarrierRow(s.book, 'Card 1a') - 1; // the last barrier typed
    const typed = String(s.book.cell('Card 1a', `A${row + 1}`)!.value);
    const changed = [...typed].reverse().join('');
    expect(changed).not.toBe(typed);
    s.book.edit('Card 1a', `A${row + 1}`, [[changed]], { by: 'coauthor' });
    await settle();
    const refresh = await s.run((h) =>
      generateTables(h, withCost(s.plan, '1a', 36000), TEST_DAY, undefined, { base: s.plan }),
    );
    expect([...sheetsRead(refresh.calls)]).toEqual(['Card 1a']);
    expect(done(refresh.result).plan.cards!.records.find((c) => c.scheme === '1a')!.barriers).toContain(changed);
    stop();
  });
});
