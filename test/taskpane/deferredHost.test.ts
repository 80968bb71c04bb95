import { OfficeWorkbook } from '../../src/adapters/office/officeWorkbook';
import { deferredHost, type FullHost } from '../../src/taskpane/deferredHost';
import { generateTables, loadPlanFromWorkbook } from '../../src/workbook/commands';
import { barnetPlan } from '../support/barnet';
import { barnetInExcel } from '../support/excelEvents';
import { withCost } from '../support/planEdits';
import { TEST_DAY } from '../support/testDay';

/** Excel's adapter as index.tsx fetches it: arriving only when `arrive` is called. */
function slowAdapter(host: FullHost) {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  let fetches = 0;
  const load = async () => {
    fetches++;
    await arrived;
    return host;
  };
  return { load, arrive, fetches: () => fetches };
}

describe("the pane draws before Excel's adapter has arrived (deferredHost)", () => {
  test('the first read waits for the adapter, then finds the plan in the workbook', async () => {
    const { host } = await barnetInExcel();
    const adapter = slowAdapter(host);
    const deferred = deferredHost(adapter.load);

    const reading = loadPlanFromWorkbook(deferred);
    const watching = deferred.watch(() => undefined);
    adapter.arrive();
    const read = await reading;
    (await watching)();

    expect(read.status).toBe('loaded');
    if (read.status !== 'loaded') return;
    expect(read.plan.board).toBe('Barnet');
    expect(read.plan.schemes.map((s) => s.ref)).toEqual(barnetPlan().schemes.map((s) => s.ref));
    // One adapter however many calls waited: it keeps what it read between commands.
    expect(adapter.fetches()).toBe(1);
  });

  test('Generate through the waiting host writes the new figure into the workbook', async () => {
    const { host, office } = await barnetInExcel();
    const adapter = slowAdapter(host);
    const deferred = deferredHost(adapter.load);
    const plan = withCost(barnetPlan(), '2b', 1_100_000, '2014/15');

    const generating = generateTables(deferred, plan, TEST_DAY, undefined, { base: barnetPlan() });
    adapter.arrive();
    expect((await generating).status).toBe('done');

    const fresh = await loadPlanFromWorkbook(new OfficeWorkbook(office.Excel));
    expect(fresh.status).toBe('loaded');
    if (fresh.status !== 'loaded') return;
    expect(fresh.plan.schemes.find((s) => s.ref === '2b')?.years['2014/15'].cost.toNumber()).toBe(1_100_000);
  });

  test('a fetch that failed (the network dropped) fails that read, and the next read fetches again', async () => {
    const { host } = await barnetInExcel();
    let fetches = 0;
    const deferred = deferredHost(async () => {
      fetches++;
      if (fetches === 1) throw new Error('Loading chunk office failed.');
      return host;
    });

    await expect(loadPlanFromWorkbook(deferred)).rejects.toThrow('Loading chunk office failed.');
    const read = await loadPlanFromWorkbook(deferred);

    expect(read.status).toBe('loaded');
    expect(fetches).toBe(2);
  });
});
