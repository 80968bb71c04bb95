import { Button, Caption1 } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { DefinedName, WorkbookSnapshot } from '../workbook/snapshot';
import type { LiveWorkbook } from './liveWorkbook';

/**
 * "Open .xlsx": puts someone's own workbook in the simulated one (its values and formulas, read by
 * the same reader as the command-line tool, behind the preview server), to try the pane on it.
 */
export function OpenWorkbook({
  workbook,
  className,
  onOpened,
}: {
  readonly workbook: LiveWorkbook;
  readonly className?: string;
  /** Called once the workbook is in the page, as Excel opens a pane afresh on a document just opened. */
  readonly onOpened?: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: boolean }>({});
  const open = async (file: File) => {
    setState({ busy: true });
    try {
      const response = await fetch('read.xlsx', { method: 'POST', body: await file.arrayBuffer() });
      if (!response.ok) throw new Error(await response.text());
      const { snapshot, names } = (await response.json()) as { snapshot: WorkbookSnapshot; names: DefinedName[] };
      workbook.open(snapshot, names);
      onOpened?.();
      setState({ message: `Opened ${file.name}` });
    } catch (e) {
      setState({ error: true, message: `Not opened: ${(e as Error).message.split('\n')[0]}` });
    }
  };
  return (
    <>
      {state.message && (
        <Caption1 className={className} role={state.error ? 'alert' : 'status'}>
          {state.message}
        </Caption1>
      )}
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Open an .xlsx workbook"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
      <Button icon={<FolderOpenRegular />} disabled={state.busy} onClick={() => input.current?.click()}>
        {state.busy ? 'Opening…' : 'Open .xlsx'}
      </Button>
    </>
  );
}
