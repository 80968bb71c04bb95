import Decimal from 'decimal.js';
import type { DocumentStore } from '../src/adapters/office/keptCards';
import { OfficeWorkbook } from '../src/adapters/office/officeWorkbook';
import { cardRecordFromText, cardRecordText } from '../src/domain/cardRecordText';
import { planFromJson } from '../src/domain/planJson';
import { CARD_SECTION } from '../src/workbook/families/cards/names';
import { isBookkeeping } from '../src/workbook/ownership';
import type { Plan } from '../src/domain/plan';
import {
  generateTables,
  loadPlanFromWorkbook,
  startPlan,
  type CommandOutcome,
  type WorkbookPlanState,
} from '../src/workbook/commands';
import { enterQuarterActuals, quarterEntries } from '../src/workbook/cardCommands';
import { withCost } from './support/planEdits';
import { barnetJsonCopy } from './support/barnet';
import { FakeWorkbook, loadExcel, type RecordedCall } from './support/officeRecorder';
import { TEST_DAY } from './support/testDay';

/**
 * A pane opened on a workbook takes each Benefit Card whose content stamp is the one a pane kept in
 * the document with it, instead of reading the sheet (src/adapters/office/keptCards.ts): the plan
 * it finds must be the one a full read finds, and a card someone typed on since must be read.
 */

/** The document's settings, as Office keeps them: values stored as JSON. */
function documentSettings(): DocumentStore {
  let value: unknown;
  return {
    get: () => (value === undefined ? undefined : JSON.parse(JSON.stringify(value))),
    set: async (v) => {
      value = JSON.parse(JSON.stringify(v));
    },
  };
}

function workbook() {
  const book = new FakeWorkbook({ sheets: { Notes: [['My own notes']] } });
  const office = loadExcel({ respond: book.respond, book });
  const store = documentSettings();
  /** A pane newly opened on the workbook: its own adapter, the document's settings. */
  const pane = (withStore = true) => new OfficeWorkbook(office.Excel, withStore ? { store } : { store: undefined });
  const open = async (host: OfficeWorkbook) => {
    office.reset();
    const state = await loadPlanFromWorkbook(host);
    return { state: loaded(state), cards: cardsRead([...office.calls]), calls: office.calls.length };
  };
  /** Runs a command in `host`; the card sheets it read. */
  const run = async (host: OfficeWorkbook, command: (h: OfficeWorkbook) => Promise<CommandOutcome<object>>) => {
    office.reset();
    const outcome = await command(host);
    if (outcome.status !== 'done') throw new Error(`expected done, got ${outcome.status}`);
    return { cards: cardsRead([...office.calls]), calls: office.calls.length };
  };
  return { book, pane, open, run };
}

function loaded(state: WorkbookPlanState) {
  if (state.status !== 'loaded') throw new Error(`expected a plan, got ${state.status}`);
  return state;
}

/** Card sheets whose cells a request read (a used range), by name. */
function cardsRead(calls: readonly RecordedCall[]): string[] {
  const out = new Set<string>();
  for (const call of calls) {
    const body = call.body as { ObjectPaths: Record<string, any>; Actions: any[] };
    for (const action of body.Actions) {
      let path = body.ObjectPaths[action.ObjectPathId];
      if (action.ActionType !== 2 || !path || !/^GetUsedRange/.test(path.Name ?? '')) continue;
      while (path && !(path.ObjectPathType === 5 || /^GetItem(OrNullObject)?$/.test(path.Name ?? '')))
        path = body.ObjectPaths[path.ParentObjectPathId];
      const sheet = path && String(path.ArgumentInfo.Arguments[0]);
      if (sheet && !isBookkeeping(sheet) && sheet.startsWith('Card ')) out.add(sheet);
    }
  }
  return [...out].sort();
}

async function barnetBuilt() {
  const w = workbook();
  await startPlan(w.pane(), planFromJson(barnetJsonCopy()).plan, TEST_DAY);
  return w;
}

