import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Feature, FeatureProps } from './feature';

type Panel = ComponentType<FeatureProps>;

/**
 * A tab whose panel's code is fetched the first time it is opened (or hovered), so opening the pane
 * downloads only what the first screen shows. `load` is a dynamic import, which webpack makes a chunk.
 * React.lazy remembers a failed load for good; on a flaky network `retry` starts a fresh one.
 */
export function lazyPanel(id: string, label: string, load: () => Promise<Panel>): Feature {
  let fetching: Promise<Panel> | undefined;
  const fetchPanel = () => {
    fetching ??= load().catch((error: unknown) => {
      fetching = undefined;
      throw error;
    });
    return fetching;
  };
  const fresh = () => lazy(() => fetchPanel().then((panel) => ({ default: panel })));
  let current: LazyExoticComponent<Panel> = fresh();
  function LazyPanel(props: FeatureProps) {
    const Loaded = current;
    return <Loaded {...props} />;
  }
  LazyPanel.displayName = `Lazy(${id})`;
  return {
    id,
    label,
    component: LazyPanel,
    // A hover that fails to fetch is forgotten; opening the tab then tries again and shows any failure.
    preload: () => void fetchPanel().catch(() => undefined),
    retry: () => {
      current = fresh();
    },
  };
}
