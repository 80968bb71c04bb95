import type { ExpenditureLine, IncomeLine, Minimums } from '../../domain/expenditure';
import { ZERO } from '../../domain/money';
import { defaultUnitCosts } from '../../domain/newPlan';
import type { Plan, UnitCost } from '../../domain/plan';
import type { Problem } from '../../domain/problems';
import { FUNDING_SOURCES } from '../../domain/templateVocabulary';
import type { WorkbookSnapshot } from '../snapshot';
import { locateTemplate, type LocatedTemplate, type TemplateOptions } from './locateTemplate';
import { figureValue } from './templateFigures';

/**
 * A filled-in BCF planning template as the plan's template sections (income by source,
 * expenditure lines, minimums), and as a plan file that `bcf build` takes: the board from the
 * cover, the years from the columns or the title, the product's default NEL unit cost.
 */
export interface TemplateSections {
  readonly income: IncomeLine[];
  readonly expenditure: ExpenditureLine[];
  readonly minimums: Record<string, Minimums>;
}

export function templateSections(t: LocatedTemplate): TemplateSections {
  return { income: incomeLines(t), expenditure: t.lines.lines.map((l) => l.line), minimums: minimumsOf(t) };
}

/** One income line per source, its rows (a DFG per district council) summed, in the template's order. */
function incomeLines(t: LocatedTemplate): IncomeLine[] {
  const rows = t.income?.rows ?? [];
  return FUNDING_SOURCES.flatMap((s): IncomeLine[] => {
    const mine = rows.filter((r) => r.source === s.id);
    if (!mine.length) return [];
    const amounts: IncomeLine['amounts'] = Object.fromEntries(
      t.years.map((y) => [y, mine.reduce((sum, r) => sum.plus(r.amounts[y] ?? ZERO), ZERO)]),
    );
    const detail = [...new Set(mine.map((r) => r.detail).filter(Boolean))].join('; ');
    return [{ source: s.id, detail, amounts }];
  });
}

function minimumsOf(t: LocatedTemplate): Record<string, Minimums> {
  const out: Record<string, Minimums> = {};
  for (const r of t.blocks.required) {
    if (r.kind !== 'minimum') continue;
    const value = figureValue(r.figure);
    if (value) out[r.year] = { ...out[r.year], [r.spend]: value.times(r.scale) };
  }
  return out;
}

/** The unit cost every plan file needs: the product's default, said to be so (the template has none). */
export function defaultNelUnitCost(): UnitCost {
  return {
    ...defaultUnitCosts().find((u) => u.id === 'NEL')!,
    source:
      "The product's default (a typical value for England), not read from the template: replace it with your local unit cost and say where it comes from",
  };
}

export interface TemplateImport {
  readonly template: LocatedTemplate;
  readonly plan: Plan;
  readonly problems: readonly Problem[];
}

/** The plan a workbook's template holds, or undefined when the workbook has no expenditure line table. */
export function importTemplate(
  snapshot: WorkbookSnapshot,
  options: TemplateOptions & { readonly board?: string } = {},
): TemplateImport | undefined {
  const template = locateTemplate(snapshot, options);
  if (!template) return undefined;
  const board = options.board ?? template.board ?? 'Imported BCF template';
  const sections = templateSections(template);
  const years = template.years;
  const span = years.length > 1 ? `${years[0]} to ${years[years.length - 1]}` : (years[0] ?? '');
  const plan: Plan = {
    board,
    title: `${board} Better Care Fund plan ${span} (imported from the planning template)`,
    partners: [],
    years: years.map((label) => ({ label })),
    unitCosts: [defaultNelUnitCost()],
    schemes: [],
    targets: [],
    notes: [`Imported from the BCF planning template ('${template.lines.sheet}').`],
    income: sections.income,
    expenditure: sections.expenditure,
    minimums: sections.minimums,
  };
  return { template, plan, problems: template.problems };
}
