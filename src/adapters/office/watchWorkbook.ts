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
 *   known by id and not bookkeeping count: those present when watching began, and those each
 *   command's last request lists after its writes (`learn`: the sheets it made), read in that
 *   request rather than in one more round trip.
 * - A renamed sheet changes no figure (the add-in finds its sheets under any name): not watched.
 */
export async function watchWorkbook(
  excel: ExcelApi,
  listener: () => void,
  /** Told which sheet (by its name when last learnt) a person changed: the adapter forgets what it knew of it. */
  changedSheet?: (name: string) => void,
): Promise<{ stop: () => void; learn: (sheets: readonly { id: string; name: string }[]) => void }> {
  const sheets = new KnownSheets();
  const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  let context: Excel.RequestContext | undefined;
  await excel.run(async (ctx) => {
    context = ctx;
    const worksheets = ctx.workbook.worksheets;
    const present = worksheets.load('items/id,items/name');
    handlers.push(
      worksheets.onChanged.add(async (event) => {
        if ((event as { triggerSource?: string }).triggerSource === 'ThisLocalAddin') return;
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
  const stop = () => {
    const removing = handlers.splice(0);
    if (!removing.length || !context) return;
    void excel.run(context, async (ctx) => {
      for (const handler of removing) handler.remove();
      await ctx.sync();
    });
  };
  return { stop, learn: (present) => sheets.learn(present) };
}

/** The ids of the sheets whose deletion changes what the pane shows, and their names. */
class KnownSheets {
  private readonly ids = new Map<string, string>();

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
}
