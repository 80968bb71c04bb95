import { Money } from '../../src/domain/money';
import { emptyPlan } from '../../src/domain/newPlan';
import { fieldMessage } from '../../src/taskpane/panels/cards/actualsForm';
import { planFromForm, formFromPlan, fieldId } from '../../src/taskpane/planForm';
import type { QuarterEntry } from '../../src/workbook/cardCommands';

const plan = emptyPlan('Northshire', '2026/27', 2);
const nel: QuarterEntry = { ref: '1a', metric: 'NEL', label: '1a NEL adm.', kind: 'count', planned: new Money(10) };
const rate: QuarterEntry = {
  ref: '1a',
  metric: 'felt-involved',
  label: '1a Felt involved',
  kind: 'rate',
  planned: new Money(0.9),
};

describe('a quarter’s actuals are questioned before they are saved', () => {
  test('"1,2,3" is refused, naming the misplaced comma', () => {
    expect(fieldMessage(plan, nel, 'actual', '1,2,3')).toEqual({
      severity: 'error',
      text: expect.stringMatching(/comma out of place/),
    });
  });

  test('admissions are whole numbers', () => {
    expect(fieldMessage(plan, nel, 'baseline', '2.5')?.severity).toBe('error');
    expect(fieldMessage(plan, nel, 'baseline', '1,990')).toBeUndefined();
  });

  test('a negative reduction is a warning that asks, not a refusal', () => {
    expect(fieldMessage(plan, nel, 'reduction', '-4')).toEqual({
      severity: 'warning',
      text: expect.stringMatching(/negative reduction/),
    });
    expect(fieldMessage(plan, nel, 'baseline', '-4')?.severity).toBe('error');
  });

  test('a rate may be a fraction, and "85%" is read as 85', () => {
    expect(fieldMessage(plan, rate, 'actual', '0.85')).toBeUndefined();
    expect(fieldMessage(plan, rate, 'actual', '85%')).toBeUndefined();
  });
});

describe('the plan form questions surprising inputs', () => {
  test('a £0 unit cost is a warning under that unit cost, and the plan can still be used', () => {
    const form = formFromPlan(plan);
    const result = planFromForm({ ...form, unitCosts: ['0', ...form.unitCosts.slice(1)] });
    expect(result.byField.get(fieldId.unitCost(0))).toEqual(
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/is £0/) }),
    );
    expect(result.plan).toBeDefined();
  });

  test('"1,2,3" as a unit cost is an error, not £123', () => {
    const form = formFromPlan(plan);
    const result = planFromForm({ ...form, unitCosts: ['1,2,3', ...form.unitCosts.slice(1)] });
    expect(result.plan).toBeUndefined();
    expect(result.byField.get(fieldId.unitCost(0))?.message).toMatch(/comma out of place/);
  });
});
