import { useMemo, useState } from 'react';
import { amountProblem, parseAmount } from '../../../domain/amountText';
import type { Finding } from '../../../domain/audit/finding';
import { formatPounds } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { planChecks } from '../../../domain/planChecks';
import { addContribution, addPartner, removeContribution } from '../../../domain/poolEdits';
import { auditWorkbook, cleanSummary, type AuditResult } from '../../../workbook/audit/auditWorkbook';
import { EVERY_SHEET } from '../../../workbook/host';
import type { PlanSession } from '../../session';
import { savePool } from './poolActions';

/** The Pool & audit tab's state: the plan the workbook holds and the financial year chosen (the first until one is). */
export function usePoolYear(session: PlanSession) {
  const plan = session.base;
  const [chosen, choose] = useState<string>();
  const year = plan?.years.find((y) => y.label === chosen)?.label ?? plan?.years[0]?.label;
  return { plan, year, choose };
}

export const AUDITING = 'Auditing the workbook';

/** The audit: its findings once run (a read of every sheet, through the session), and showing a finding's cell. */
export function useAudit(session: PlanSession) {
  const [result, setResult] = useState<AuditResult | undefined>();
  return {
    findings: result?.findings,
    /** What a clean audit checked; undefined when the workbook held nothing to check. */
    checked: result && cleanSummary(result),
    busy: !!session.busy,
    auditing: session.busy?.label === AUDITING,
    canSelect: session.canSelect,
    run: () =>
      void session
        .look(AUDITING, async (workbook) => auditWorkbook(await workbook.read(EVERY_SHEET)))
        .then((r) => r && setResult(r)),
    select: (f: Finding) => session.selectCell(f.sheet, f.cell),
  };
}

export type AuditState = ReturnType<typeof useAudit>;

/** One year's contributions, with the one whose removal is being confirmed. */
export function useContributionList(session: PlanSession, plan: Plan, year: string) {
  const [asking, setAsking] = useState<number>();
  const all = plan.pool?.contributions ?? [];
  return {
    year,
    busy: !!session.busy,
    mine: all.map((c, index) => ({ c, index, shown: formatPounds(c.amount) })).filter(({ c }) => c.year === year),
    asking,
    ask: setAsking,
    keep: () => setAsking(undefined),
    remove: (index: number) =>
      void savePool(session, 'Removing a contribution', (p) => removeContribution(p, index)).then(() =>
        setAsking(undefined),
      ),
  };
}

export type ContributionListState = ReturnType<typeof useContributionList>;

export const NEW_PARTNER = '+new';

/**
 * The "Add a contribution" form: what is typed, what is wrong with it (shown once the person has
 * tried to add), and adding it, with a new partner when one is being made, through the session.
 */
export function useAddContribution(session: PlanSession, plan: Plan, year: string) {
  const [partner, setPartner] = useState(plan.partners[0]?.id ?? NEW_PARTNER);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [newKind, setNewKind] = useState<'council' | 'nhs'>('council');
  const [source, setSource] = useState('');
  const [amount, setAmount] = useState('');
  const [touched, setTouched] = useState(false);
  const adding = partner === NEW_PARTNER || !plan.partners.some((p) => p.id === partner);
  const amountError =
    amount.trim() === ''
      ? 'Enter the amount.'
      : (amountProblem(amount) ?? (parseAmount(amount)!.isNegative() ? 'A contribution is £0 or more.' : undefined));
  const sourceError = source.trim() ? undefined : 'Say where the money comes from.';
  const partnerError =
    adding && (!newId.trim() || !newName.trim()) ? 'Give the new partner an id and a name.' : undefined;
  const submit = () => {
    setTouched(true);
    if (amountError || sourceError || partnerError) return;
    const id = adding ? newId.trim() : partner;
    void savePool(session, `Adding ${id}’s contribution`, (p) => {
      const withPartner = adding ? addPartner(p, { id, name: newName, kind: newKind }) : p;
      return addContribution(withPartner, { year, partner: id, source, amount: parseAmount(amount)! });
    }).then((saved) => {
      if (!saved) return;
      setSource('');
      setAmount('');
      setTouched(false);
      setPartner(id);
    });
  };
  const shown = (error: string | undefined) => (touched ? error : undefined);
  return {
    year,
    partners: plan.partners,
    busy: !!session.busy,
    partner: adding ? NEW_PARTNER : partner,
    setPartner,
    adding,
    newId,
    setNewId,
    newName,
    setNewName,
    newKind,
    setNewKind,
    source,
    setSource,
    amount,
    setAmount,
    errors: { partner: shown(partnerError), source: shown(sourceError), amount: shown(amountError) },
    submit,
  };
}

export type AddContributionState = ReturnType<typeof useAddContribution>;

/** The plan's checks, split into those that fail and pass, and whether any pool figure has been entered to check. */
export function usePlanChecks(plan: Plan) {
  return useMemo(() => {
    const checks = planChecks(plan);
    return {
      count: checks.length,
      failed: checks.filter((c) => !c.passed),
      passed: checks.filter((c) => c.passed),
      contributed: (plan.pool?.contributions ?? []).length > 0 || plan.years.some((y) => y.statedPool !== undefined),
    };
  }, [plan]);
}

export type PlanChecksState = ReturnType<typeof usePlanChecks>;
