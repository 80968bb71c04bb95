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
  /**
   * Columns read: A to AMJ, as LibreOffice had for years. Every sheet the add-in makes, and every
   * scheme table people type, is far narrower; cells further right are left out (and counted), since
   * each row is held as an array from column A and 20,000 cells in column XFD would be 327 million places.
   */
  columns: 1024,
  /** Places in rows (each row from column A to its last cell), all sheets together, beyond which a file is refused. */
  gridPlaces: 12_000_000,
  /** Rows given an empty array when they have no cells; further gaps stay holes. */
  denseRows: 65_536,
} as const;

export const MB = 1024 * 1024;
