import type { Plan } from '../../domain/plan';
import type { SheetPlan } from '../sheetPlan';
import { checksLayout } from './checks';
import { poolLayout } from './pool';
import { riskLogLayout } from './riskLog';

/** The finance sheets that follow the year tables: the pool, the plan's checks and the risk log. */
export function poolSheets(plan: Plan): SheetPlan[] {
  const pool = poolLayout(plan);
  return [pool.sheet, checksLayout(plan, pool.geometry), riskLogLayout(plan)];
}
