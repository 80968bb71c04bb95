import barnetJson from '../../examples/barnet-2014-16.json';
import { planFromJson } from '../../src/domain/planJson';
import type { Plan } from '../../src/domain/plan';

/** A fresh copy of the Barnet plan each call, so tests can change it freely. */
export function barnetJsonCopy(): any {
  return JSON.parse(JSON.stringify(barnetJson));
}

export function barnetPlan(): Plan {
  return planFromJson(barnetJsonCopy()).plan;
}
