import { promises as fs } from 'fs';
import path from 'path';

/** A file that can't be read or written, in one line naming it: exit 2. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

/** A file-system failure in words: "permission denied", not "EACCES: permission denied, open '/x'". */
export function systemReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
    ELOOP: 'a symlink loop: the link leads back to itself',
    ENAMETOOLONG: 'the name is too long',
  };
  return (code && reasons[code]) ?? 'the system refused';
}

/** Why a file to read isn't there, from stat's failure: a symlink loop or a dangling link is not "no such file". */
export async function missingInput(file: string, e: unknown): Promise<FileProblem> {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    const link = await fs.lstat(file).catch(() => undefined);
    return new FileProblem(
      link?.isSymbolicLink() ? `${file}: a symlink to a file that doesn't exist.` : `${file}: no such file.`,
    );
  }
  return new FileProblem(`${file} can't be read (${systemReason(e)}).`);
}

/**
 * Whether two paths name one file however they are written: "./plan.json" and "plan.json", a
 * symlink and its target, two hard links. A path that doesn't exist yet is compared by its folder.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([a, b].map((p) => fs.stat(p).catch(() => undefined)));
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  const [ra, rb] = await Promise.all([a, b].map(realPath));
  return ra === rb;
}

async function realPath(file: string): Promise<string> {
  const full = path.resolve(file);
  try {
    return await fs.realpath(full);
  } catch {
    const folder = await fs.realpath(path.dirname(full)).catch(() => path.dirname(full));
    return path.join(folder, path.basename(full));
  }
}

/**
 * Refuses, before any work, an output path that can't be a file: a folder, a path through a file
 * ("plan.json/out.xlsx") or a symlink loop. Folders that don't exist yet are made when writing.
 */
export async function requireWritablePath(output: string): Promise<void> {
  let failure: unknown;
  const here = await fs.stat(output).catch((e: unknown) => void (failure = e));
  if (here) {
    if (here.isDirectory())
      throw new FileProblem(`${output} is a folder, not a file; give the name of the file to write in it.`);
    // Written by renaming a new file over it: a device such as /dev/null would be replaced, not written to.
    if (!here.isFile())
      throw new FileProblem(
        `${output} is not a regular file (a device, pipe or socket); give the name of a file to write.`,
      );
    // Marked read-only (Windows' Read-only box, or no write permission for anyone): someone meant to keep it
    // as it is. The new file is renamed over the old one, which a folder's permissions would otherwise allow.
    if ((here.mode & 0o222) === 0)
      throw new FileProblem(`${output} is read-only; clear its read-only setting, or give another file to write.`);
    return;
  }
  if ((failure as NodeJS.ErrnoException)?.code === 'ELOOP')
    throw new FileProblem(`${output}: can't write it (${systemReason(failure)}).`);
  for (let folder = path.dirname(path.resolve(output)); ; folder = path.dirname(folder)) {
    const stat = await fs.stat(folder).catch(() => undefined);
    if (stat && !stat.isDirectory())
      throw new FileProblem(`${output}: can't write it: ${folder} is a file, not a folder.`);
    if (stat || folder === path.dirname(folder)) return;
  }
}
