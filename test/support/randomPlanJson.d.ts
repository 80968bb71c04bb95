/** A seeded, random but valid plan in the examples/*.json format (see randomPlanJson.js). */
export function randomPlanJson(
  seed: number,
  options?: { schemes?: number; years?: string[]; extraUnits?: number },
): any;
/** mulberry32: the same sequence of numbers in [0, 1) on every machine for a given seed. */
export function rng(seed: number): () => number;
