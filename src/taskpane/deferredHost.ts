import type { WorkbookHost } from '../workbook/host';

/** A host with every capability the port describes, as Excel's has. */
export type FullHost = Required<WorkbookHost>;

/**
 * A host whose code is still on its way. Excel's adapter (with the write path and the registry it
 * brings) is needed to read the workbook just after the pane appears, not to draw the pane, so the
 * pane renders at once and each call waits for the host. One host is made, however many calls wait:
 * it keeps what it read between commands. A failed fetch (the network dropped) fails the calls made
 * meanwhile, and the next call fetches again.
 */
export function deferredHost(load: () => Promise<FullHost>): FullHost {
  let loading: Promise<FullHost> | undefined;
  const host = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return {
    apply: async (plan, onProgress) => (await host()).apply(plan, onProgress),
    read: async (sheetNames) => (await host()).read(sheetNames),
    select: async (sheet, cell) => (await host()).select(sheet, cell),
    update: async (decide, onProgress) => (await host()).update(decide, onProgress),
    watch: async (listener) => (await host()).watch(listener),
    readSelection: async () => (await host()).readSelection(),
  };
}
