import { useState } from 'react';
import { financialYear, isFinancialYearLabel, yearLabel } from '../../../domain/financialYear';
import { financialYearOf } from '../../../domain/newPlan';
import type { PlanSession } from '../../session';

/** The "Start a plan" form's state: the board, the first year and how many, what is wrong with them, and starting. */
export function useStartPlan(session: PlanSession) {
  const [board, setBoard] = useState('');
  const [firstYear, setFirstYear] = useState(() => financialYearOf(new Date()));
  const [years, setYears] = useState('2');
  const [touched, setTouched] = useState(false);
  const boardError = board.trim() ? undefined : 'Enter the name of your Health and Wellbeing Board.';
  const first = isFinancialYearLabel(firstYear.trim()) ? financialYear(firstYear.trim()) : undefined;
  const yearError = first
    ? undefined
    : 'Write the first financial year as 2026/27, 2026-27 or 2026/2027 (April to March).';
  const count = Number(years);
  const last = first ? yearLabel(first.startYear + count - 1) : undefined;
  const start = () => {
    setTouched(true);
    if (!boardError && !yearError) session.startNew({ board, firstYear, years: count });
  };
  return {
    board,
    setBoard,
    firstYear,
    setFirstYear,
    years,
    setYears,
    touched,
    boardError,
    yearError,
    first,
    last,
    start,
  };
}
