import { OfficeWorkbook } from '../../src/adapters/office/officeWorkbook';
import { startPlan } from '../../src/workbook/commands';
import { barnetPlan } from './barnet';
import { FakeWorkbook, loadExcel, type LoadedExcel } from './officeRecorder';
import { TEST_DAY } from './testDay';

/** Excel sends events after the change; the client hands them on through a few promises. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** Column letters of a zero-based column (A..Z is enough for the Schemes sheet). */
const letter = (column: number) => String.fromCharCode(65 + column);

/** The Schemes sheet's cell holding a scheme's cost for a year, found by its header as a person would. */
export async function costCell(host: OfficeWorkbook, ref: string, year: string): Promise<string> {
  const sheet = (await host.read(['Schemes'])).sheets[0];
  const headerRow = sheet.values.findIndex((r) => r[0] === 'Ref');
  const column = sheet.values[headerRow].indexOf(`${year} cost (£)`);
  const row = sheet.values.findIndex((r, i) => i > headerRow && r[0] === ref);
  if (column < 0 || row < 0) throw new Error(`no ${year} cost for scheme ${ref}`);
  return `${letter(column)}${row + 1}`;
}

/** The Barnet plan written by the add-in into a workbook that tells this add-in session its events. */
export async function barnetInExcel(): Promise<{ book: FakeWorkbook; office: LoadedExcel; host: OfficeWorkbook }> {
  const book = new FakeWorkbook();
  const office = loadExcel({ respond: book.respond, book });
  const host = new OfficeWorkbook(office.Excel);
  const outcome = await startPlan(host, barnetPlan(), TEST_DAY);
  if (outcome.status !== 'done') throw new Error(`the Barnet plan was not written: ${outcome.status}`);
  return { book, office, host };
}
