import { OfficeWorkbook } from '../src/adapters/office/officeWorkbook';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import {
  generateTables,
  loadPlanFromWorkbook,
  planState,
  startPlan,
  type CommandOutcome,
} from '../src/workbook/commands';
import { CARD_SECTION } from '../src/workbook/families/cards/names';
import { CARD_READ_NEED } from '../src/workbook/families/cards/readNeed';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy } from './support/barnet';
import { withCost } from './support/planEdits';
import { FakeWorkbook, loadExcel, type RecordedCall } from './support/officeRecorder';
import { TEST_DAY } from './support/testDay';

/**
 * Opening the pane on a workbook with Benefit Cards: the first read brings back each card's input
 * columns (values only), not its calculated cells, and leaves out the sheets that are calculated only.
 * What it reads is the same plan as a read of every sheet whole, and the next command that rewrites
 * a card still reads that card whole, so nothing a person typed is lost.
 */
const barnet = (): Plan => planFromJson(barnetJsonCopy()).plan;

/** A workbook the add-in made from Barnet's plan, and a fresh pane (an adapter that knows nothing yet) on it. */
async function workbookWithCards() {
  const book = new FakeWorkbook({ sheets: { Notes: [['My own notes']] } });
  const office = loadExcel({ respond: book.respond, book });
  await startPlan(new OfficeWorkbook(office.Excel), barnet(), TEST_DAY);
  return {
    book,
    office,
    pane: () => new OfficeWorkbook(office.Excel),
    async run<T>(command: () => Promise<T>) {
      office.reset();
      const result = await command();
      return { result, calls: [...office.calls] as RecordedCall[] };
    },
  };
}

const received = (calls: readonly RecordedCall[]) => calls.reduce((a, c) => a + (c.responseBytes || 0), 0);

/** Whether a request asked for the formulas of a range on the named sheet. */
function formulasAskedOf(calls: readonly RecordedCall[], sheet: string): boolean {
  return calls.some((call) => {
    const body = call.body as { ObjectPaths: Record<string, any>; Actions: any[] };
    return body.Actions.some((action) => {
      if (action.ActionType !== 2 || !/formulas/i.test(JSON.stringify(action.QueryInfo ?? {}))) return false;
      for (let path = body.ObjectPaths[action.ObjectPathId]; path; path = body.ObjectPaths[path.ParentObjectPathId])
        if ((path.ArgumentInfo?.Arguments ?? [])[0] === sheet) return true;
      return false;
    });
  });
}

function done(outcome: CommandOutcome): Extract<CommandOutcome, { status: 'done' }> {
  if (outcome.status !== 'done') throw new Error(`expected done, got ${outcome.status}`);
  return outcome;
}

describe('opening the pane on a workbook with Benefit Cards', () => {
  test('every cell a person types on a card sits in the columns the first read brings back', () => {
    const layout = workbookLayout(barnet(), 'all', { today: 0 });
    const spans = typeof CARD_READ_NEED === 'object' ? CARD_READ_NEED.columns : [];
    const cards = layout.sheets.filter((s) => s.name.startsWith('Card '));
    expect(cards.length).toBeGreaterThan(2);
    const outside = cards.flatMap((sheet) =>
      sheet.rows.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          cell?.style === 'input' && !spans.some(([from, to]) => c >= from && c <= to)
            ? [`${sheet.name}!R${r + 1}C${c + 1}`]
            : [],
        ),
      ),
    );
    expect(outside).toEqual([]);
  });

  test('reads the same plan as a read of every sheet whole, in 3 requests and far fewer bytes', async () => {
    const w = await workbookWithCards();
    const whole = await w.run(() => w.pane().read());
    const opened = await w.run(() => loadPlanFromWorkbook(w.pane()));
    if (opened.result.status !== 'loaded') throw new Error(opened.result.status);
    const expected = planState(whole.result);
    if (expected.status !== 'loaded') throw new Error(expected.status);
    // Barnet's cards carry actuals, notes, a rate measure, barriers, milestones and sign-offs.
    expect(opened.result.plan).toEqual(expected.plan);
    expect(opened.result.plan.cards!.records.some((c) => c.rateMeasures?.length)).toBe(true);
    expect(opened.calls.length).toBeLessThanOrEqual(3);
    // Barnet has 8 schemes and 5 cards: most of what is left is the Schemes, Pool and Checks sheets.
    expect(received(opened.calls)).toBeLessThan(received(whole.calls) * 0.6);
    expect(formulasAskedOf(opened.calls, 'Card 1a')).toBe(false);
    expect(formulasAskedOf(whole.calls, 'Card 1a')).toBe(true);
  });

  test('a refresh in the pane just opened reads the cards whole and keeps a barrier typed after the opening', async () => {
    const w = await workbookWithCards();
    const pane = w.pane();
    const opened = await w.run(() => loadPlanFromWorkbook(pane));
    if (opened.result.status !== 'loaded') throw new Error(opened.result.status);
    const base = opened.result.plan;
    const sheet = w.book.sheet('Card 1a');
    const title = [...sheet.cells].find(([, cell]) => cell.value === CARD_SECTION.barriers)!;
    let row = Number(title[0].split(',')[0]) + 2;
    while (sheet.cells.get(`${row},0`)) row++;
    w.book.setCell(sheet, row, 0, 'Transport contract ends in March');
    const refresh = await w.run(() => generateTables(pane, withCost(base, '1a', 36000), TEST_DAY, undefined, { base }));
    const card = done(refresh.result).plan.cards!.records.find((c) => c.scheme === '1a')!;
    expect(card.barriers).toContain('Transport contract ends in March');
    // The opening's partial read was not taken for the sheet: the rewrite read it with its formulas.
    expect(formulasAskedOf(refresh.calls, 'Card 1a')).toBe(true);
    // Had the opening's columns passed for whole cards, their calculated cells would all look missing
    // and be written again (640 KB here): the refresh writes what the changed cost moves (under 100 KB).
    expect(refresh.calls.reduce((a, c) => a + c.bodyBytes, 0)).toBeLessThan(200_000);
    expect(w.book.cell('Card 1a', `A${row + 1}`)?.value).toBe('Transport contract ends in March');
  });
});
