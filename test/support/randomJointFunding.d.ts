// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function randomJointPlanJson(seed: number, count: number): any;
