/**
 * The text of a case-management export from its bytes, for the CLI and the pane alike (so no Node
 * Buffer): UTF-16 with or without its byte-order mark (some exporters leave it out), UTF-8, and
 * otherwise Windows-1252, which Excel's "CSV (Comma delimited)" writes on English Windows: read as
 * UTF-8, its £ would be a "�" and every amount unreadable.
 */
export function exportText(bytes: Uint8Array): string {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // Without the mark, every other byte of UTF-16's Latin text is zero.
  if (bytes.length >= 4 && a !== 0 && b === 0 && c !== 0 && d === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 4 && a === 0 && b !== 0 && c === 0 && d !== 0)
    return new TextDecoder('utf-16be').decode(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  try {
    // ignoreBOM keeps a UTF-8 mark in the text, where the CSV reader expects and drops it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
