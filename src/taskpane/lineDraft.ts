import type Decimal from 'decimal.js';
import { amountProblem, parseAmount } from '../domain/amountText';
import type { ExpenditureLine } from '../domain/expenditure';
import { formatPounds, HUNDRED } from '../domain/money';
import type { Commissioner, SchemeStatus, SourceId } from '../domain/templateVocabulary';
import { amountText } from './shownAmount';

/**
 * One expenditure line as the line editor holds it while a person types: every figure as text.
 * `lineFromDraft` turns it into a line, or names each field that can't be used; only a line with
 * no errors reaches the plan.
 */
export interface LineDraft {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly schemeType: string;
  readonly subType: string;
  readonly schemeTypeOther: string;
  readonly areaOfSpend: string;
  readonly areaOfSpendOther: string;
  readonly commissioner: Commissioner;
  readonly nhsPercent: string;
  readonly provider: string;
  readonly source: SourceId;
  /** By year label. */
  readonly spend: Readonly<Record<string, string>>;
  readonly status: SchemeStatus | '';
  /** What the editor doesn't show, carried from the line being edited. */
  readonly outputs: ExpenditureLine['outputs'];
  readonly scheme?: string;
}

/** The editor's fields an error can be under; a year's spend is `spend:<year>`. */
export type DraftField =
  'name' | 'schemeType' | 'schemeTypeOther' | 'areaOfSpendOther' | 'nhsPercent' | `spend:${string}`;

export interface CheckedDraft {
  readonly line?: ExpenditureLine;
  readonly errors: Readonly<Partial<Record<DraftField, string>>>;
  /** Fields in error only because they are blank: said once the person tries to save, not while they type. */
  readonly blank: ReadonlySet<DraftField>;
}

export function draftFromLine(line: ExpenditureLine, years: readonly string[]): LineDraft {
  return {
    id: line.id,
    name: line.name,
    description: line.description,
    schemeType: line.schemeType,
    subType: line.subType,
    schemeTypeOther: line.schemeTypeOther,
    areaOfSpend: line.areaOfSpend,
    areaOfSpendOther: line.areaOfSpendOther,
    commissioner: line.commissioner,
    nhsPercent: line.nhsPercent?.toString() ?? '',
    provider: line.provider,
    source: line.source,
    spend: Object.fromEntries(years.map((y) => [y, amountText(line.spend[y])])),
    status: line.status ?? '',
    outputs: line.outputs,
    scheme: line.scheme,
  };
}

/** A new line: the next Scheme ID after the highest number in use, nothing else filled in. */
export function newDraft(lines: readonly ExpenditureLine[], years: readonly string[]): LineDraft {
  const highest = Math.max(0, ...lines.map((l) => Number(/^\d+/.exec(l.id.trim())?.[0] ?? 0)));
  return draftFromLine(
    {
      id: String(highest + 1),
      name: '',
      description: '',
      schemeType: '',
      subType: '',
      schemeTypeOther: '',
      outputs: {},
      areaOfSpend: '',
      areaOfSpendOther: '',
      commissioner: 'LA',
      provider: '',
      source: 'nhsMinimum',
      spend: {},
      status: 'new',
    },
    years,
  );
}

/** % NHS as typed ("60", "60%", "33.5"); undefined when blank or not a number from 0 to 100. */
function readPercent(text: string): { value?: Decimal; problem?: string } {
  const typed = text.trim().replace(/\s*%$/, '');
  if (typed === '') return { problem: 'Enter the share the NHS commissions, from 0 to 100.' };
  const value = parseAmount(typed);
  if (value === undefined) return { problem: `% NHS must be a number from 0 to 100; "${text}" is not a number.` };
  if (value.isNegative() || value.greaterThan(HUNDRED))
    return { problem: `% NHS must be from 0 to 100, not ${value.toString()}.` };
  return { value };
}

/** % LA as the editor shows it: what the NHS doesn't commission, for a Joint line whose % NHS reads. */
export function laPercentText(draft: LineDraft): string {
  if (draft.commissioner !== 'Joint') return '';
  const nhs = readPercent(draft.nhsPercent).value;
  return nhs ? HUNDRED.minus(nhs).toString() : '';
}

function spendOf(draft: LineDraft, years: readonly string[], errors: Partial<Record<DraftField, string>>) {
  const spend: Record<string, Decimal> = {};
  for (const y of years) {
    const text = draft.spend[y] ?? '';
    if (text.trim() === '') continue;
    const value = parseAmount(text);
    if (value === undefined)
      errors[`spend:${y}`] = `The ${y} spend must be an amount such as 1,057,451; ${amountProblem(text)}`;
    else if (value.isNegative()) errors[`spend:${y}`] = `The ${y} spend is £0 or more, not ${formatPounds(value)}.`;
    else spend[y] = value;
  }
  return spend;
}

export function lineFromDraft(draft: LineDraft, years: readonly string[]): CheckedDraft {
  const errors: Partial<Record<DraftField, string>> = {};
  const blank = new Set<DraftField>();
  const need = (field: DraftField, text: string, message: string) => {
    if (text.trim()) return;
    errors[field] = message;
    blank.add(field);
  };
  need('name', draft.name, 'Give the line a name.');
  need('schemeType', draft.schemeType, 'Choose a scheme type.');
  if (draft.schemeType === 'Other') need('schemeTypeOther', draft.schemeTypeOther, 'Say what the scheme type is.');
  if (draft.areaOfSpend === 'Other') need('areaOfSpendOther', draft.areaOfSpendOther, 'Say what the area of spend is.');
  let nhsPercent: Decimal | undefined;
  if (draft.commissioner === 'Joint') {
    const read = readPercent(draft.nhsPercent);
    if (read.problem) errors.nhsPercent = read.problem;
    if (!draft.nhsPercent.trim()) blank.add('nhsPercent');
    nhsPercent = read.value;
  }
  const spend = spendOf(draft, years, errors);
  if (Object.keys(errors).length) return { errors, blank };
  const line: ExpenditureLine = {
    id: draft.id.trim(),
    name: draft.name.trim(),
    description: draft.description.trim(),
    schemeType: draft.schemeType,
    subType: draft.subType.trim(),
    schemeTypeOther: draft.schemeType === 'Other' ? draft.schemeTypeOther.trim() : '',
    outputs: draft.outputs,
    areaOfSpend: draft.areaOfSpend,
    areaOfSpendOther: draft.areaOfSpend === 'Other' ? draft.areaOfSpendOther.trim() : '',
    commissioner: draft.commissioner,
    // % LA is shown as the complement, so the pane never stores a pair that disagrees.
    ...(nhsPercent ? { nhsPercent } : {}),
    provider: draft.provider.trim(),
    source: draft.source,
    spend,
    ...(draft.status ? { status: draft.status } : {}),
    ...(draft.scheme ? { scheme: draft.scheme } : {}),
  };
  return { line, errors, blank };
}
