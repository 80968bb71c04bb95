/** Below this a terminal is too narrow to keep the options' column; help still wraps, only less neatly. */
const NARROWEST = 40;
/** The least room text gets beside its prefix; with less it starts on the next line instead. */
const LEAST_ROOM = 20;

/** The width help is wrapped to: the terminal's, or 80 when output is not a terminal. */
export function helpWidth(columns: number | undefined): number {
  return Math.max(NARROWEST, columns && columns > 0 ? columns : 80);
}

/**
 * `prefix` then `text`, broken between words to fit `width`, later lines indented under the text
 * so an option's help stays in its column. A word longer than the line (a path) is left whole:
 * cutting it would make it uncopyable.
 */
export function hanging(prefix: string, text: string | readonly string[], width: number): string {
  if (prefix.length + LEAST_ROOM > width) return `${prefix.trimEnd()}\n${hanging('      ', text, width)}`;
  const pad = ' '.repeat(prefix.length);
  const lines: string[] = [];
  let line = prefix;
  const words = typeof text === 'string' ? text.split(/\s+/).filter(Boolean) : text;
  for (const word of words) {
    const fresh = line === prefix || line === pad;
    const next = fresh ? `${line}${word}` : `${line} ${word}`;
    if (next.length > width && !fresh) {
      lines.push(line);
      line = `${pad}${word}`;
    } else line = next;
  }
  return [...lines, line].join('\n');
}

/** A usage line's words, an optional part in brackets ("[--year 2023/24]") kept as one so it reads whole. */
export function usageWords(usage: string): string[] {
  return usage.match(/\[[^\]]*\]\S*|\S+/g) ?? [];
}
