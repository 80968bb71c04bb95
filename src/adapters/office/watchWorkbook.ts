import { isBookkeeping } from '../../workbook/ownership';
import type { ExcelApi } from './excelApi';

/**
 * Calls `listener` when a person (here or a co-author) changes what the workbook holds.
 *
 * - worksheets.onChanged covers typing, pasting, clearing and inserting or deleting rows, columns
 *   or cells. Excel marks the add-in's own writes (triggerSource "ThisLocalAddin", ExcelApi 1.14),
 *   and those don't count. On an older host every change counts: the pane may then say it is out
 *   of date after its own command, which is safe, never the other way round.
 * - A deleted sheet raises worksheets.onDeleted instead, which does not say who deleted it. The
 *   add-in deletes its own pending and staging sheets at the end of a command, so only sheets
 *   known by id and not bookkeeping count: those present when watching began, and those found
 *   after each of the add-in's own writes (the sheets a command made).
 * - A renamed sheet changes no figure (the add-in finds its sheets under any name): not watched.
 */
export async function watchWorkbook(
  excel: ExcelApi,
  listener: () => void,
  /** Told which sheet (by its name when last learnt) a person changed: the adapter forgets what it knew of it. */
  changedSheet?: (name: string) => void,
): Promise<() => void> {
  const sheets = new KnownSheets(excel);
  const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  let context: Excel.RequestContext | undefined;
  await excel.run(async (ctx) => {
    context = ctx;
    const worksheets = ctx.workbook.worksheets;
    const present = worksheets.load('items/id,items/name');
    handlers.push(
      worksheets.onChanged.add(async (event) => {
        if ((event as { triggerSource?: string }).triggerSource === 'ThisLocalAddin') return sheets.relearn();
        const name = sheets.nameOf(event.worksheetId);
        if (name !== undefined) changedSheet?.(name);
        listener();
      }),
      worksheets.onDeleted.add(async (event) => {
        if (sheets.forget(event.worksheetId)) listener();
      }),
    );
    await ctx.sync();
    sheets.learn(present.items);
  });
  return () => {
    sheets.stop();
    const removing = handlers.splice(0);
    if (!removing.length || !context) return;
    void excel.run(context, async (ctx) => {
      for (const handler of removing) handler.remove();
      await ctx.sync();
    });
  };
}

/** The ids of the sheets whose deletion changes what the pane shows. */
class KnownSheets {
  private readonly ids = new Map<string, string>();
  private reading = false;
  private again = false;
  private stopped = false;

  constructor(private readonly excel: ExcelApi) {}

  learn(sheets: readonly { id: string; name: string }[]): void {
    for (const sheet of sheets) if (!isBookkeeping(sheet.name)) this.ids.set(sheet.id, sheet.name);
  }

  nameOf(id: string): string | undefined {
    return this.ids.get(id);
  }

  /** True when the sheet was one of those known. */
  forget(id: string): boolean {
    return this.ids.delete(id);
  }

  /** After the add-in wrote: one read of the sheets at a time, once more if it wrote again meanwhile. */
  relearn(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void this.excel
      .run(async (ctx) => {
        const present = ctx.workbook.worksheets.load('items/id,items/name');
        await ctx.sync();
        this.learn(present.items);
      })
      .catch(() => undefined) // the next write tries again; meanwhile a deletion may go unheard
      .finally(() => {
        this.reading = false;
        if (this.again) {
          this.again = false;
          this.relearn();
        }
      });
  }

  stop(): void {
    this.stopped = true;
  }
}
