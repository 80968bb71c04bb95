import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { today } from '../../../domain/clock';
import { ukDate, yearOf, type JointFunding } from '../../../domain/jointFunding';
import type { RegisterProblem } from '../../../domain/jointFundingJson';
import type { ImportResult } from '../../../domain/jointFundingImport';
import { exportOnSelectedSheet, readExportFile } from './exportFile';
import { jointSummary } from '../../../domain/jointFundingSummary';
import { parseDay } from '../../../domain/jointFundingInput';
import { canonicalYear, isFinancialYearLabel } from '../../../domain/financialYear';
import { formatPounds } from '../../../domain/money';
import { plural } from '../../../domain/plural';
import { icbContributionsCommand, readRegister, registerImportCommand } from '../../../workbook/jointFundingCommands';
import type { PlanSession } from '../../session';

export type Register = { jointFunding: JointFunding; problems: readonly RegisterProblem[] };

export const READING_REGISTER = 'Reading the joint-funding register';
export const READING_EXPORT = 'Reading the export on the selected sheet';

/**
 * The register as the workbook holds it, read through the pane's runner: at first, and again after
 * the pane's plan changes (a command wrote, or Read from workbook), once no command is running.
 * Undefined while reading, null when there is none.
 */
function useRegister(session: PlanSession) {
  const [register, setRegister] = useState<Register | null>();
  const wanted = useRef(true);
  const { base, busy, look } = session;
  useEffect(() => {
    wanted.current = true;
  }, [base]);
  useEffect(() => {
    if (!wanted.current || busy) return;
    wanted.current = false;
    void look(READING_REGISTER, async (workbook) => (await readRegister(workbook)) ?? null).then((r) =>
      // Undefined: the read failed and the pane's notice says so; the tab says there is no register to show.
      setRegister((shown) => (r === undefined ? (shown ?? null) : r)),
    );
  }, [base, busy, look]);
  return register;
}

/**
 * The Joint funding tab's state and commands: the date and year typed, the register's summary as at
 * them, adding the ICBs' share to the pool, and importing a case-management export.
 */
export function useJointFunding(session: PlanSession) {
  const register = useRegister(session);
  const [asAtTyped, setAsAtText] = useState<string>();
  const [yearTyped, setYearText] = useState<string>();
  // Until the person types, the register's own date and year.
  const asAtText = asAtTyped ?? (register ? ukDate(register.jointFunding.asAt ?? today()) : '');
  const yearText = yearTyped ?? register?.jointFunding.year ?? '';
  // Typed as the CSV import reads dates: a browser's date picker shows the browser's locale, often mm/dd/yyyy.
  const asAt = parseDay(asAtText);
  const year = isFinancialYearLabel(yearText) ? canonicalYear(yearText) : asAt !== undefined ? yearOf(asAt) : undefined;
  const summary = useMemo(
    () =>
      register && asAt !== undefined && year
        ? jointSummary(register.jointFunding.packages, register.jointFunding.rules, asAt, year)
        : undefined,
    [register, asAt, year],
  );
  const { execute } = session;
  const addToPool = useCallback(() => {
    if (asAt === undefined || !year) return;
    void execute(icbContributionsCommand(asAt, year), {
      done: ({ contributions }) => ({
        intent: 'success',
        title: `Added to the Pool sheet for ${year}`,
        body: `${contributions.map((c) => `${c.source.replace(/^.*: /, '')} ${formatPounds(c.amount, true)}`).join('; ')}.`,
      }),
    });
  }, [asAt, execute, year]);
  return { register, asAtText, setAsAtText, yearText, setYearText, asAt, year, summary, addToPool };
}

/** Reading a CSV export in the pane, and adding the packages it could read to the register. */
export function useRegisterImport(session: PlanSession) {
  const [result, setResult] = useState<ImportResult>();
  const [unreadable, setUnreadable] = useState<string>();
  const choose = (file: File | undefined) => {
    if (!file) return;
    setUnreadable(undefined);
    readExportFile(file)
      .then(setResult)
      .catch((e: Error) => {
        setResult(undefined);
        setUnreadable(`${file.name} can't be read as CSV: ${e.message.split('\n')[0]}`);
      });
  };
  const add = () => {
    if (!result) return;
    void session
      .execute(registerImportCommand(result.jointFunding), {
        done: ({ packagesAdded }) => ({
          intent: 'success',
          title: `Added ${plural(packagesAdded, 'package')} to the Joint register sheet`,
        }),
      })
      .then((done) => done && setResult(undefined));
  };
  // An .xlsx export is read where it is: its sheet put in this workbook, one of its cells selected.
  const readSheet = () => {
    setUnreadable(undefined);
    void session
      .look(READING_EXPORT, async (workbook) => exportOnSelectedSheet(workbook))
      .then((read) => {
        if (read === undefined) return;
        setResult(typeof read === 'string' ? undefined : read);
        setUnreadable(typeof read === 'string' ? read : undefined);
      });
  };
  const refused = result ? new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.row)).size : 0;
  return { result, unreadable, choose, readSheet, add, refused };
}
