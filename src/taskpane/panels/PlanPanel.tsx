import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowSyncRegular } from '@fluentui/react-icons';
import { lazy, Suspense, type ReactNode } from 'react';
import { PLAN_YEARS } from '../../domain/financialYear';
import { formatPounds } from '../../domain/money';
import { defaultUnitCosts } from '../../domain/newPlan';
import { RemoveScheme, shorten } from './plan/RemoveScheme';
import { useStartPlan } from './plan/useStartPlan';
import type { FeatureProps } from '../feature';
import { fieldId, type PlanForm, type SchemeForm } from '../planForm';
import type { PlanSession } from '../session';
import { PlanYears } from './plan/PlanYears';
import { usePlanEditor, usePlanTab, type PlanEditorState, type PlanTabState } from './plan/usePlanEditor';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionHeader: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  // alignItems start: a field with a message below it grows alone instead of stretching its neighbours.
  twoColumns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
  },
  refAndName: {
    display: 'grid',
    gridTemplateColumns: '72px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  schemeBody: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
  },
  headerText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Fluent inputs keep a minimum width of their own; in a narrow pane they must shrink with their column.
  input: { width: '100%', minWidth: 0 },
  oneColumn: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

// Shown only on a workbook holding a planning template: its code comes with that, not with the pane.
const TemplateFound = lazy(() =>
  import(/* webpackChunkName: "template-found" */ './import/TemplateFound').then((m) => ({ default: m.TemplateFound })),
);

/** The Plan tab: start or load a plan, then edit its unit costs and schemes, checked as you type. */
export function PlanPanel({ session }: FeatureProps) {
  const tab = usePlanTab(session);
  if (tab.reading) return <Spinner label="Reading the workbook…" />;
  if (!tab.form) return <StartPlan session={session} />;
  return (
    <PlanView tab={tab}>
      <PlanYears session={session} />
      <PlanEditor session={session} form={tab.form} />
    </PlanView>
  );
}

/** The messages over the plan, the years and editors given as children, and reading the workbook again. */
export function PlanView({ tab, children }: { readonly tab: PlanTabState; readonly children: ReactNode }) {
  const styles = useStyles();
  const { busy, errors, changes } = tab;
  return (
    <>
      {errors > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {errors === 1 ? 'One field needs correcting' : `${errors} fields need correcting`} before the workbook can
            be updated. Each is marked below.
          </MessageBarBody>
        </MessageBar>
      )}
      {changes > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {changes === 1 ? 'One change in the pane is' : `${changes} changes in the pane are`} not in the workbook
            yet.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" disabled={!tab.canGenerate} onClick={tab.generate}>
              Generate tables
            </Button>
            <Button size="small" disabled={busy} onClick={tab.discardEdits}>
              Discard
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {children}
      <Divider />
      <div className={styles.actions}>
        <Button icon={<ArrowSyncRegular />} disabled={busy || changes > 0} onClick={tab.readWorkbook}>
          Read from workbook
        </Button>
      </div>
      <Caption1 className={styles.muted}>
        The workbook is the plan: what you type in its Assumptions or Schemes sheet is read back before the tables are
        generated.
      </Caption1>
    </>
  );
}

