/**
 * What reading an .xlsx can fail with, in one module: callers tell a file to read another way
 * (NotForLeanReader) from one that can't be read at all (UnreadableXlsx).
 */

/**
 * Something in the file this lean reader leaves to ExcelJS (encryption, an unusual compression,
 * data tables...): the caller reads the file again the slow, thorough way.
 */
export class NotForLeanReader extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'NotForLeanReader';
  }
}

/** The file certainly can't be read (damaged, not a workbook, or too big unpacked): no point asking ExcelJS. */
export class UnreadableXlsx extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'UnreadableXlsx';
  }
}
