import type { Plan } from '../../domain/plan';
import type { SheetPlan } from '../sheetPlan';
import { checksLayout } from './checks/checksLayout';
import { poolLayout } from './pool/poolLayout';
import { riskLogLayout } from './riskLog/riskLogLayout';

/** The finance sheets that follow the year tables: the pool, the plan's checks and the risk log. */
export function poolSheets(plan: Plan): SheetPlan[] {
  const pool = poolLayout(plan);
  return [pool.sheet, checksLayout(plan, pool.geometry), riskLogLayout(plan)];
}