function StartPlan({ session }: { readonly session: PlanSession }) {
  const styles = useStyles();
  const form = useStartPlan(session);
  const busy = !!session.busy;
  const units = defaultUnitCosts()
    .map((u) => `${u.shortLabel} ${formatPounds(u.value)}`)
    .join(', ');
  return (
    <>
      {session.template && (
        <>
          <section className={styles.section} aria-labelledby="template-heading">
            <Subtitle2 as="h2" id="template-heading">
              Start from your planning template
            </Subtitle2>
            <Body1>
              This workbook holds NHS England’s BCF planning template. Its expenditure lines, income and minimums can
              start the plan: the planner adds its own sheets beside the template’s, which stay as they are.
            </Body1>
            <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
              <TemplateFound found={session.template} busy={busy} onStart={(plan) => session.startFrom(plan)} />
            </Suspense>
          </section>
          <Divider>or</Divider>
        </>
      )}
      <section className={styles.section} aria-labelledby="start-heading">
        <Subtitle2 as="h2" id="start-heading">
          Start a plan in this workbook
        </Subtitle2>
        <Body1>
          Adds the Assumptions and Schemes sheets, with starting unit costs for you to replace ({units}), and a scheme
          table for each year.
        </Body1>
        <form
          className={styles.section}
          onSubmit={(e) => {
            e.preventDefault();
            form.start();
          }}
        >
          <Field
            label="Health and Wellbeing Board"
            required
            validationState={form.touched && form.boardError ? 'error' : 'none'}
            validationMessage={form.touched ? form.boardError : undefined}
          >
            <Input className={styles.input} value={form.board} onChange={(_, d) => form.setBoard(d.value)} />
          </Field>
          <div className={styles.twoColumns}>
            <Field
              label="First financial year"
              validationState={form.yearError ? 'error' : 'none'}
              validationMessage={form.yearError}
              hint={
                form.first && form.first.label !== form.firstYear.trim() ? `Shown as ${form.first.label}` : undefined
              }
            >
              <Input className={styles.input} value={form.firstYear} onChange={(_, d) => form.setFirstYear(d.value)} />
            </Field>
            <Field label="Years" hint={form.last ? `to ${form.last}` : undefined}>
              <Select value={form.years} onChange={(_, d) => form.setYears(d.value)}>
                {Array.from({ length: PLAN_YEARS.max - PLAN_YEARS.min + 1 }, (_, i) => String(PLAN_YEARS.min + i)).map(
                  (n) => (
                    <option key={n}>{n}</option>
                  ),
                )}
              </Select>
            </Field>
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              Start plan
            </Button>
          </div>
        </form>
      </section>
      <Divider>or</Divider>
      <section className={styles.section} aria-labelledby="example-heading">
        <Subtitle2 as="h2" id="example-heading">
          Try it with real figures
        </Subtitle2>
        <Body1>
          An example: Barnet’s BCF plan for 2014/15 and 2015/16, eight schemes, a £6,634,000 and a £23,412,000 pool.
        </Body1>
        <div className={styles.actions}>
          <Button disabled={busy} onClick={() => session.loadExample()}>
            Load the Barnet example
          </Button>
          <Button appearance="subtle" icon={<ArrowSyncRegular />} disabled={busy} onClick={session.readWorkbook}>
            Read from workbook
          </Button>
        </div>
      </section>
    </>
  );
}

/** The unit costs and the schemes, edited in the pane's form. */
function PlanEditor({ session, form }: { readonly session: PlanSession; readonly form: PlanForm }) {
  const editor = usePlanEditor(session, form);
  return (
    <>
      <UnitCosts editor={editor} />
      <Divider />
      <Schemes editor={editor} />
    </>
  );
}

function UnitCosts({ editor }: { readonly editor: PlanEditorState }) {
  const styles = useStyles();
  const { form } = editor;
  const units = form.source.unitCosts;
  return (
    <section className={styles.section} aria-labelledby="unit-costs-heading">
      <Subtitle2 as="h2" id="unit-costs-heading">
        Unit costs
      </Subtitle2>
      <Caption1 className={styles.muted}>
        What one unit of each benefit is worth. Every saving in the tables is a count times one of these.
      </Caption1>
      <div className={styles.oneColumn}>
        {units.map((u, i) => {
          const id = fieldId.unitCost(i);
          return (
            <Field
              key={u.id}
              label={`${u.shortLabel || u.id} (£ ${u.unit})`}
              hint={editor.problem(id) ? undefined : u.benefit}
              {...editor.fieldState(id)}
            >
              <Input
                className={styles.input}
                value={form.unitCosts[i]}
                contentBefore="£"
                inputMode="decimal"
                onChange={(_, d) => editor.setUnitCost(i, d.value)}
              />
            </Field>
          );
        })}
      </div>
    </section>
  );
}

