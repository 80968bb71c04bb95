import path from 'path';
import { loadPlan } from '../adapters/file/planFiles';
import type { Plan } from '../domain/plan';
import type { Problem } from '../domain/problems';

/**
 * One board's plan from whatever file it comes in: a plan file, a workbook the add-in built, or
 * NHS England's planning template as a board filled it in.
 */
export async function readBoardPlan(file: string): Promise<{ plan: Plan; problems: readonly Problem[] }> {
  if (path.extname(file).toLowerCase() === '.json') return loadPlan(file);
  return loadPlan(file);
}
