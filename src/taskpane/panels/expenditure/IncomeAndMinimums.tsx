import { Button, Caption1, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { FUNDING_SOURCES, sourceOf, type SourceId } from '../../../domain/templateVocabulary';
import { MINIMUM_KINDS, MINIMUM_LABELS } from '../../templateForm';
import { useExpenditureStyles } from './expenditureStyles';
import type { ExpenditureState } from './useExpenditure';

const shown = (message: string | undefined) =>
  message ? { validationState: 'error' as const, validationMessage: message } : {};

/** Income by funding source for the chosen year: one amount box per income line, and a way to add a source. */
export function Income({ tab }: { readonly tab: ExpenditureState }) {
  const styles = useExpenditureStyles();
  const [source, setSource] = useState<SourceId>('nhsMinimum');
  const [asking, setAsking] = useState<number>();
  const year = tab.year;
  if (!year || !tab.template) return null;
  return (
    <section className={styles.section} aria-labelledby="income-heading">
      <Subtitle2 as="h2" id="income-heading">
        Income {year}
      </Subtitle2>
      {tab.template.income.length === 0 && (
        <Caption1 className={styles.muted}>No income yet: add each source that funds the plan.</Caption1>
      )}
      {tab.template.income.map((line, index) => {
        const label = `${sourceOf(line.source).label}${line.detail ? ` (${line.detail})` : ''}`;
        return (
          <div key={line.key} className={styles.row}>
            <Field className={styles.grow} label={`${label} (£)`} {...shown(tab.incomeError(index, year))}>
              <Input
                className={styles.input}
                contentBefore="£"
                inputMode="decimal"
                value={line.amounts[year] ?? ''}
                onChange={(_, d) => tab.setIncome(index, year, d.value)}
              />
            </Field>
            {asking === index ? (
              <span className={styles.row}>
                <Button
                  size="small"
                  appearance="primary"
                  onClick={() => (tab.removeIncome(index), setAsking(undefined))}
                >
                  Remove every year
                </Button>
                <Button size="small" onClick={() => setAsking(undefined)}>
                  Keep
                </Button>
              </span>
            ) : (
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Remove the income from ${label}`}
                onClick={() => setAsking(index)}
              />
            )}
          </div>
        );
      })}
      <div className={styles.row}>
        <Field className={styles.grow} label="Add income from">
          <Select className={styles.input} value={source} onChange={(_, d) => setSource(d.value as SourceId)}>
            {FUNDING_SOURCES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<AddRegular />} onClick={() => tab.addIncome(source)}>
          Add
        </Button>
      </div>
    </section>
  );
}

/** What the plan must meet in the chosen year; blank means the board has not set it. */
export function Minimums({ tab }: { readonly tab: ExpenditureState }) {
  const styles = useExpenditureStyles();
  const year = tab.year;
  if (!year || !tab.template) return null;
  return (
    <section className={styles.section} aria-labelledby="minimums-heading">
      <Subtitle2 as="h2" id="minimums-heading">
        Minimums {year}
      </Subtitle2>
      {MINIMUM_KINDS.map((kind) => (
        <Field key={kind} label={`${MINIMUM_LABELS[kind]} (£)`} {...shown(tab.minimumError(year, kind))}>
          <Input
            className={styles.input}
            contentBefore="£"
            inputMode="decimal"
            value={tab.template?.minimums[year]?.[kind] ?? ''}
            onChange={(_, d) => tab.setMinimum(year, kind, d.value)}
          />
        </Field>
      ))}
    </section>
  );
}