function Schemes({ editor }: { readonly editor: PlanEditorState }) {
  const styles = useStyles();
  const { form, open, setOpen } = editor;
  return (
    <section className={styles.section} aria-labelledby="schemes-heading">
      <div className={styles.sectionHeader}>
        <Subtitle2 as="h2" id="schemes-heading">
          Schemes ({form.schemes.length})
        </Subtitle2>
        <Button icon={<AddRegular />} onClick={editor.add}>
          Add scheme
        </Button>
      </div>
      {form.schemes.length === 0 && (
        <Body1 className={styles.muted}>No schemes yet. Add one for each service the fund pays for.</Body1>
      )}
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
        {form.schemes.map((s, index) => {
          const errors = editor.schemeErrors(index);
          const costs = form.source.years
            .map((y) => (s.years[y.label]?.cost ? `£${s.years[y.label].cost}` : '£0'))
            .join(' · ');
          return (
            <AccordionItem key={s.key} value={s.key}>
              <AccordionHeader expandIconPosition="end">
                <span className={styles.headerText}>
                  <span>
                    {s.ref || '?'} · {s.name ? shorten(s.name, 60) : 'New scheme'}
                    {errors > 0 && (
                      <strong style={{ color: tokens.colorPaletteRedForeground1 }}>
                        {' '}
                        ({errors === 1 ? '1 error' : `${errors} errors`})
                      </strong>
                    )}
                  </span>
                  <Caption1 className={styles.muted}>
                    {costs}
                    {s.inPool ? '' : ' · not in the BCF pool'}
                  </Caption1>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <SchemeEditor editor={editor} index={index} scheme={s} />
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}

function SchemeEditor(props: {
  readonly editor: PlanEditorState;
  readonly index: number;
  readonly scheme: SchemeForm;
}) {
  const { editor, index, scheme } = props;
  const { form, fieldState: state } = editor;
  const update = (change: Partial<SchemeForm>) => editor.update(index, change);
  const styles = useStyles();
  const who = scheme.ref || `${index + 1}`;
  const hidden = (text: string) => <span className={styles.hidden}>{text}</span>;
  const setYear = (year: string, change: { cost?: string; benefit?: [string, string] }) =>
    editor.setYear(index, year, change);
  return (
    <div className={styles.schemeBody}>
      <div className={styles.refAndName}>
        <Field label={<>Ref{hidden(` of scheme ${who}`)}</>} {...state(fieldId.schemeRef(index))}>
          <Input className={styles.input} value={scheme.ref} onChange={(_, d) => update({ ref: d.value })} />
        </Field>
        <Field label={<>Scheme name{hidden(` of scheme ${who}`)}</>} {...state(fieldId.schemeName(index))}>
          <Input className={styles.input} value={scheme.name} onChange={(_, d) => update({ name: d.value })} />
        </Field>
      </div>
      <div className={styles.refAndName}>
        <Field label={<>Tiers{hidden(` of scheme ${who}`)}</>}>
          <Input
            className={styles.input}
            value={scheme.tiers}
            onChange={(_, d) => update({ tiers: d.value })}
            placeholder="3, 4"
          />
        </Field>
        <Field label={<>Group{hidden(` of scheme ${who}`)}</>}>
          <Input className={styles.input} value={scheme.group} onChange={(_, d) => update({ group: d.value })} />
        </Field>
      </div>
      <Field label={<>Description{hidden(` of scheme ${who}`)}</>} {...state(fieldId.schemeDescription(index))}>
        <Textarea
          className={styles.input}
          value={scheme.description}
          resize="vertical"
          onChange={(_, d) => update({ description: d.value })}
        />
      </Field>
      <Switch
        checked={scheme.inPool}
        onChange={(_, d) => update({ inPool: d.checked })}
        label={<>In the BCF pool{hidden(` (scheme ${who})`)}</>}
      />
      {form.source.years.map((y) => {
        const entry = scheme.years[y.label] ?? { cost: '', benefits: {} };
        return (
          <fieldset key={y.label} className={styles.fieldset}>
            <legend className={styles.legend}>{y.label}</legend>
            <Field
              label={<>Cost (£){hidden(` of scheme ${who} in ${y.label}`)}</>}
              {...state(fieldId.cost(index, y.label))}
            >
              <Input
                className={styles.input}
                value={entry.cost}
                contentBefore="£"
                inputMode="decimal"
                onChange={(_, d) => setYear(y.label, { cost: d.value })}
              />
            </Field>
            <div className={styles.twoColumns}>
              {form.source.unitCosts.map((u) => (
                <Field
                  key={u.id}
                  label={
                    <>
                      {u.shortLabel || u.id}
                      {hidden(` reduction, scheme ${who} in ${y.label}`)}
                    </>
                  }
                  {...state(fieldId.benefit(index, y.label, u.id))}
                >
                  <Input
                    className={styles.input}
                    value={entry.benefits[u.id] ?? ''}
                    inputMode="decimal"
                    onChange={(_, d) => setYear(y.label, { benefit: [u.id, d.value] })}
                  />
                </Field>
              ))}
            </div>
          </fieldset>
        );
      })}
      <RemoveScheme who={who} name={scheme.name} remove={() => editor.remove(index)} />
    </div>
  );
}
