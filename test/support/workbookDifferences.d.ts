/** Types for workbookDifferences.js (plain CommonJS so scripts can use it too). */
import type { FakeWorkbook } from './officeRecorder';

export function bookDifferences(
  before: FakeWorkbook,
  after: FakeWorkbook,
  options?: { only?: Iterable<string>; chartNames?: boolean },
): string[];
export function leftovers(
  before: FakeWorkbook,
  after: FakeWorkbook,
  isBookkeeping: (sheet: string) => boolean,
): string[];
