import { EXCEL_LIMITS, SHEET_NAME_FORBIDDEN, XML_UNSAFE_CHARS } from '../domain/excelLimits';
import { cellAddress } from './a1';
import type { CellPlan, ChartPlan, Scalar, SheetPlan, WorkbookPlan } from './sheetPlan';

/**
 * The last guard before a workbook is written: whatever a plan held, the file must open in Excel,
 * LibreOffice and every XML reader. Text loses characters XML can't carry (U+FFFE in a name made
 * LibreOffice drop most of a sheet) and is cut to a cell's 32,767 characters; a figure that is not a
 * finite number is left blank rather than written as "Infinity". Each repair is reported in words.
 * Inputs are refused long before this (docs/PLAN-FORMAT.md); this catches what a layout composes.
 */
export interface WriteRepairs {
  readonly messages: string[];
}

/** Sheet names a workbook can't have: too long, forbidden characters, or the same as another ignoring case. */
export class UnwritableWorkbook extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnwritableWorkbook';
  }
}

const UNSAFE = new RegExp(XML_UNSAFE_CHARS.source);

export function writableWorkbook(plan: WorkbookPlan): { plan: WorkbookPlan; repairs: WriteRepairs } {
  checkSheetNames(plan.sheets.map((s) => s.name));
  const fix = new Repairs();
  const sheets = plan.sheets.map((sheet) => fix.sheet(sheet));
  const names = plan.names.map((n) => ({ ...n, comment: fix.text(n.comment, `the comment of the name ${n.name}`) }));
  return { plan: { sheets, names }, repairs: { messages: fix.messages() } };
}

function checkSheetNames(names: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    if (!name.trim() || name.length > EXCEL_LIMITS.sheetName)
      throw new UnwritableWorkbook(
        `the sheet name "${name}" has ${name.length} characters; Excel allows 1 to ${EXCEL_LIMITS.sheetName}`,
      );
    if (new RegExp(SHEET_NAME_FORBIDDEN.source).test(name) || UNSAFE.test(name) || /^'|'$/.test(name)) {
      throw new UnwritableWorkbook(
        `the sheet name "${name}" has a character Excel doesn't allow in sheet names (: \\ / ? * [ ] or a leading or trailing ')`,
      );
    }
    const key = name.toLowerCase();
    if (seen.has(key))
      throw new UnwritableWorkbook(`two sheets would both be named "${name}" (Excel ignores case in sheet names)`);
    seen.set(key, name);
  }
}

class Repairs {
  private removed = new Map<string, number>();
  private cut: string[] = [];
  private nonFinite: string[] = [];

  sheet(sheet: SheetPlan): SheetPlan {
    let changed = false;
    const rows = sheet.rows.map((row, r) => {
      let rowChanged = false;
      const cells = row.map((cell, c) => {
        const fixed = cell && this.cell(cell, sheet.name, r, c);
        if (fixed !== cell) rowChanged = true;
        return fixed;
      });
      if (!rowChanged) return row;
      changed = true;
      return cells;
    });
    const tables = sheet.tables?.map((t) => ({
      ...t,
      columns: t.columns.map((name) => this.text(name, `a table heading on ${sheet.name}`)),
    }));
    const validations = sheet.validations?.map((v) => ({
      ...v,
      message: this.text(v.message, `a validation message on ${sheet.name}`),
      list: v.list?.map((item) => this.text(item, `a list choice on ${sheet.name}`)),
    }));
    const charts = sheet.charts?.map((chart): ChartPlan => ({
      ...chart,
      title: this.text(chart.title, `a chart title on ${sheet.name}`),
      series: chart.series.map((s) => ({ ...s, name: this.text(s.name, `a chart series on ${sheet.name}`) })),
    }));
    return { ...sheet, rows: changed ? rows : sheet.rows, tables, validations, charts };
  }

  private cell(cell: CellPlan, sheet: string, r: number, c: number): CellPlan {
    const where = () => `${sheet}!${cellAddress(r, c)}`;
    const value = this.scalar(cell.value, where);
    const result = this.scalar(cell.result, where);
    const formula = cell.formula === undefined ? undefined : this.text(cell.formula, where());
    if (value === cell.value && result === cell.result && formula === cell.formula) return cell;
    return { ...cell, value, result, formula };
  }

  private scalar<T extends Scalar | undefined>(value: T, where: () => string): T | null {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      this.nonFinite.push(where());
      return null;
    }
    return typeof value === 'string' ? (this.text(value, where()) as T) : value;
  }

  text(text: string, where: string): string {
    let out = text;
    if (UNSAFE.test(out)) {
      const cleaned = out.replace(XML_UNSAFE_CHARS, '');
      this.removed.set(where, (this.removed.get(where) ?? 0) + out.length - cleaned.length);
      out = cleaned;
    }
    if (out.length > EXCEL_LIMITS.cellText) {
      this.cut.push(where);
      out = `${out.slice(0, EXCEL_LIMITS.cellText - 1)}…`;
    }
    return out;
  }

  messages(): string[] {
    const list = (items: readonly string[]) =>
      `${items.slice(0, 5).join(', ')}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`;
    const out: string[] = [];
    if (this.removed.size) {
      const count = [...this.removed.values()].reduce((a, b) => a + b, 0);
      out.push(
        `${count} character${count === 1 ? '' : 's'} a workbook can't hold (control characters, U+FFFE, U+FFFF) removed from ${list([...this.removed.keys()])}`,
      );
    }
    if (this.cut.length)
      out.push(
        `text longer than an Excel cell's ${EXCEL_LIMITS.cellText.toLocaleString('en-GB')} characters cut short in ${list(this.cut)}`,
      );
    if (this.nonFinite.length) out.push(`a figure too large to be a number left blank in ${list(this.nonFinite)}`);
    return out;
  }
}