describe('a pane opened on kept cards', () => {
  test('reads none of them, and finds exactly the plan a pane reading every card finds', async () => {
    const w = await barnetBuilt();
    const whole = await w.open(w.pane(false));
    expect(whole.cards.length).toBe(whole.state.plan.cards!.records.length);
    const kept = await w.open(w.pane());
    expect(kept.cards).toEqual([]);
    expect(kept.state.plan).toEqual(whole.state.plan);
    expect(kept.state.warnings).toEqual(whole.state.warnings);
  });

  test('reads a card someone typed on since, and finds what they typed', async () => {
    const w = await barnetBuilt();
    const sheet = w.book.sheet('Card 1a');
    const title = [...sheet.cells].find(([, cell]) => cell.value === CARD_SECTION.barriers)!;
    let row = Number(title[0].split(',')[0]) + 2;
    while (sheet.cells.get(`${row},0`)) row++;
    w.book.setCell(sheet, row, 0, 'Transport contract ends in March');
    const opened = await w.open(w.pane());
    expect(opened.cards).toEqual(['Card 1a']);
    const card = opened.state.plan.cards!.records.find((c) => c.scheme === '1a')!;
    expect(card.barriers).toContain('Transport contract ends in March');
    expect(opened.state.plan).toEqual((await w.open(w.pane(false))).state.plan);
  });

  test('keeps them for the pane after it', async () => {
    const w = await barnetBuilt();
    await w.open(w.pane());
    const again = await w.open(w.pane());
    expect(again.cards).toEqual([]);
  });

  test('without the document settings, every card is read', async () => {
    const w = await barnetBuilt();
    const opened = await w.open(w.pane(false));
    expect(opened.cards.length).toBeGreaterThan(2);
  });
});

describe('the first command in a pane opened on kept cards', () => {
  /** The same command in a pane with the kept cards and in one without: the workbooks must end the same. */
  async function inBoth(command: (host: OfficeWorkbook, plan: Plan) => Promise<CommandOutcome<object>>) {
    const results = [];
    for (const withStore of [true, false]) {
      const w = await barnetBuilt();
      const host = w.pane(withStore);
      const base = (await w.open(host)).state.plan;
      const run = await w.run(host, (h) => command(h, base));
      results.push({ ...run, dump: w.book.dump(), plan: (await w.open(w.pane(false))).state.plan });
    }
    expect(results[0].dump).toEqual(results[1].dump);
    expect(results[0].plan).toEqual(results[1].plan);
    return results[0];
  }

  test('a refresh that changes no card reads none, in 3 requests', async () => {
    const refresh = await inBoth((h, base) =>
      generateTables(h, withCost(base, '1a', 36000), TEST_DAY, undefined, { base }),
    );
    expect(refresh.cards).toEqual([]);
    expect(refresh.calls).toBeLessThanOrEqual(3);
  });

  test('a card the command changes is read before it is written, and written as a pane reading every card would', async () => {
    const saved = await inBoth((h, plan) => {
      const entry = quarterEntries(plan, '2015/16 Q3').find((e) => e.ref === '2b' && e.kind === 'count')!;
      return enterQuarterActuals(h, '2015/16 Q3', [{ ...entry, reduction: new Decimal(9) }], TEST_DAY);
    });
    expect(saved.cards).toEqual(['Card 2b']);
    const actual = saved.plan.cards!.records.find((r) => r.scheme === '2b')!.actuals!;
    expect(actual.find((a) => a.quarter === '2015/16 Q3')?.reduction?.toNumber()).toBe(9);
  });
});

describe("a card's record as text", () => {
  test('comes back exactly, figures included', () => {
    const plan = planFromJson(barnetJsonCopy()).plan;
    for (const record of plan.cards!.records) expect(cardRecordFromText(cardRecordText(record))).toEqual(record);
  });

  test('damaged text gives nothing, so the card is read', () => {
    expect(cardRecordFromText('{"scheme":"1a","actuals":[{"reduction":{}}]}')).toBeUndefined();
    expect(cardRecordFromText('not JSON')).toBeUndefined();
    expect(cardRecordFromText('{"title":"no scheme"}')).toBeUndefined();
  });
});
