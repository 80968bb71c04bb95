import { promises as fs } from 'fs';
import path from 'path';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { FileProblem, missingInput, systemReason } from './filePaths';
import { READ_LIMITS } from './readLimits';
import { xlsxToSnapshot } from './xlsxReader';

// A workbook's file read into a snapshot, every way it can't be read said in one line naming the
// file. Kept apart from planFiles.ts so that a command that only reads a workbook (the audit) loads
// neither the plan's JSON schema nor the writer: a quarter of its start-up.

export const MAX_INPUT_BYTES = READ_LIMITS.inputBytes;

export async function readInput(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw await missingInput(file, e);
  }
  if (!stat.isFile()) throw new FileProblem(`${file}: not a file${stat.isDirectory() ? ' (it is a folder)' : ''}.`);
  if (stat.size === 0) throw new FileProblem(`${file}: the file is empty.`);
  if (stat.size > MAX_INPUT_BYTES)
    throw new FileProblem(
      `${file}: the file is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB.`,
    );
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new FileProblem(`${file} can't be read (${systemReason(e)}).`);
  }
}

/** The snapshot of an .xlsx file (its bytes, when the caller has read them already). */
export async function loadSnapshot(file: string, data?: Buffer): Promise<WorkbookSnapshot> {
  if (path.extname(file).toLowerCase() === '.csv') {
    throw new FileProblem(
      `${file} is a CSV file; this command reads a plan (.json) or an Excel workbook (.xlsx). For a case-management export of jointly funded packages, use bcf joint import; otherwise open the CSV in Excel and save it as .xlsx.`,
    );
  }
  const bytes = data ?? (await readInput(file));
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new FileProblem(
      `${file}: the workbook is password-protected or in the old .xls format; save it unprotected as .xlsx and try again.`,
    );
  }
  // A plan or packages file given to a command that reads only workbooks (audit, import): say so, and the way on.
  if (/^(\uFEFF)?\s*\{/.test(bytes.subarray(0, 64).toString('utf8')))
    throw new FileProblem(
      `${file} is a JSON file (a plan or packages file), not an .xlsx workbook; this command reads a workbook (bcf build ${path.basename(file)} -o plan.xlsx makes one from a plan).`,
    );
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK')
    throw new FileProblem(`${file}: not an .xlsx workbook (it doesn't start like one).`);
  try {
    return await xlsxToSnapshot(bytes);
  } catch (e) {
    throw new FileProblem(`${file} can't be read: ${(e as Error).message.split('\n')[0]}.`);
  }
}
