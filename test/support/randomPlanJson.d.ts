/** A seeded, random but valid plan in the examples/*.json format (see randomPlanJson.js). */
export function randomPlanJson(seed: number, options?: { schemes?: number; years?: string[]; extraUnits?: number }): any;
