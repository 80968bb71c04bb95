import { requireWritablePath, sameFile } from '../adapters/file/filePaths';
import { UsageError } from './args';

/**
 * The one check of a command's -o before it reads anything: never the input itself (however the
 * path is written, through a symlink or a hard link), never a folder or a path through a file.
 */
export async function checkOutput(input: string, output: string): Promise<void> {
  if (!output.trim()) throw new UsageError('-o is empty; give the name of the file to write');
  if (await sameFile(input, output))
    throw new UsageError(`the output would overwrite the input ${input}; choose another -o file`);
  await requireWritablePath(output);
}
