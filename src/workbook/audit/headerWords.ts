import type Decimal from 'decimal.js';
import { Money } from '../../domain/money';
import { FOOTNOTE_MARKS } from './typedCell';

/**
 * The words people head scheme-table columns with, and what each column then holds. Every
 * synonym lives here: the table finder, the audit and the import all read headers through it.
 */
export type Role = 'cost' | 'poolShare' | 'change' | 'saving' | 'count' | 'unitCost' | 'baseline';

/** Which unit cost prices a count column: one of the plan's named unit costs, or none known. */
export type Measure = 'NEL' | 'CareHome' | 'Reablement' | 'DTOC' | 'other';

/** Columns that name or describe a scheme rather than hold its figures (for import). */
export type LabelRole =
  'ref' | 'name' | 'type' | 'group' | 'tier' | 'inPool' | 'fundingSource' | 'commissioner' | 'provider' | 'description';

/** A header as one line: wrapped text joined, footnote marks dropped, lower case. */
export function normalHeader(raw: string): string {
  return raw
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/\s*\(?[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+\)?(?=\s|$|\))/g, '')
    .replace(FOOTNOTE_MARKS, '')
    .trim()
    .toLowerCase();
}

const MONEY_WORDS =
  /£|\bcost\b|\bspend\b|\bexpenditure\b|\binvestment\b|\bsaving|\bvalue\b|\bamount\b|\bbudget\b|\bfunding\b/;
const COUNT_NOUNS =
  /admissions?|\badm\b|\badms\b|bed ?days?|\bpatients?\b|\bpackages?\b|\bpoc\b|placements?|attendances?|\bactivity\b|\bepisodes?\b|\bpeople\b|\bdtoc\b|\bnel\b|non-elective|reablement effectiveness/;
const COUNT_WORDS =
  /\bno\b\.?|\bnumber\b|\bnos?\b|reduced|reduction|avoided|fewer|\bred\b\.?|effectiveness|\bactivity\b|\bdtoc\b|\bnel\b|bed ?days|\bpatients?\b|admissions?|\badm\b/;

