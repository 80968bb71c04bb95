export function randomJointPlanJson(seed: number, count: number): any;
