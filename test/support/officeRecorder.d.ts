/** Types for officeRecorder.js (plain CommonJS so scripts can use it too). */
export interface RecordedWrite {
  sheet: string;
  row: number;
  column: number;
  property: 'Formulas' | 'Values' | 'NumberFormat';
  input: unknown;
}
export interface RecordedCall {
  bodyText: string;
  bodyBytes: number;
  body: { Actions: any[]; ObjectPaths: Record<string, any> };
  refused: boolean;
  /** Sheets (lower case), "#names" and "#table:<name>" the request changed. */
  touched?: Set<string>;
  /** Bytes of the answer (0 when refused). */
  responseBytes: number;
  writes: RecordedWrite[];
}
export interface LoadedExcel {
  Excel: any;
  OfficeExtension: any;
  calls: RecordedCall[];
  setResponder(f: (body: any, call: RecordedCall) => any): void;
  reset(): void;
  workCalls(): RecordedCall[];
  /** The events the host sent this session (with `book`), as their fields: type, source, worksheetId, ... */
  events(): { type: string; source: string; worksheetId: string; address?: string; triggerSource?: string }[];
}
export interface StoredCell {
  value: unknown;
  formula?: string;
  quotePrefix?: boolean;
}
export class FakeWorkbook {
  constructor(options?: {
    sheets?: Record<
      string,
      unknown[][] | { rows: number; columns: number; fill: (row: number, column: number) => unknown }
    >;
    tables?: { name: string; sheet: string; address: string }[];
    names?: { name: string; formula: string; comment?: string }[];
    refuseOver?: number;
    refuseResponseOver?: number;
    evaluate?: (formula: string, sheet: string, row: number, column: number) => unknown;
  });
  respond: (body: any, call: RecordedCall) => any;
  sheets: Map<
    string,
    {
      name: string;
      /** As Excel gives it to events: a GUID in braces. */
      id: string;
      cells: Map<string, StoredCell>;
      formats: Map<string, string>;
      charts: { name: string; type: string }[];
      freeze: unknown;
      tabColor?: string;
    }
  >;
  tables: Map<string, { name: string; sheet: string; address: string }>;
  names: Map<string, { name: string; formula: string; comment?: string }>;
  refuseOver: number;
  cell(sheet: string, address: string): StoredCell | undefined;
  /** A cell's value as a calculating Excel would give it (only the registry's content stamp is worked out). */
  calculated(cell: StoredCell): unknown;
  format(sheet: string, address: string): string | undefined;
  /** Everything held of one sheet (or of the whole workbook), as text to compare before and after. */
  dump(sheet?: string): string;
  renameSheet(from: string, to: string): void;
  /** A person selects cells ("B2:H12") on a sheet, which becomes the active one. */
  select(sheet: string, address: string): void;
  /** A person hides rows (zero-based), or shows them again with `hide` false. */
  hideRows(sheet: string, rows: readonly number[], hide?: boolean): void;
  clone(): FakeWorkbook;
  setCell(sheet: any, row: number, column: number, input: unknown): void;
  sheet(name: string): any;
  /** A person types or pastes into the grid, or a co-author does: sessions listening hear WorksheetChanged. */
  edit(sheet: string, address: string, rows: unknown[][], options?: { by?: 'person' | 'coauthor' }): void;
  /** A person inserts whole rows above zero-based row `at`: cells move down; sessions listening hear RowInserted. */
  insertRows(sheet: string, at: number, count: number, options?: { by?: 'person' | 'coauthor' }): void;
  /** A person (or co-author) deletes a sheet: sessions listening hear WorksheetDeleted. */
  removeSheet(sheet: string, options?: { by?: 'person' | 'coauthor' }): void;
  /** How many add-in sessions the workbook sends this event to (they registered for it and have not unregistered). */
  listeners(event?: 'WorksheetChanged' | 'WorksheetDeleted'): number;
}
export type Responder = ((body: any, call: RecordedCall) => any) & { count(): number };
export function scripted(
  book: FakeWorkbook,
  options?: { failAt?: number; mode?: 'refuse' | 'half' | 'all'; before?: (n: number, book: FakeWorkbook) => void },
): Responder;
/** With `book`, the session hears that workbook's events (onChanged, onDeleted) through the host bridge. */
export function loadExcel(options?: {
  respond?: (body: any, call: RecordedCall) => any;
  book?: FakeWorkbook;
}): LoadedExcel;
export function isCleanupOnly(call: RecordedCall): boolean;
export function parseRect(address: string): { r0: number; c0: number; r1: number; c1: number };
export function rectAddress(sheet: string, rect: { r0: number; c0: number; r1: number; c1: number }): string;
export const REQUEST_LIMIT: number;
