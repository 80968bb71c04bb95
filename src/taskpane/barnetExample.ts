import example from '../../examples/barnet-2014-16.json';
import type { Plan } from '../domain/plan';
import { planFromJson } from '../domain/planJson';

/** The Barnet BCF plan 2014-16, bundled so a person can try the add-in on real published figures. */
export function barnetExample(): Plan {
  return planFromJson(example).plan;
}
