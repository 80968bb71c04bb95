import { promises as fs } from 'fs';
import path from 'path';
import { FileProblem } from './planFiles';

/** Writes a text file (a plan's JSON) next to its target and renames it, so a failure never leaves half a file. */
export async function writeTextFile(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, text, 'utf8');
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new FileProblem(`${file}: can't write it (${(e as Error).message}).`);
  }
}
