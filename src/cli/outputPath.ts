import path from 'path';
import { requireWritablePath, sameFile } from '../adapters/file/filePaths';
import { UsageError } from './args';

const WRITES: Readonly<Record<string, string>> = { '.xlsx': 'a workbook', '.json': 'a JSON file' };

/**
 * The one check of a command's -o before it reads anything: never the input itself (however the
 * path is written, through a symlink or a hard link), never a folder or a path through a file, and
 * named for what is written: an -o x.txt holding a workbook would not open as one.
 */
export async function checkOutput(input: string, output: string, extension: '.xlsx' | '.json'): Promise<void> {
  if (!output.trim()) throw new UsageError('-o is empty; give the name of the file to write');
  if (await sameFile(input, output))
    throw new UsageError(`the output would overwrite the input ${input}; choose another -o file`);
  await requireWritablePath(output);
  const given = path.extname(output);
  if (given.toLowerCase() !== extension) {
    const stem = given ? output.slice(0, -given.length) : output;
    throw new UsageError(
      `-o ${output}: this writes ${WRITES[extension]} (${extension}), so name it ${stem}${extension}`,
    );
  }
}
