import { writeTextFile } from './textFile';
import { exportText } from '../../domain/exportText';
import path from 'path';
import type { JointFunding } from '../../domain/jointFunding';
import { importPackages, type ImportField, type ImportResult } from '../../domain/jointFundingImport';
import { csvRows } from '../../domain/csvRows';
import { jointFundingToJson, type RegisterProblem } from '../../domain/jointFundingJson';
import { readJointFundingJson } from '../../domain/jointFundingSchema';
import { parseJsonText, UnreadableJson } from '../../domain/jsonText';
import { PLAN_LIMITS } from '../../domain/planLimits';
import { describeProblem } from '../../domain/problems';
import { EXPORT_HEADER_HAS, exportFromSheets } from '../../workbook/jointFundingExport';
import { readJointFunding } from '../../workbook/families/jointFunding/reader';
import { FileProblem, jsonFileText, loadSnapshot, readInput } from './planFiles';

export interface LoadedRegister {
  readonly jointFunding: JointFunding;
  readonly problems: readonly RegisterProblem[];
  readonly board?: string;
  /** What the file was: a plan or packages file, a workbook the add-in built, or a case-management export. */
  readonly kind: 'json' | 'workbook' | 'export';
  readonly columns?: ImportResult['columns'];
  /** An export none of whose rows could be read (no header row, a column missing or twice, every row refused): it has no figures to show or write. */
  readonly unreadable?: boolean;
}

/**
 * A joint-funding register from any file `bcf joint` takes: a plan or packages .json, a workbook
 * with a Joint register sheet, or a case-management export (.csv, or an .xlsx without one).
 */
export async function loadJointFunding(
  file: string,
  mapping: Readonly<Record<string, ImportField>> = {},
): Promise<LoadedRegister> {
  const ext = path.extname(file).toLowerCase();
  const data = await readInput(file);
  if (ext === '.json') return fromJson(file, data);
  if (ext === '.csv' || ext === '.txt') return fromExport(importPackages(exportRows(file, data), mapping));
  const snapshot = await loadSnapshot(file, data);
  const register = readJointFunding(snapshot);
  if (register) return { ...register, kind: 'workbook' };
  const exported = exportFromSheets(snapshot, mapping);
  if (exported) return fromExport(exported);
  // Every sheet was looked at and none has an export's header row.
  if (!snapshot.sheets.length) throw new FileProblem(`${file}: the workbook has no sheets.`);
  throw new FileProblem(
    `${file}: no sheet is a joint register or an export with a header row (${EXPORT_HEADER_HAS}); add the register with the add-in, or save the case-management export into the workbook.`,
  );
}

/** The rows of a CSV export; a file the CSV reader gives up on is named with its line, never the library's words. */
function exportRows(file: string, data: Buffer): string[][] {
  try {
    return csvRows(exportText(data));
  } catch (e) {
    const { code, lines } = e as { code?: string; lines?: number };
    const where = lines ? ` (line ${lines})` : '';
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      throw new FileProblem(
        `${file} can't be read as CSV: a quoted field is never closed${where}; check the export's quote marks`,
      );
    throw new FileProblem(`${file} can't be read as CSV${where}: it is not laid out as comma-separated rows`);
  }
}

function fromExport(result: ImportResult): LoadedRegister {
  return {
    jointFunding: result.jointFunding,
    problems: result.problems,
    kind: 'export',
    columns: result.columns,
    unreadable: result.unreadable,
  };
}

function fromJson(file: string, data: Buffer): LoadedRegister {
  let json: unknown;
  try {
    const parsed = parseJsonText(jsonFileText(data), PLAN_LIMITS.depth);
    const refusal = parsed.problems.find((p) => p.severity === 'error');
    if (refusal) throw new FileProblem(`${file}: ${describeProblem(refusal)}`);
    json = parsed.json;
  } catch (e) {
    if (e instanceof UnreadableJson) throw new FileProblem(`${file} can't be read: ${e.message}.`);
    throw e;
  }
  const root = (json ?? {}) as Record<string, unknown>;
  if (typeof root !== 'object' || Array.isArray(root) || root.jointFunding === undefined) {
    throw new FileProblem(
      `${file}: no "jointFunding" section; a plan or packages file keeps its register under "jointFunding" (see examples/joint-funding.json).`,
    );
  }
  return {
    ...readJointFundingJson(root.jointFunding),
    kind: 'json',
    board: typeof root.board === 'string' ? root.board : undefined,
  };
}

/** A packages file: a plan file with only its "jointFunding" section, which `bcf joint` and a plan can both read. */
export async function writePackagesFile(file: string, jf: JointFunding): Promise<string | undefined> {
  return writeTextFile(file, `${JSON.stringify({ jointFunding: jointFundingToJson(jf) }, null, 2)}\n`);
}
