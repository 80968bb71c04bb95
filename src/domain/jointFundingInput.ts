import type Decimal from 'decimal.js';
import { realDay, type Basis, type Day, type JointPackage, type Split, type Task } from './jointFunding';
import type { PackageField } from './jointFundingChecks';
import { parseAmount } from './amountText';
import { Money } from './money';

/**
 * Reading a package from cells as people type them and case-management systems export them, shared
 * by the workbook's register reader and the import: dates as dd/mm/yyyy, yyyy-mm-dd or Excel serials,
 * money as 1234.5 or "£1,234.50", split methods and funding bases in their common spellings.
 */
export type CellValue = string | number | boolean | null | undefined;

/**
 * Numbers, or text as exports write money: "1234.5", "£1,234.50", read as the plan's amounts are
 * (commas only between groups of three), so a continental "1234,50" is refused, never 123450.
 * At most two decimal places is checked later. Kept apart from the JSON schema, which brings zod:
 * the workbook readers use it, and loading zod cost the audit a tenth of a second at every start.
 */
function parseMoney(value: unknown): Decimal | undefined {
  if (typeof value === 'string' && !value.trim()) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  // plus(0) makes "-0" the zero it is.
  return parseAmount(value)?.plus(0);
}

/** A package's cells by field; minutes are totals, as exports give them (the register's come from its tasks). */
export type PackageCells = Partial<Record<PackageField | 'healthMinutes' | 'socialMinutes', CellValue>>;

export interface CellIssue {
  readonly field: PackageField;
  readonly message: string;
}

// Excel serials from 1 Jan 1990 to 31 Dec 2099: a wider number is more likely a typo than a date.
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73415;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month written as a word: its first three letters at least, as far as they go ("Apr", "Sept", "April"). */
function monthOfWord(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const index = w.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(w)) : -1;
  return index < 0 ? undefined : index + 1;
}

/** A two-digit year as Excel reads one typed into a cell: 00 to 29 are 2000 to 2029, 30 to 99 are 1930 to 1999. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/**
 * The time of day after a date, as systems stamp when a record was entered ("2023-04-01 09:30:00.000",
 * "01/04/2023 14:05"): the package is on that day whatever the time.
 */
