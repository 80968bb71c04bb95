import { computeSchemeTable } from '../../src/domain/schemeTable';
import { LiveWorkbook } from '../../src/preview/liveWorkbook';
import type { PlanForm } from '../../src/taskpane/planForm';
import { usePlanSession, type PlanSession } from '../../src/taskpane/session';
import { totalsCaption } from '../../src/taskpane/sessionNotices';
import { startPlan } from '../../src/workbook/commands';
import { barnetPlan } from '../support/barnet';
import { barnetInExcel, costCell, settle } from '../support/excelEvents';
import { withCost } from '../support/planEdits';
import { renderHook, type RenderedHook } from '../support/renderHook';
import { TEST_DAY } from '../support/testDay';

const YEAR = '2014/15';
const OUT_OF_DATE = 'The workbook has changed since the pane read it';

/** The pane (the session every panel shows) over the Barnet plan in Excel, once it has read it. */
async function paneOverBarnet() {
  const excel = await barnetInExcel();
  const pane = await renderHook(() => usePlanSession(excel.host));
  await pane.waitFor((s) => s.phase === 'ready' && !s.busy, 'the pane to read the workbook');
  return { ...excel, pane };
}

const idle = (pane: RenderedHook<PlanSession>, what: string) => pane.waitFor((s) => !s.busy, what);

/** The figure the Tables tab shows for a scheme's cost in a year. */
function shownCost(session: PlanSession, ref: string, year = YEAR): string | undefined {
  return session.tables
    .find((t) => t.year === year)
    ?.lines.find((l) => l.scheme.ref === ref)
    ?.cost.toString();
}

const shownPool = (session: PlanSession, year = YEAR) => session.tables.find((t) => t.year === year)?.poolTotal;

const typeCost = (form: PlanForm, ref: string, year: string, cost: string): PlanForm => ({
  ...form,
  schemes: form.schemes.map((s) =>
    s.ref === ref ? { ...s, years: { ...s.years, [year]: { ...s.years[year], cost } } } : s,
  ),
});

describe('the pane follows the workbook', () => {
  test("after a person's edit in the grid the pane says its figures are out of date; re-reading shows the workbook's new figure", async () => {
    const { book, host, pane } = await paneOverBarnet();
    const cell = await costCell(host, '2b', YEAR);
    expect(pane.current.stale).toBeFalsy();
    expect(pane.current.notice).toBeUndefined();
    expect(shownCost(pane.current, '2b')).toBe('1057451');

    await pane.act(async () => {
      book.edit('Schemes', cell, [[1157451]], { by: 'person' });
      await settle();
    });
    expect(pane.current.stale).toBe(true);
    expect(pane.current.notice?.title).toBe(OUT_OF_DATE);
    expect(totalsCaption(pane.current.changes.length, !!pane.current.stale)).toMatch(/may be out of date/);
    const reread = pane.current.notice?.actions?.find((a) => a.label === 'Read from workbook');
    expect(reread).toBeDefined();

    await pane.act(() => reread!.run());
    await idle(pane, 'the re-read to finish');
    expect(pane.current.stale).toBe(false);
    // The read may warn (the stated pool no longer matches the schemes), but says nothing of being out of date.
    expect(pane.current.notice?.title).not.toBe(OUT_OF_DATE);
    expect(shownCost(pane.current, '2b')).toBe('1157451');
    const expected = computeSchemeTable(withCost(barnetPlan(), '2b', 1157451, YEAR), YEAR).poolTotal;
    expect(expected.equals(computeSchemeTable(barnetPlan(), YEAR).poolTotal)).toBe(false);
    expect(shownPool(pane.current)?.toString()).toBe(expected.toString());
    expect(totalsCaption(pane.current.changes.length, !!pane.current.stale)).toBe(
      'As the workbook’s tables show them.',
    );
    await pane.unmount();
  });

  test("the pane's own Generate leaves it up to date; a co-author's edit after it is said over Generate's report", async () => {
    const { book, host, office, pane } = await paneOverBarnet();
    const cell = await costCell(host, '3a', '2015/16');
    await pane.act(() => pane.current.edit((f) => typeCost(f, '2b', YEAR, '1,157,451')));
    const before = office.calls.length;
    await pane.act(() => pane.current.generate());
    await idle(pane, 'Generate to finish');
    await pane.act(settle);
    // Generate wrote the workbook (and Excel told the add-in of it), yet the pane is the workbook's.
    expect(office.calls.slice(before).some((c) => c.writes.length > 0)).toBe(true);
    expect(pane.current.notice?.title).toMatch(/^Tables generated/);
    expect(pane.current.stale).toBe(false);
    expect(pane.current.changes).toEqual([]);

    await pane.act(async () => {
      book.edit('Schemes', cell, [[750000]], { by: 'coauthor' });
      await settle();
    });
    expect(pane.current.notice?.title).toBe(OUT_OF_DATE);
    await pane.unmount();
  });

  test("a co-author's edit made while Generate runs, after it read the workbook, leaves the pane saying it is out of date", async () => {
    const { book, host, office, pane } = await paneOverBarnet();
    const cell = await costCell(host, '3a', '2015/16');
    await pane.act(() => pane.current.edit((f) => typeCost(f, '2b', YEAR, '1,157,451')));
    // The co-author types just after the request that writes the pane's edit is applied.
    let armed = true;
    office.setResponder((body, call) => {
      const answer = book.respond(body, call);
      if (armed && call.writes.length > 0) {
        armed = false;
        book.edit('Schemes', cell, [[750000]], { by: 'coauthor' });
      }
      return answer;
    });
    await pane.act(() => pane.current.generate());
    await idle(pane, 'Generate to finish');
    await pane.act(settle);
    expect(armed).toBe(false);
    expect(shownCost(pane.current, '3a', '2015/16')).not.toBe('750000');
    expect(pane.current.stale).toBe(true);
    expect(pane.current.notice?.title).toBe(OUT_OF_DATE);
    await pane.unmount();
  });

  test('in the browser preview, typing into the grid makes the pane say it is out of date; its own Generate does not', async () => {
    const live = new LiveWorkbook();
    expect((await startPlan(live, barnetPlan(), TEST_DAY)).status).toBe('done');
    const pane = await renderHook(() => usePlanSession(live));
    await pane.waitFor((s) => s.phase === 'ready' && !s.busy, 'the pane to read the workbook');
    await pane.act(() => pane.current.edit((f) => typeCost(f, '2b', YEAR, '1,157,451')));
    await pane.act(() => pane.current.generate());
    await idle(pane, 'Generate to finish');
    expect(pane.current.stale).toBe(false);

    const schemes = (await live.read(['Schemes'])).sheets[0].values;
    const header = schemes.findIndex((r) => r[0] === 'Ref');
    const row = schemes.findIndex((r, i) => i > header && r[0] === '3a');
    await pane.act(() => live.type('Schemes', row, schemes[header].indexOf('2015/16 cost (£)'), '750,000'));
    expect(pane.current.notice?.title).toBe(OUT_OF_DATE);
    await pane.unmount();
  });

  test('closing the pane stops following the workbook: Excel no longer sends it changes', async () => {
    const { book, pane } = await paneOverBarnet();
    expect(book.listeners('WorksheetChanged')).toBe(1);
    await pane.unmount();
    await settle();
    expect(book.listeners('WorksheetChanged')).toBe(0);
  });
});
