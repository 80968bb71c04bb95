import { Button, Field, Input, Radio, RadioGroup, Select, Subtitle2, Textarea } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import {
  AREAS_OF_SPEND,
  COMMISSIONERS,
  FUNDING_SOURCES,
  matchSchemeType,
  PROVIDERS,
  SCHEME_TYPES,
  STATUS_LABELS,
  STATUSES,
  type Commissioner,
  type SchemeStatus,
  type SourceId,
} from '../../../domain/templateVocabulary';
import { laPercentText, type DraftField, type LineDraft } from '../../lineDraft';
import { useExpenditureStyles } from './expenditureStyles';
import type { ExpenditureState } from './useExpenditure';

/** The template's list, with what the line holds already if it is worded otherwise (an older template's type). */
const withCurrent = (list: readonly string[], current: string) =>
  current && !list.includes(current) ? [current, ...list] : list;

/**
 * Text typed into a list that also takes free text (sub-type, provider): the browser's own
 * suggestion list on a Fluent input, keyboard-ready, without Fluent's Combobox (about 24 KB
 * gzipped more in the pane's bundle for the same thing).
 */
function FreeList(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly string[];
  readonly onChange: (value: string) => void;
}) {
  const styles = useExpenditureStyles();
  // The list sits beside the Field: a Field labels its one child, the input.
  return (
    <>
      <Field label={props.label} hint="Choose from the list or type your own">
        <Input
          className={styles.input}
          list={props.id}
          value={props.value}
          onChange={(_, d) => props.onChange(d.value)}
        />
      </Field>
      <datalist id={props.id}>
        {props.options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </>
  );
}

/**
 * One expenditure line as a single-column form (the template's 17 columns would never fit a
 * 320 px pane): each field labelled, each error under its field, % LA shown as % NHS's complement.
 */
export function LineEditor({ tab }: { readonly tab: ExpenditureState }) {
  const styles = useExpenditureStyles();
  const first = useRef<HTMLInputElement>(null);
  const editing = tab.editing;
  const opened = editing?.index;
  // The editor opens where the list was: put the keyboard in its first field.
  useEffect(() => first.current?.focus(), [opened]);
  if (!editing) return null;
  const d = editing.draft;
  const change = (patch: Partial<LineDraft>) => tab.changeDraft(patch);
  const error = (field: DraftField) =>
    tab.shownErrors[field] ? { validationState: 'error' as const, validationMessage: tab.shownErrors[field] } : {};
  const subTypes = matchSchemeType(d.schemeType)?.subTypes ?? [];
  const title = editing.index === 'new' ? 'New expenditure line' : `Line ${d.id || editing.index + 1}`;
  return (
    <form
      className={styles.form}
      aria-labelledby="line-editor-heading"
      onSubmit={(e) => {
        e.preventDefault();
        tab.saveLine();
      }}
    >
      <Subtitle2 as="h3" id="line-editor-heading">
        {title}
      </Subtitle2>
      <Field label="Scheme ID">
        <Input ref={first} className={styles.input} value={d.id} onChange={(_, v) => change({ id: v.value })} />
      </Field>
      <Field label="Scheme name" required {...error('name')}>
        <Input className={styles.input} value={d.name} onChange={(_, v) => change({ name: v.value })} />
      </Field>
      <Field label="Brief description">
        <Textarea
          className={styles.input}
          resize="vertical"
          value={d.description}
          onChange={(_, v) => change({ description: v.value })}
        />
      </Field>
      <Field label="Scheme type" required {...error('schemeType')}>
        <Select
          className={styles.input}
          value={d.schemeType}
          onChange={(_, v) => change({ schemeType: v.value, subType: '' })}
        >
          <option value="">Choose a scheme type…</option>
          {withCurrent(
            SCHEME_TYPES.map((t) => t.label),
            d.schemeType,
          ).map((t) => (
            <option key={t}>{t}</option>
          ))}
        </Select>
      </Field>
      {subTypes.length > 0 ? (
        <FreeList
          id="line-sub-types"
          label="Sub-type"
          value={d.subType}
          options={subTypes}
          onChange={(subType) => change({ subType })}
        />
      ) : (
        <Field label="Sub-type">
          <Input className={styles.input} value={d.subType} onChange={(_, v) => change({ subType: v.value })} />
        </Field>
      )}
      {d.schemeType === 'Other' && (
        <Field label="Please specify the scheme type" required {...error('schemeTypeOther')}>
          <Input
            className={styles.input}
            value={d.schemeTypeOther}
            onChange={(_, v) => change({ schemeTypeOther: v.value })}
          />
        </Field>
      )}
      <Field label="Area of spend">
        <Select className={styles.input} value={d.areaOfSpend} onChange={(_, v) => change({ areaOfSpend: v.value })}>
          <option value="">Choose an area of spend…</option>
          {withCurrent(AREAS_OF_SPEND, d.areaOfSpend).map((a) => (
            <option key={a}>{a}</option>
          ))}
        </Select>
      </Field>
      {d.areaOfSpend === 'Other' && (
        <Field label="Please specify the area of spend" required {...error('areaOfSpendOther')}>
          <Input
            className={styles.input}
            value={d.areaOfSpendOther}
            onChange={(_, v) => change({ areaOfSpendOther: v.value })}
          />
        </Field>
      )}
      <Commissioning tab={tab} />
      <FreeList
        id="line-providers"
        label="Provider"
        value={d.provider}
        options={PROVIDERS}
        onChange={(provider) => change({ provider })}
      />
      <Field label="Source of funding">
        <Select className={styles.input} value={d.source} onChange={(_, v) => change({ source: v.value as SourceId })}>
          {FUNDING_SOURCES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Planned spend</legend>
        {tab.years.map((y) => (
          <Field key={y} label={`${y} (£)`} {...error(`spend:${y}`)}>
            <Input
              className={styles.input}
              contentBefore="£"
              inputMode="decimal"
              value={d.spend[y] ?? ''}
              onChange={(_, v) => change({ spend: { ...d.spend, [y]: v.value } })}
            />
          </Field>
        ))}
      </fieldset>
      <Field label="New or existing scheme">
        <Select
          className={styles.input}
          value={d.status}
          onChange={(_, v) => change({ status: v.value as SchemeStatus | '' })}
        >
          <option value="">Not said</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary">
          {editing.index === 'new' ? 'Add the line' : 'Keep the changes'}
        </Button>
        <Button onClick={tab.cancelEdit}>Cancel</Button>
      </div>
    </form>
  );
}

/** Who commissions the line; a Joint line's % NHS, and % LA as what is left. */
function Commissioning({ tab }: { readonly tab: ExpenditureState }) {
  const styles = useExpenditureStyles();
  const d = tab.editing!.draft;
  const nhsError = tab.shownErrors.nhsPercent;
  return (
    <>
      <Field label="Commissioner">
        <RadioGroup
          layout="horizontal"
          value={d.commissioner}
          onChange={(_, v) => tab.changeDraft({ commissioner: v.value as Commissioner })}
        >
          {COMMISSIONERS.map((c) => (
            <Radio key={c} value={c} label={c} />
          ))}
        </RadioGroup>
      </Field>
      {d.commissioner === 'Joint' && (
        <div className={styles.pair}>
          <Field
            label="% NHS"
            required
            {...(nhsError ? { validationState: 'error' as const, validationMessage: nhsError } : {})}
          >
            <Input
              className={styles.input}
              inputMode="decimal"
              contentAfter="%"
              value={d.nhsPercent}
              onChange={(_, v) => tab.changeDraft({ nhsPercent: v.value })}
            />
          </Field>
          <Field label="% LA" hint="What the NHS doesn’t commission">
            <Input className={styles.input} readOnly contentAfter="%" value={laPercentText(d)} />
          </Field>
        </div>
      )}
    </>
  );
}