const TIME = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?`;

/**
 * A date from a cell: an Excel serial, dd/mm/yyyy (or dd-mm-yyyy, dd.mm.yyyy, and with a two-digit
 * year as a d/m/yy format saves to CSV), yyyy-mm-dd, or with the month in words ("1-Apr-24",
 * "01 April 2024"), which Excel's CSV save writes for a date formatted d-mmm-yy.
 */
export function parseDay(value: CellValue): Day | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= SERIAL_MIN && value <= SERIAL_MAX ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  const iso = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]${TIME}Z?)?$`).exec(t);
  if (iso) return realDay(Number(iso[1]), Number(iso[3]), Number(iso[4]));
  const uk = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: ${TIME})?$`).exec(t);
  if (uk) return realDay(fullYear(uk[3]), Number(uk[2]), Number(uk[1]));
  const worded = /^(\d{1,2})(?:st|nd|rd|th)?[\s/.-]+([A-Za-z]+\.?)[\s/.-]+(\d{4}|\d{2})$/.exec(t);
  const month = worded ? monthOfWord(worded[2]) : undefined;
  if (worded && month) return realDay(fullYear(worded[3]), month, Number(worded[1]));
  if (/^\d{5}$/.test(t)) return parseDay(Number(t));
  return undefined;
}

const BASIS_WORDS: readonly [RegExp, Basis][] = [
  [/^(s\.?\s?117|section\s*117)/i, 's117'],
  [/^care\s*act/i, 'careAct'],
  [/^other/i, 'other'],
];

export function parseBasis(value: CellValue): Basis | undefined {
  const t = String(value ?? '').trim();
  return BASIS_WORDS.find(([re]) => re.test(t))?.[1];
}

/** 50 hours 50 minutes as a fraction of a day: what Excel makes of "50:50" typed into a cell. */
const FIFTY_FIFTY_AS_TIME = (50 * 60 + 50) / (24 * 60);

type MethodReading = { method: Split['method']; icbPercent?: Decimal } | { error: string };

/**
 * Which share a ratio such as "60:40" gives first: the council's unless its column says otherwise
 * ("Split (Health/Social Care)", "ICB:LA split"), see ratioOrderOf.
 */
export type RatioOrder = 'councilFirst' | 'icbFirst';

const HEALTH_PARTY = String.raw`(?:health|icb|ccg|nhs)`;
const COUNCIL_PARTY = String.raw`(?:social\s*care|council|la|local\s*authority|asc)`;
const BETWEEN_PARTIES = String.raw`\s*(?:[/:\\-]|\bv\b|\bvs\.?)\s*`;
const SPLIT_WORD = /split|ratio|share|%|funding|contribution/i;
const HEALTH_THEN_COUNCIL = new RegExp(String.raw`\b${HEALTH_PARTY}${BETWEEN_PARTIES}${COUNCIL_PARTY}\b`, 'i');
const COUNCIL_THEN_HEALTH = new RegExp(String.raw`\b${COUNCIL_PARTY}${BETWEEN_PARTIES}${HEALTH_PARTY}\b`, 'i');

/**
 * The order a split column's header names the two parties in ("Split (Health/Social Care)", "LA:ICB
 * split"), or undefined when it names neither pair: a plain "Funding split" column is read council:ICB.
 */
export function ratioOrderOf(header: CellValue): RatioOrder | undefined {
  const text = String(header ?? '');
  // "Primary need (Health/Social care)" names the parties too, but is no split.
  if (!SPLIT_WORD.test(text)) return undefined;
  if (HEALTH_THEN_COUNCIL.test(text)) return 'icbFirst';
  if (COUNCIL_THEN_HEALTH.test(text)) return 'councilFirst';
  return undefined;
}

/** The two numbers of a ratio as a split is written, "40:60", "40/60" or "40%:60%" (index 1 and 2), or null. */
export function ratioParts(value: CellValue): RegExpExecArray | null {
  return /^(\d+(?:\.\d+)?)\s*%?\s*[:/]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(String(value ?? '').trim());
}

/**
 * A split method as people write it: blank (the ICB's default), "50:50" (or "Equal 50:50", "50/50"),
 * "Fixed" (or "Fixed share"), a ratio "40:60" (or "40%/60%") read as council:ICB unless `order`
 * says the ICB's share comes first, "Panel", "Time to task".
 */
export function parseMethod(value: CellValue, order: RatioOrder = 'councilFirst'): MethodReading {
  if (value === null || value === undefined || (typeof value === 'string' && !value.trim()))
    return { method: 'default' };
  if (typeof value === 'number' && Math.abs(value - FIFTY_FIFTY_AS_TIME) < 1e-9) return { method: 'equal' };
  const t = String(value).trim().toLowerCase();
  if (/^(equal\s*)?50\s*[:/]\s*50$|^equal/.test(t)) return { method: 'equal' };
  const ratio = ratioParts(t);
  if (ratio) {
    const [council, icb] = (order === 'icbFirst' ? [ratio[2], ratio[1]] : [ratio[1], ratio[2]]).map(
      (n) => new Money(n),
    );
    const write = order === 'icbFirst' ? 'ICB:council, as the column is headed' : 'council:ICB';
    if (!council.plus(icb).equals(100))
      return { error: `the split "${String(value).trim()}" doesn't add up to 100; write ${write}, e.g. 60:40.` };
    return { method: 'fixed', icbPercent: icb };
  }
  if (/^fixed/.test(t)) return { method: 'fixed' };
  if (/panel|case.by.case|dst/.test(t)) return { method: 'panel' };
  if (/time.to.task|minutes/.test(t)) return { method: 'timeToTask' };
  if (/^default|^rule|^icb default/.test(t)) return { method: 'default' };
  return {
    error: `the split method "${String(value).trim()}" isn't one of 50:50, Fixed (or a share such as 60:40, council:ICB), Panel or Time to task.`,
  };
}

function text(value: CellValue): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

function amount(value: CellValue): Decimal | undefined {
  return typeof value === 'boolean'
    ? undefined
    : parseMoney(typeof value === 'string' ? value.replace(/%$/, '') : (value ?? undefined));
}

/**
 * A package from its cells, or the reasons it can't be read. Checks that need the whole register
 * (duplicate references, an ICB with no rule, an end before the start) are checkJointFunding's.
 */
