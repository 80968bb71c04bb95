import path from 'path';
import { loadPlan, loadSnapshot } from '../adapters/file/planFiles';
import type { Plan } from '../domain/plan';
import type { Problem } from '../domain/problems';
import { boardPlanFromWorkbook } from '../workbook/families/boardPlan';

/** One board's plan from a plan file, a workbook the add-in built, or a filled-in planning template. */
export async function readBoardPlan(file: string): Promise<{ plan: Plan; problems: readonly Problem[] }> {
  if (path.extname(file).toLowerCase() === '.json') return loadPlan(file);
  return boardPlanFromWorkbook(await loadSnapshot(file));
}
