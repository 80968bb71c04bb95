import { dayOf, type Day } from './jointFunding';

/**
 * The one place the code reads the clock. Layouts, readers and domain rules take the day as an
 * argument, so a workbook is a function of its plan and that day; only the edges (a CLI command, the
 * pane's session, the preview) call this, once, and pass the day down.
 */
export function today(): Day {
  const now = new Date();
  return dayOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