export function packageFromCells(
  cells: PackageCells,
  tasks?: readonly Task[],
  order: RatioOrder = 'councilFirst',
): { pkg?: JointPackage; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const fail = (field: PackageField, message: string) => issues.push({ field, message });
  const basis = parseBasis(cells.basis);
  if (!basis)
    fail(
      'basis',
      text(cells.basis)
        ? `the funding basis "${text(cells.basis)}" isn't s117, Care Act or Other.`
        : 'the funding basis is blank; write s117, Care Act or Other.',
    );
  const start = parseDay(cells.start);
  if (start === undefined)
    fail(
      'start',
      `the start date ${text(cells.start) ? `"${text(cells.start)}" isn't a date` : 'is blank'}; write it as dd/mm/yyyy or yyyy-mm-dd.`,
    );
  const end = text(cells.end) ? parseDay(cells.end) : null;
  if (end === undefined)
    fail(
      'end',
      `the end date "${text(cells.end)}" isn't a date; write it as dd/mm/yyyy or yyyy-mm-dd, or leave it blank if the package is ongoing.`,
    );
  const weeklyCost = amount(cells.weeklyCost);
  if (weeklyCost === undefined || !text(cells.weeklyCost))
    fail(
      'weeklyCost',
      `the weekly cost ${text(cells.weeklyCost) ? `"${text(cells.weeklyCost)}" isn't an amount` : 'is blank'}; write it as 1234.50 or £1,234.50.`,
    );
  const split = splitFromCells(cells, tasks, fail, order);
  if (issues.length || !basis || start === undefined || end === undefined || !weeklyCost || !split) return { issues };
  return {
    pkg: {
      ref: text(cells.ref),
      person: text(cells.person),
      basis,
      icb: text(cells.icb),
      start,
      end,
      weeklyCost,
      split,
    },
    issues,
  };
}

function splitFromCells(
  cells: PackageCells,
  tasks: readonly Task[] | undefined,
  fail: (field: PackageField, message: string) => void,
  order: RatioOrder,
): Split | undefined {
  const reading = parseMethod(cells.method, order);
  if ('error' in reading) return void fail('method', reading.error);
  const percentText = text(cells.icbPercent);
  const percent = percentText ? amount(cells.icbPercent) : reading.icbPercent;
  if (percentText && percent === undefined)
    return void fail('icbPercent', `the ICB share "${percentText}" isn't a percentage; write it as 40 or 40%.`);
  switch (reading.method) {
    case 'default':
      // A share with no method is a fixed share: the export states the split without naming it.
      return percent ? { method: 'fixed', icbPercent: percent } : { method: 'default' };
    case 'equal':
      return { method: 'equal' };
    case 'fixed':
      return percent
        ? { method: 'fixed', icbPercent: percent }
        : void fail('icbPercent', 'the split is a fixed share but the ICB share (%) is blank.');
    case 'panel': {
      if (!percent)
        return void fail('icbPercent', 'the split was agreed by a panel but the ICB share (%) it agreed is blank.');
      // Exports rarely carry the panel's date: a blank one is a warning (checkPackage), the package still counts.
      const decided = text(cells.decided) ? parseDay(cells.decided) : null;
      if (decided === undefined)
        return void fail(
          'decided',
          `the panel's decision date "${text(cells.decided)}" isn't a date; write it as dd/mm/yyyy, or leave it blank.`,
        );
      return { method: 'panel', icbPercent: percent, decided };
    }
    case 'timeToTask':
      return { method: 'timeToTask', tasks: tasks ?? minutesAsTasks(cells, fail) ?? [] };
  }
}

function minutesAsTasks(cells: PackageCells, fail: (field: PackageField, message: string) => void): Task[] | undefined {
  const health = amount(cells.healthMinutes);
  const social = amount(cells.socialMinutes);
  if (health === undefined || social === undefined || !text(cells.healthMinutes) || !text(cells.socialMinutes)) {
    return void fail(
      'tasks',
      'the split is time to task but the health minutes or social care minutes are blank or not numbers.',
    );
  }
  return [
    { task: 'Health-related tasks', minutes: health, health: true },
    { task: 'Social care tasks', minutes: social, health: false },
  ];
}
