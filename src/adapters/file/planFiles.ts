import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { constants as fsConstants, promises as fs } from 'fs';
import path from 'path';
import type { Plan } from '../../domain/plan';
import { UnreadableJson } from '../../domain/jsonText';
import { planFromJsonText } from '../../domain/planJson';
import type { Problem } from '../../domain/problems';
import { readPlan } from '../../workbook/families/planReader';
import type { WorkbookPlan } from '../../workbook/sheetPlan';
import { UnwritableWorkbook } from '../../workbook/writableWorkbook';
import { readAsHost } from '../../workbook/write/fileWorkbook';
import { FileProblem, systemReason } from './filePaths';
import { loadSnapshot, readInput } from './workbookFile';

export { FileProblem };
// Reading a workbook's file lives apart, so that the audit loads neither the plan's JSON schema nor the writer.
export { loadSnapshot, MAX_INPUT_BYTES, readInput } from './workbookFile';

/** A plan from a .json plan file or from a workbook the add-in built (and people then edited). */
export async function loadPlan(file: string): Promise<{ plan: Plan; problems: Problem[] }> {
  const data = await readInput(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') {
    try {
      return planFromJsonText(jsonFileText(data));
    } catch (e) {
      if (e instanceof UnreadableJson) throw new FileProblem(`${file} can't be read: ${e.message}.`);
      throw e;
    }
  }
  return readPlan(readAsHost(await loadSnapshot(file, data)));
}

/** The text of a .json file saved as UTF-8 (with or without a byte-order mark) or, as Windows' "Unicode" option saves, UTF-16. */
export function jsonFileText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString('utf16le');
  return data.toString('utf8');
}

/** What is at a path a command would write: nothing, a workbook (read), or some other file. */
export async function existingFile(
  file: string,
): Promise<{ readonly exists: false } | { readonly exists: true; readonly workbook?: WorkbookSnapshot }> {
  try {
    await fs.access(file);
  } catch {
    return { exists: false };
  }
  try {
    return { exists: true, workbook: await loadSnapshot(file) };
  } catch {
    return { exists: true };
  }
}

/**
 * Keeps a copy of a file about to be replaced beside it ("plan.bak.xlsx", then "plan.bak-2.xlsx"
 * ...), never over an earlier copy; returns its name.
 */
export async function keepCopy(file: string): Promise<string> {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 1; ; n++) {
    const copy = `${stem}.bak${n === 1 ? '' : `-${n}`}${ext}`;
    try {
      await fs.copyFile(file, copy, fsConstants.COPYFILE_EXCL);
      return copy;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new FileProblem(`${file}: can't keep a copy before replacing it (${systemReason(e)}).`);
    }
  }
}

/**
 * Writes next to the target and renames, so a failed build never leaves a partial workbook.
 * What had to be repaired for the file to open everywhere is added to `repairs`, one line each.
 */
export async function writeWorkbook(file: string, plan: WorkbookPlan, repairs: string[] = []): Promise<number> {
  // Loaded here, not at the top: the writer brings ExcelJS, which commands that only read don't need.
  const { planToXlsx } = await import('./xlsxWriter');
  let buffer: Buffer;
  try {
    const written = await planToXlsx(plan);
    buffer = written.buffer;
    repairs.push(...written.repairs.messages);
  } catch (e) {
    if (e instanceof UnwritableWorkbook) throw new FileProblem(`${file}: can't write the workbook: ${e.message}.`);
    throw e;
  }
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  } catch (e) {
    throw new FileProblem(`${file}: can't write the workbook (${systemReason(e)}).`);
  }
  try {
    await fs.writeFile(temp, buffer);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new FileProblem(`${file}: can't write the workbook (${systemReason(e)}).`);
  }
  return buffer.length;
}
