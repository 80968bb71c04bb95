import { cellAddress } from '../../workbook/a1';
import type { CellPlan, Scalar, SheetPlan, ValidationPlan } from '../../workbook/sheetPlan';
import type { StyleSheet } from './xlsxStyles';
import { escapeXml, NS, XML_DECLARATION } from './xmlWrite';

/** The workbook's texts, each stored once in sharedStrings.xml and referred to by its index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  count = 0;

  of(text: string): number {
    this.count++;
    let id = this.index.get(text);
    if (id === undefined) this.index.set(text, (id = this.index.size));
    return id;
  }

  xml(): string {
    const items: string[] = [];
    for (const text of this.index.keys()) {
      // Spaces at either end are kept only when the text says so.
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      items.push(`<si><t${space}>${escapeXml(text)}</t></si>`);
    }
    return `${XML_DECLARATION}<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${this.index.size}">${items.join('')}</sst>`;
  }
}

/** What a sheet's XML refers to outside itself: its tables' and drawing's relationship ids. */
export interface SheetLinks {
  readonly tables: readonly string[];
  readonly drawing?: string;
}

/**
 * One worksheet part (xl/worksheets/sheetN.xml) written straight from its plan: the cells with
 * their cached results, column widths, frozen panes, drop-downs and links to its tables and chart.
 */
export function worksheetXml(sheet: SheetPlan, styles: StyleSheet, strings: SharedStrings, links: SheetLinks): string {
  const parts: string[] = [
    `${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`,
    sheet.tabColor ? `<sheetPr><tabColor rgb="FF${sheet.tabColor}"/></sheetPr>` : '',
    `<dimension ref="${dimension(sheet)}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${pane(sheet.freeze)}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    columns(sheet.columnWidths),
    '<sheetData>',
  ];
  const headers = tableHeaders(sheet);
  sheet.rows.forEach((row, r) => {
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] ?? headers.get(r)?.get(c);
      if (cell) cells += cellXml(cellAddress(r, c), cell, styles, strings);
    }
    if (cells) parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push('</sheetData>', validations(sheet.validations ?? []));
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (links.drawing) parts.push(`<drawing r:id="${links.drawing}"/>`);
  if (links.tables.length)
    parts.push(
      `<tableParts count="${links.tables.length}">${links.tables.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`,
    );
  parts.push('</worksheet>');
  return parts.join('');
}

/** A table's header cells, its column names, where the plan leaves them empty (Excel requires them). */
function tableHeaders(sheet: SheetPlan): Map<number, Map<number, CellPlan>> {
  const headers = new Map<number, Map<number, CellPlan>>();
  for (const table of sheet.tables ?? []) {
    if (table.rowCount === 0) continue;
    const row = headers.get(table.row) ?? new Map<number, CellPlan>();
    table.columns.forEach((name, i) => row.set(table.column + i, { value: name }));
    headers.set(table.row, row);
  }
  return headers;
}

function cellXml(address: string, cell: CellPlan, styles: StyleSheet, strings: SharedStrings): string {
  const style = styles.of(cell.format, cell.style);
  const s = style ? ` s="${style}"` : '';
  if (cell.formula) {
    const { type, value } = cached(cell.result);
    return `<c r="${address}"${s}${type}><f>${escapeXml(cell.formula.slice(1))}</f>${value}</c>`;
  }
  const value = cell.value;
  if (value === null || value === undefined) return `<c r="${address}"${s}/>`;
  // A string is stored as a shared string, never as a formula: Excel shows "=1+1" typed by a user as text.
  if (typeof value === 'string') return `<c r="${address}"${s} t="s"><v>${strings.of(value)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${address}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${address}"${s}><v>${value}</v></c>`;
}

/** A formula's cached result, the figure a reader shows before anything recalculates. */
function cached(result: Scalar | undefined): { type: string; value: string } {
  if (result === null || result === undefined) return { type: '', value: '' };
  if (typeof result === 'string') return { type: ' t="str"', value: `<v>${escapeXml(result)}</v>` };
  if (typeof result === 'boolean') return { type: ' t="b"', value: `<v>${result ? 1 : 0}</v>` };
  return { type: '', value: `<v>${result}</v>` };
}

function dimension(sheet: SheetPlan): string {
  let columns = 0;
  for (const row of sheet.rows) columns = Math.max(columns, row.length);
  return sheet.rows.length && columns ? `A1:${cellAddress(sheet.rows.length - 1, columns - 1)}` : 'A1';
}

function pane(freeze: SheetPlan['freeze']): string {
  if (!freeze || (!freeze.rows && !freeze.columns)) return '';
  const active = freeze.rows && freeze.columns ? 'bottomRight' : freeze.columns ? 'topRight' : 'bottomLeft';
  const x = freeze.columns ? ` xSplit="${freeze.columns}"` : '';
  const y = freeze.rows ? ` ySplit="${freeze.rows}"` : '';
  return (
    `<pane${x}${y} topLeftCell="${cellAddress(freeze.rows, freeze.columns)}" activePane="${active}" state="frozen"/>` +
    `<selection pane="${active}"/>`
  );
}

function columns(widths: SheetPlan['columnWidths']): string {
  const cols: string[] = [];
  widths?.forEach((width, i) => {
    if (width !== undefined) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
  });
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

function validations(list: readonly ValidationPlan[]): string {
  if (!list.length) return '';
  const rules = list.map((v) => {
    const common = `allowBlank="1" showErrorMessage="1" error="${escapeXml(v.message)}" sqref="${v.range}"`;
    if (v.kind === 'list') {
      const source = v.source ?? `"${(v.list ?? []).join(',')}"`;
      return `<dataValidation type="list" ${common}><formula1>${escapeXml(source)}</formula1></dataValidation>`;
    }
    return `<dataValidation type="${v.kind}" operator="greaterThanOrEqual" ${common}><formula1>${v.min ?? 0}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>`;
}

/** A table part (xl/tables/tableN.xml): its name, range and columns, styled as the add-in styles tables. */
export function tableXml(id: number, table: NonNullable<SheetPlan['tables']>[number]): string {
  const ref = `${cellAddress(table.row, table.column)}:${cellAddress(table.row + table.rowCount, table.column + table.columns.length - 1)}`;
  const columns = table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${escapeXml(name)}"/>`).join('');
  return (
    `${XML_DECLARATION}<table xmlns="${NS.main}" id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}
