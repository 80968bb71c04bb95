import { useCallback, useMemo, useState } from 'react';
import { today } from '../../../domain/clock';
import { findImportTable, previewImport, type FoundImport, type FoundTemplate } from '../../importFlow';
import type { PlanSession } from '../../session';

/** The Import tab's state: the table found (or the template), the person's choices, and finding it through the pane's runner. */
export function useImportTable(session: PlanSession) {
  const [found, setFound] = useState<FoundImport>();
  const [template, setTemplate] = useState<FoundTemplate>();
  const [message, setMessage] = useState<string>();
  const [board, setBoard] = useState('');
  const [year, setYear] = useState('');
  const { look } = session;
  const find = useCallback(() => {
    setMessage(undefined);
    void look('Finding the table', findImportTable).then((result) => {
      if (!result) return; // the runner's notice says why
      setFound(undefined);
      setTemplate(undefined);
      if ('message' in result) setMessage(result.message);
      else if ('kind' in result) setTemplate(result);
      else setFound(result);
    });
  }, [look]);
  const preview = useMemo(
    () =>
      found
        ? previewImport(found.mapping, {
            board: board.trim() || undefined,
            year: year.trim() || undefined,
            today: today(),
          })
        : undefined,
    [found, board, year],
  );
  const looking = session.busy?.label === 'Finding the table';
  return {
    found,
    setFound,
    template,
    message,
    looking,
    board,
    setBoard,
    year,
    setYear,
    find,
    preview,
    busy: !!session.busy,
  };
}
