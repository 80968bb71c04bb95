import type { Day } from '../../src/domain/jointFunding';

/** The fixed day tests and checks lay workbooks out for: 1 October 2025. */
export const TEST_DAY: Day;
