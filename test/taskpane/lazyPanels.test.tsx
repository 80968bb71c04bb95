/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { FeatureProps } from '../../src/taskpane/feature';
import { features } from '../../src/taskpane/features';
import { lazyPanel } from '../../src/taskpane/lazyPanel';
import { PanelSlot } from '../../src/taskpane/PanelSlot';
import type { PlanSession } from '../../src/taskpane/session';

// A panel reads nothing of the session in these checks: the slot only passes it on.
const session = {} as PlanSession;

function Tables({ session: given }: FeatureProps) {
  return <p>Tables panel{given === session ? ' with the session' : ''}</p>;
}

function slot(feature: ReturnType<typeof lazyPanel>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PanelSlot feature={feature} session={session} />
    </FluentProvider>,
  );
}

describe('panels other than the plan come when first opened', () => {
  test('only the plan is in the pane from the start; every other tab is fetched on first use', () => {
    expect(features[0]).toMatchObject({ id: 'plan', label: 'Plan' });
    expect(features[0].preload).toBeUndefined();
    const later = features.slice(1);
    expect(later.map((f) => f.label)).toEqual([
      'Tables',
      'Expenditure',
      'Pool & audit',
      'Benefit Cards',
      'Joint funding',
      'Import',
    ]);
    for (const f of later) expect(typeof f.preload).toBe('function');
  });

  test('while a panel is fetched a screen reader hears which tab is opening, then the panel shows', async () => {
    let arrive: (panel: typeof Tables) => void = () => undefined;
    const feature = lazyPanel('tables', 'Tables', () => new Promise((resolve) => (arrive = resolve)));
    slot(feature);
    expect(screen.getByRole('status').textContent).toContain('Opening Tables');
    await act(async () => arrive(Tables));
    expect(await screen.findByText('Tables panel with the session')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  test('a fetch that fails says so and offers Try again, which fetches afresh', async () => {
    let attempts = 0;
    const feature = lazyPanel('tables', 'Tables', () => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('network dropped')) : Promise.resolve(Tables);
    });
    // React logs the error a boundary catches; the message shown is what is checked here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      slot(feature);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain("Tables didn't open");
      expect(alert.textContent).toContain('nothing in the workbook has changed');
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('Tables panel with the session')).toBeTruthy();
      expect(attempts).toBe(2);
    } finally {
      quiet.mockRestore();
    }
  });

  test('hovering a tab fetches its panel once, and opening it then uses what came', async () => {
    let attempts = 0;
    const feature = lazyPanel('tables', 'Tables', () => {
      attempts += 1;
      return Promise.resolve(Tables);
    });
    feature.preload?.();
    feature.preload?.();
    slot(feature);
    expect(await screen.findByText('Tables panel with the session')).toBeTruthy();
    expect(attempts).toBe(1);
  });
});
