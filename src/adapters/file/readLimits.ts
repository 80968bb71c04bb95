/**
 * What the readers take on, in one place. Any file within MAX_INPUT_BYTES is answered in seconds
 * with well under 1 GB of memory: a workbook that would unpack or spread beyond these is refused
 * with a sentence saying so, rather than read until the process runs out of memory.
 */
export const READ_LIMITS = {
  /** The largest file read at all (a 1,000-scheme plan with its cards is 11 MB). */
  inputBytes: 50 * 1024 * 1024,
  /**
   * What the parts read from one workbook may unpack to, all together: a 50 MB file can hold
   * gigabytes of XML (a "zip bomb"). The largest workbook the add-in makes unpacks to about 65 MB.
   */
  unpackedBytes: 256 * 1024 * 1024,
  /** Cells with a value or formula, in all sheets together (the 1,000-scheme workbook has 773,000). */
  cells: 5_000_000,
  /** Cells one sheet's merged ranges may copy their top-left value into. */
  mergedCells: 1_000_000,
  /** Rows and columns a sheet's grid is filled out to with blanks; beyond it, gaps stay gaps. */
  denseColumns: 1024,
  denseRows: 65_536,
} as const;

export const MB = 1024 * 1024;