/** The role a header gives its column, or undefined for a label or a column the audit leaves alone. */
export function classifyHeader(raw: string): Role | undefined {
  const h = normalHeader(raw);
  if (!h || /\bref\b|^tier|^id$|\bfte\b|\bwte\b|\bheadcount\b/.test(h)) return undefined;
  if (/%|\bper ?cent|\bshare\b|\bproportion\b/.test(h)) {
    if (/pool|of (the )?(total )?bcf\b|bcf (allocation|total)/.test(h)) return 'poolShare';
    if (isYearOnYear(h)) return undefined;
    if (/change|reduction|share of (the )?total|of total|\bshare\b/.test(h) && !MONEY_WORDS.test(h)) return 'change';
    return undefined;
  }
  if (/saving|impact at|financial (benefit|impact)|cash releas|benefit \(?£/.test(h)) return 'saving';
  if (/unit cost|cost per|\bper (admission|adm|bed|package|patient|unit)|average cost/.test(h)) return 'unitCost';
  if (/\bbaseline\b/.test(h)) return COUNT_NOUNS.test(h) ? 'baseline' : undefined;
  if (
    /\bcost\b|\bcosts\b|\binvestment\b|\bexpenditure\b|\bspend\b|\bbudget\b|\bamount\b \(?£|^£|^totals?\b[^%]*£/.test(
      h,
    ) &&
    !/per /.test(h)
  )
    return 'cost';
  if (COUNT_NOUNS.test(h) && COUNT_WORDS.test(h) && !/£/.test(h)) return 'count';
  return undefined;
}

function isYearOnYear(h: string): boolean {
  return /year[- ]on[- ]year|\byoy\b|on (last|previous|prior) year|\bvs\b|\bfrom\b|since|\bvariance\b|(19|20)\d\d/.test(
    h,
  );
}

/** Which of the plan's unit costs prices a count column headed so. */
export function measureOf(raw: string): Measure {
  const h = normalHeader(raw);
  if (/care ?h(ome)?\b|residential|nursing home|\bch\b/.test(h)) return 'CareHome';
  if (/reablement|\bpoc\b|packages? of care/.test(h)) return 'Reablement';
  if (/dtoc|delayed|bed ?days?/.test(h)) return 'DTOC';
  if (/\bnel\b|non-elective|non elective|emergency|admissions?|\badm\b/.test(h)) return 'NEL';
  return 'other';
}

/** What a column that holds no figures says about each scheme, for import. */
export function classifyLabel(raw: string): LabelRole | undefined {
  const h = normalHeader(raw);
  if (!h) return undefined;
  if (/\bref\b|\bid\b|scheme (no|number|code)|^no\.?$|^code$|^#$/.test(h)) return 'ref';
  if (/in (the )?(bcf )?pool|pool\?|^pooled|^bcf pool$/.test(h)) return 'inPool';
  if (/source of funding|funding source|^source$|funded (by|from)/.test(h)) return 'fundingSource';
  if (/commissioner|commissioned by|^lead\b/.test(h)) return 'commissioner';
  if (/provider|provided by|delivered by/.test(h)) return 'provider';
  if (/\btype\b|category|service area/.test(h)) return 'type';
  if (/^tiers?\b/.test(h)) return 'tier';
  if (/\bgroup\b|\btheme\b|\bprogramme\b|\bworkstream\b/.test(h)) return 'group';
  if (/description|detail|summary|notes?\b/.test(h)) return 'description';
  if (/scheme|name|service|project|initiative|title/.test(h)) return 'name';
  return undefined;
}

/** The quarter a header names ("Q1", "Quarter 2"), as "Q1"..."Q4", whatever year it names too. */
export function quarterOf(raw: string): string | undefined {
  const h = normalHeader(raw);
  const quarter = /\bq([1-4])\b/.exec(h) ?? /\bquarter ([1-4])\b/.exec(h);
  return quarter ? `Q${quarter[1]}` : undefined;
}

/** A year, quarter or "Total" in a header: the band of columns it belongs to. */
export function periodOf(raw: string): string | undefined {
  // "FY23/24", "FY 2023-24": finance's prefix for a financial year, glued to its digits or not.
  const h = normalHeader(raw).replace(/\bfy\s*(?=\d)/g, 'fy ');
  // "2023 to 2024" is how GOV.UK writes a financial year.
  const year = /\b(20\d\d)\s*(?:[/\-–]|\sto\s)\s*(\d{2}|20\d\d)\b/.exec(h);
  // "Total 2015-17" spans the years before it: the total of their columns.
  const span = year ? (Number(year[2].slice(-2)) - Number(year[1].slice(-2)) + 100) % 100 : 0;
  if (year && span > 1 && /\btotals?\b/.test(h)) return 'Total';
  if (year) return `${year[1]}/${year[2].slice(-2)}`;
  const short = /\b(\d{2})\s*[/\-–]\s*(\d{2})\b/.exec(h);
  if (short && Number(short[2]) === (Number(short[1]) + 1) % 100) return `20${short[1]}/${short[2]}`;
  const quarter = quarterOf(h);
  if (quarter) return quarter;
  const yearN = /\b(?:year|yr) ?(\d)\b/.exec(h);
  if (yearN) return `Year ${yearN[1]}`;
  if (/\btotals?\b/.test(h)) return 'Total';
  const single = /\b(20\d\d)\b/.exec(h);
  return single ? single[1] : undefined;
}

export const isTotalBand = (band: string) => band === 'Total';

/**
 * The scale a header or note gives money figures: £000s, £'000, £k, (£m), £ million. 1 when none.
 */
export function scaleOf(raw: string): number | undefined {
  const h = normalHeader(raw);
  if (/£ ?'?000'?s?\b|\(000s?\)|£ ?k\b|£ ?thousands?|in thousands|\bk£|\(£k\)/.test(h)) return 1e3;
  if (/£ ?m\b|£ ?millions?|in millions|\(£m\)|£ ?mn\b/.test(h)) return 1e6;
  return undefined;
}

export interface StatedUnitCost {
  readonly value: Decimal;
  readonly measure: Measure | undefined;
  /** Where the unit cost was read, for the message. */
  readonly where: string;
  /** The text qualifies it ("amended to reflect local cost"): figures are not checked against it. */
  readonly adjusted: boolean;
}

const UNIT_PATTERNS = [
  /(?:@|\bat\b|\bx\b|×)\s*£\s*(\d[\d,]*(?:\.\d+)?)/i,
  /unit cost[^£\d]{0,40}£?\s*(\d[\d,]*(?:\.\d+)?)/i,
  /\btariff\b[^\d]{0,40}?£\s*(\d[\d,]*(?:\.\d+)?)/i,
  /£\s*(\d[\d,]*(?:\.\d+)?)\s*(?:per|a|an|\/|for each|each)\s+(?:nel |non-elective |emergency |care home |bed |excess )?(?:admission|adm|bed|package|placement|day|patient|episode)/i,
  /cost per [a-z\s-]{0,40}(?:of|is|:|=)\s*£\s*(\d[\d,]*(?:\.\d+)?)/i,
];

/** A unit cost stated in a header or a note: "@ £1,490 per admission", "Saving at £2,004", "Unit cost: £265 a bed day". */
export function statedUnitCost(text: string, where: string): StatedUnitCost | undefined {
  const flat = text.replace(/\s+/g, ' ');
  for (const pattern of UNIT_PATTERNS) {
    const m = pattern.exec(flat);
    if (!m) continue;
    const value = new Money(m[1].replace(/,/g, ''));
    if (value.isZero()) continue;
    const tail = flat.slice(m.index);
    const measure = /admission|adm\b|\bnel\b/i.test(tail)
      ? measureOf(tail)
      : /bed day|dtoc/i.test(tail)
        ? 'DTOC'
        : /package|reablement/i.test(tail)
          ? 'Reablement'
          : undefined;
    return {
      value,
      measure,
      where,
      adjusted: /amended|adjusted|\bmff\b|local cost|varies|weighted|blended/i.test(flat),
    };
  }
  return undefined;
}
