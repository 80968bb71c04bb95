import { icbContributionsCommand, registerImportCommand } from './jointFundingCommands';
import { quarterActualsCommand, refreshCardsCommand, reportingQuarterCommand } from './cardCommands';
import { generateCommand, startPlanCommand } from './commands';
import { poolCommand } from './poolCommands';

/**
 * Every command that changes a workbook, by name: each makes a WorkbookCommand, run only through
 * the one transaction (`runCommand`). test/workbookTransaction.test.ts runs each against a host
 * that allows nothing else, and fails on a command module that makes one not listed here; the
 * Office failure check (scripts/office-failure-check.js) fails their requests one by one.
 */
export const WORKBOOK_COMMANDS = {
  startPlan: startPlanCommand,
  generate: generateCommand,
  pool: poolCommand,
  icbContributions: icbContributionsCommand,
  registerImport: registerImportCommand,
  refreshCards: refreshCardsCommand,
  quarterActuals: quarterActualsCommand,
  reportingQuarter: reportingQuarterCommand,
} as const;

export type CommandName = keyof typeof WORKBOOK_COMMANDS;
