import { parse } from 'csv-parse/sync';

/** The rows of a CSV export as text, one per record, blank lines kept so row numbers are the ones a spreadsheet shows. */
export function csvRows(text: string): string[][] {
  return parse(text, {
    delimiter: csvDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // Any of the three line endings, mixed in one file: told one, csv-parse reads a lone CR as text and joins two rows.
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
  }) as string[][];
}

/** What separates fields in the CSV exports people bring: commas, semicolons (Excel where the decimal mark is a comma) or tabs. */
const DELIMITERS = [',', ';', '\t'] as const;
const LINES_LOOKED_AT = 20;

/**
 * The delimiter of an export: the one that splits some line of its first 20 (the header row need
 * not be the first) into the most fields, outside quoted text; commas when none splits any line.
 */
export function csvDelimiter(text: string): string {
  const most = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  const count = new Map<string, number>();
  for (let i = 0; i < text.length && lines < LINES_LOOKED_AT; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      for (const [d, n] of count) most.set(d, Math.max(most.get(d)!, n));
      count.clear();
      lines++;
    } else if (!quoted && most.has(ch)) count.set(ch, (count.get(ch) ?? 0) + 1);
  }
  for (const [d, n] of count) most.set(d, Math.max(most.get(d)!, n));
  return DELIMITERS.reduce((best, d) => (most.get(d)! > most.get(best)! ? d : best), DELIMITERS[0]);
}
