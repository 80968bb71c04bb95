/**
 * What a number format does to the figure a cell shows, as far as an audit of printed figures
 * needs it: how many decimals are shown, whether it is a percentage (the value × 100), whether
 * trailing commas scale it (each "," after the digits divides by 1,000), and whether negatives are
 * shown in brackets. Only the first (positive) section decides decimals and scale.
 */
export interface ShownFormat {
  readonly decimals: number;
  readonly percent: boolean;
  /** Powers of 1,000 the format divides by ("#,##0," shows thousands). */
  readonly thousands: number;
  readonly pounds: boolean;
  readonly general: boolean;
}

const GENERAL: ShownFormat = { decimals: -1, percent: false, thousands: 0, pounds: false, general: true };
const cache = new Map<string, ShownFormat>();

export function shownFormat(format: string | null | undefined): ShownFormat {
  if (!format || format === 'General' || format === '@') return GENERAL;
  let known = cache.get(format);
  if (!known) cache.set(format, (known = parse(format)));
  return known;
}

function parse(format: string): ShownFormat {
  const first = firstSection(format);
  // Quoted text, escaped characters and [colour]/[$£-809] sections are shown as they are.
  const literal = first.replace(/"[^"]*"/g, (q) => (q.includes('£') ? '£' : '')).replace(/\[\$([^\]-]*)[^\]]*]/g, '$1');
  const code = literal.replace(/\[[^\]]*]/g, '').replace(/_.|\*./g, '');
  if (!/[0#?]/.test(code)) return { ...GENERAL, pounds: code.includes('£') };
  const decimalsPart = /\.([0#?]+)/.exec(code);
  const afterDigits = /[0#?](,+)(?![0#?])/.exec(code);
  return {
    decimals: decimalsPart ? decimalsPart[1].length : 0,
    percent: code.includes('%'),
    thousands: afterDigits ? afterDigits[1].length : 0,
    pounds: code.includes('£'),
    general: false,
  };
}

function firstSection(format: string): string {
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) return format.slice(0, i);
  }
  return format;
}
