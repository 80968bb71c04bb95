import { promises as fs } from 'fs';
import path from 'path';
import { FileProblem, systemReason } from './filePaths';
import { keepCopy } from './planFiles';

/**
 * Writes a text file (a plan's JSON) next to its target and renames it, so a failure never leaves
 * half a file. A file already there with other content (a plan someone edited by hand) is first
 * copied beside it: the copy's name is returned, for the command to say.
 */
export async function writeTextFile(file: string, text: string): Promise<string | undefined> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true }).catch((e) => {
    throw new FileProblem(`${file}: can't write it (${systemReason(e)}).`);
  });
  let kept: string | undefined;
  const before = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (before !== undefined && before !== text) kept = await keepCopy(file);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, text, 'utf8');
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new FileProblem(`${file}: can't write it (${systemReason(e)}).`);
  }
  return kept;
}

/** What a command says after writing over a file that held something else. */
export function keptCopyNote(file: string, copy: string | undefined): string[] {
  return copy ? [`${file} held something else; it is kept as ${copy}.`] : [];
}
