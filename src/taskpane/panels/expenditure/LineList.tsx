import { Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { lineSpend } from '../../../domain/expenditure';
import { formatPounds } from '../../../domain/money';
import { sourceOf } from '../../../domain/templateVocabulary';
import { LineEditor } from './LineEditor';
import { useExpenditureStyles } from './expenditureStyles';
import type { ExpenditureState } from './useExpenditure';

/** The plan's expenditure lines, one short item each; the editor takes the list's place while a line is open. */
export function LineList({ tab }: { readonly tab: ExpenditureState }) {
  const styles = useExpenditureStyles();
  const add = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const editing = !!tab.editing;
  // Back from the editor, the keyboard lands on "Add a line" rather than at the top of the page.
  useEffect(() => {
    if (wasEditing.current && !editing) add.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const lines = tab.template?.expenditure ?? [];
  return (
    <section className={styles.section} aria-labelledby="lines-heading">
      <Subtitle2 as="h2" id="lines-heading">
        Expenditure lines
      </Subtitle2>
      {tab.editing ? (
        <LineEditor tab={tab} />
      ) : (
        <>
          {lines.length === 0 && (
            <Caption1 className={styles.muted}>
              No lines yet. Add one for each scheme and source of funding, as on the template’s Expenditure sheet.
            </Caption1>
          )}
          <ul className={styles.list} aria-label="Expenditure lines">
            {lines.map((line, index) => {
              const name = `${line.id ? `${line.id} · ` : ''}${line.name || '(no name)'}`;
              return (
                <li key={index} className={styles.item}>
                  <span className={styles.itemText}>
                    <strong>{name}</strong>
                    <Caption1 className={styles.muted}>
                      {line.schemeType || 'No scheme type'} · {sourceOf(line.source).label} · {line.commissioner}
                      {tab.year ? ` · ${formatPounds(lineSpend(line, tab.year))} in ${tab.year}` : ''}
                    </Caption1>
                  </span>
                  {tab.removing === index ? (
                    <span className={styles.row}>
                      <Button size="small" appearance="primary" onClick={() => tab.removeLine(index)}>
                        Remove
                      </Button>
                      <Button size="small" onClick={() => tab.askRemove(undefined)}>
                        Keep
                      </Button>
                    </span>
                  ) : (
                    <span className={styles.row}>
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<EditRegular />}
                        aria-label={`Edit line ${name}`}
                        onClick={() => tab.editLine(index)}
                      />
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={`Remove line ${name}`}
                        onClick={() => tab.askRemove(index)}
                      />
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <div>
            <Button ref={add} icon={<AddRegular />} onClick={tab.addLine}>
              Add a line
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
