import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Runs a React hook as the pane runs it, without a browser: react-dom renders a component that
 * draws nothing, so the few DOM members React touches for a container and a commit are stood in
 * for here (a test file runs in its own global scope, so nothing leaks into other files).
 */
function standInDom() {
  const g = globalThis as Record<string, unknown>;
  g.IS_REACT_ACT_ENVIRONMENT = true;
  const listeners = { addEventListener() {}, removeEventListener() {} };
  const document = { nodeType: 9, activeElement: null, body: { nodeName: 'BODY', nodeType: 1 }, ...listeners };
  g.window = g.window ?? { document, HTMLIFrameElement: class {}, ...listeners };
  g.document = g.document ?? document;
  return { nodeType: 1, nodeName: 'DIV', tagName: 'DIV', ownerDocument: g.document, ...listeners };
}

export interface RenderedHook<T> {
  /** What the hook returned at its last render. */
  readonly current: T;
  /** Runs `work` (an event, a click, a wait) and lets React apply every state change it causes. */
  act(work: () => unknown): Promise<void>;
  /** Waits, letting React render, until `condition` holds of the hook's latest value. */
  waitFor(condition: (value: T) => boolean, what: string, timeoutMs?: number): Promise<T>;
  unmount(): Promise<void>;
}

export async function renderHook<T>(hook: () => T): Promise<RenderedHook<T>> {
  const container = standInDom();
  let current: T | undefined;
  function Probe() {
    current = hook();
    return null;
  }
  const root = createRoot(container as unknown as Element);
  await act(async () => root.render(createElement(Probe)));
  const rendered: RenderedHook<T> = {
    get current() {
      return current as T;
    },
    act: async (work) => {
      await act(async () => {
        await work();
      });
    },
    async waitFor(condition, what, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!condition(current as T)) {
        if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
        await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
      }
      return current as T;
    },
    unmount: () => act(async () => root.unmount()),
  };
  return rendered;
}
