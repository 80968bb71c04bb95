import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { formatPounds } from '../../domain/money';
import { plural } from '../../domain/plural';
import { describeProblem } from '../../domain/problems';
import { computeSchemeTable } from '../../domain/schemeTable';
import { IMPORT_FIELDS, type ImportField } from '../../workbook/import/columnMapping';
import type { FeatureProps } from '../feature';
import { previewImport, withField } from '../importFlow';
import { useImportTable } from './import/useImportTable';
import { TemplateFound } from './import/TemplateFound';
import { panelStyles } from '../panelStyles';

const useStyles = makeStyles({
  ...panelStyles,
  list: { ...panelStyles.list, gap: tokens.spacingVerticalS },
  fail: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  wrap: { overflowWrap: 'anywhere' },
});

/**
 * "Import schemes from a table": finds the scheme table in the selected cells (or on the sheet,
 * or in the workbook), shows what each column will become for the person to confirm or change,
 * lists the columns left out, and starts the plan from it, so the add-in's live tables replace the
 * typed one. Laid out in one column to fit a 320 px pane.
 */
export function ImportPanel({ session }: FeatureProps) {
  const styles = useStyles();
  const { found, setFound, template, message, looking, board, setBoard, year, setYear, find, preview, busy } =
    useImportTable(session);
  return (
    <section className={styles.section} aria-labelledby="import-heading">
      <Subtitle2 as="h2" id="import-heading">
        Import schemes from a table
      </Subtitle2>
      <Body1>
        Select a scheme table typed in this workbook (or one cell of its sheet) and find it. You can change what each
        column becomes before the plan starts.
      </Body1>
      <div>
        <Button appearance="primary" disabled={busy} onClick={find}>
          {looking ? 'Looking…' : found || template ? 'Find again' : 'Find the table'}
        </Button>
      </div>
      {message && (
        <Caption1 role="alert" className={styles.fail}>
          {message}
        </Caption1>
      )}
      {template && <TemplateFound found={template} busy={busy} onStart={(plan) => session.startFrom(plan)} />}
      {found && preview && (
        <>
          <Caption1 role="status" className={styles.wrap}>
            {plural(found.schemes, 'scheme')} in {found.where}.
          </Caption1>
          <ul className={styles.list} aria-label="What each column becomes">
            {found.mapping.columns.map((c) => (
              <li key={c.index}>
                <Field label={`${c.where} · ${c.header}${c.band ? ` (${c.band})` : ''}`} className={styles.wrap}>
                  <Select
                    value={c.field}
                    onChange={(_, d) =>
                      setFound({ ...found, mapping: withField(found.mapping, c, d.value as ImportField) })
                    }
                  >
                    {IMPORT_FIELDS.map((f) => (
                      <option key={f.field} value={f.field}>
                        {f.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              </li>
            ))}
          </ul>
          {preview.unplaced.length > 0 && (
            <Caption1 className={styles.wrap}>
              Left out: {preview.unplaced.map((c) => `${c.where} “${c.header}”`).join(', ')}.
            </Caption1>
          )}
          <Field label="Health and Wellbeing Board">
            <Input
              value={board}
              placeholder={found.mapping.table.grid.sheet.name}
              onChange={(_, d) => setBoard(d.value)}
            />
          </Field>
          <Field label="Financial year, if the table doesn’t say">
            <Input value={year} placeholder={preview.plan.years[0]?.label} onChange={(_, d) => setYear(d.value)} />
          </Field>
          <ImportSummary preview={preview} />
          <div>
            <Button
              appearance="primary"
              disabled={busy || preview.errors > 0}
              onClick={() => session.startFrom(preview.plan)}
            >
              Start the plan from this table
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function ImportSummary({ preview }: { readonly preview: ReturnType<typeof previewImport> }) {
  const styles = useStyles();
  const plan = preview.plan;
  const nel = plan.unitCosts.find((u) => u.id === 'NEL');
  return (
    <>
      <ul className={styles.list} aria-label="The plan it starts">
        {plan.years.map((y) => {
          const table = computeSchemeTable(plan, y.label);
          return (
            <li key={y.label}>
              <Caption1>
                {y.label}: {plural(plan.schemes.length, 'scheme')}, pool {formatPounds(table.poolTotal)}
                {table.costOutsidePool.isZero() ? '' : ` (and ${formatPounds(table.costOutsidePool)} outside it)`}
                {nel ? `, savings at ${formatPounds(nel.value)} per NEL admission` : ''}.
              </Caption1>
            </li>
          );
        })}
        {preview.notes.map((n) => (
          <li key={n}>
            <Caption1 className={styles.wrap}>{n}</Caption1>
          </li>
        ))}
        {preview.problems.map((p) => (
          <li key={describeProblem(p)}>
            <Caption1 className={p.severity === 'error' ? styles.fail : styles.wrap}>{describeProblem(p)}</Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}
