import { EXCEL_LIMITS, SHEET_NAME_FORBIDDEN } from '../domain/excelLimits';

/** Why Excel would refuse a sheet name, in its own terms; undefined when it would take it. */
export function sheetNameProblem(name: string, others: readonly string[]): string | undefined {
  if (!name) return 'A sheet needs a name.';
  if (name.length > EXCEL_LIMITS.sheetName)
    return `A sheet name can be at most ${EXCEL_LIMITS.sheetName} characters long.`;
  if (new RegExp(SHEET_NAME_FORBIDDEN.source).test(name))
    return 'A sheet name can’t contain any of these characters: : \\ / ? * [ ]';
  if (/^'|'$/.test(name)) return 'A sheet name can’t begin or end with an apostrophe.';
  if (others.some((n) => n.toLowerCase() === name.toLowerCase()))
    return `There is already a sheet called “${name}”. Choose another name.`;
  return undefined;
}
