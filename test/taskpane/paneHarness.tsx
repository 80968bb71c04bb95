import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import fs from 'fs';
import path from 'path';
import { MemoryWorkbook } from '../../src/adapters/memory/memoryWorkbook';
import type { Plan } from '../../src/domain/plan';
import { planFromJson } from '../../src/domain/planJson';
import { loadPlanFromWorkbook, startPlan } from '../../src/workbook/commands';
import type { Decision } from '../../src/workbook/host';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { features } from '../../src/taskpane/features';
import { Pane } from '../../src/taskpane/Pane';
import { TEST_DAY } from '../support/testDay';

/**
 * What the rendered-pane tests share: a plan from examples/, the real pane showing chosen tabs over
 * the in-memory workbook (HyperFormula), and the plan read back from that workbook afterwards.
 */
export const WAIT = { timeout: 30000 };

export const examplePlan = (file: string): Plan =>
  planFromJson(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', file), 'utf8'))).plan;

/** Renders the pane with only `tabs` over `book` (the first tab open). */
export function renderPane(book: MemoryWorkbook, ...tabs: string[]): void {
  render(<Pane host={book} features={features.filter((f) => tabs.includes(f.id))} />);
}

export async function paneWith(plan: Plan, ...tabs: string[]): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  expect((await startPlan(book, plan, TEST_DAY)).status).toBe('done');
  renderPane(book, ...tabs);
  return book;
}

export async function workbookPlan(book: MemoryWorkbook): Promise<Plan> {
  const state = await loadPlanFromWorkbook(book);
  if (state.status !== 'loaded') throw new Error(state.status);
  return state.plan;
}

/** Presses a button once it can be pressed: the pane reads the workbook first, and a button is disabled while it does. */
export async function press(name: string | RegExp): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name }, WAIT);
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false), WAIT);
  fireEvent.click(button);
  return button;
}

/** Every cell value of the workbook, to compare before and after something that must write nothing. */
export const allValues = (book: MemoryWorkbook) => JSON.stringify(book.snapshot().sheets.map((s) => s.values));

/**
 * The in-memory workbook, with its writes held until `release` is called: a workbook slow enough
 * to see what the pane shows while a command runs. `updates` counts the commands that reached it.
 */
export class SlowWorkbook extends MemoryWorkbook {
  updates = 0;
  private held: Array<() => void> = [];
  hold = false;

  async update<T>(
    decide: (snapshot: WorkbookSnapshot) => Decision<T>,
    onProgress?: Parameters<MemoryWorkbook['update']>[1],
  ) {
    if (this.hold) await new Promise<void>((resume) => this.held.push(resume));
    const done = await super.update(decide, onProgress);
    this.updates++;
    return done;
  }

  release(): void {
    this.hold = false;
    this.held.splice(0).forEach((resume) => resume());
  }
}

// A rendered tab runs HyperFormula under jsdom; on a shared machine one test can take most of a minute.
jest.setTimeout(180_000);
