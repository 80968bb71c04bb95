'use strict';
// A made-up board's plan for one template version: lines, income, required spend, worked out
// exactly (decimal.js), with the plan-level faults seeded (duplicate id, discharge type, joint %,
// text in a money cell, overspent source, spend under the minimum). The layout comes after.
const Decimal = require('decimal.js').clone({ precision: 40, rounding: 4 /* ROUND_HALF_UP */ });
const { VERSIONS, DISCHARGE_TYPES, SUB_TYPES, OUTPUT_UNITS } = require('./versions');

const D = (v) => new Decimal(v);
const ZERO = D(0);
const money = (d) => (d === null ? null : d.toFixed(2));

const NAMES = [
  'Integrated discharge team',
  'Community rapid response',
  'Carers support and breaks',
  'Home first reablement',
  'Care home in-reach',
  'Falls prevention and response',
  'Social prescribing link workers',
  'Dementia navigators',
  'Telecare and community alarms',
  'Step-down beds',
  'Hospital to home',
  'Mental health crisis support',
  'Multidisciplinary neighbourhood teams',
  'Protecting adult social care',
  'Care Act duties',
  'Intermediate care at home',
  'Trusted assessors',
  'End of life care at home',
  'Community equipment service',
  'Home adaptations',
  'Handyperson service',
  'Domiciliary care capacity',
  'Discharge to assess beds',
  'Care workforce retention payments',
  'Voluntary sector hospital discharge',
  'Integrated community nursing',
  'Wheelchair service',
  'Extra care housing support',
];
const OOH_AREAS = ['Community Health', 'Community Health', 'Primary Care', 'Mental Health', 'Continuing Care', 'Other'];
const ASC_TYPES = [
  'Home Care or Domiciliary Care',
  'Residential Placements',
  'Carers Services',
  'Care Act Implementation Related Duties',
  'Reablement in a persons own home',
  'Prevention / Early Intervention',
  'Personalised Budgeting and Commissioning',
];
const OOH_TYPES = [
  'Community Based Schemes',
  'Integrated Care Planning and Navigation',
  'Urgent Community Response',
  'Personalised Care at Home',
  'Bed based intermediate Care Services',
  'Home-based intermediate care services',
  'Enablers for Integration',
  'Other',
];
const LA_TYPES = [
  'Home Care or Domiciliary Care',
  'Residential Placements',
  'Workforce recruitment and retention',
  'Care Act Implementation Related Duties',
  'High Impact Change Model for Managing Transfer of Care',
  'Housing Related Schemes',
];
const NOT_DISCHARGE = [
  'Carers Services',
  'Prevention / Early Intervention',
  'DFG Related Schemes',
  'Enablers for Integration',
];
const JOINT_SHARES = [50, 60, 70, 75, 40, 80, 25, 65];

/** Which kinds of line come first, so that small plans still have each source, a joint line, ASC and OOH spend. */
const PATTERN = [
  'nhsMinimum:asc',
  'nhsMinimum:ooh',
  'dfg',
  'nhsMinimum:joint',
  'laDischarge',
  'icbDischarge',
  'ibcf',
  'winterPressures',
  'laBetterCareGrant',
  'additionalLa',
  'nhsMinimum:ooh',
  'additionalNhs',
  'nhsMinimum:asc',
  'nhsMinimum:joint',
];

function picker(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  return { int, pick };
}

/** One line of the given kind (source[:asc|ooh|joint]). */
function lineOf(kind, i, ctx) {
  const { int, pick } = ctx;
  const [source, flavour] = kind.split(':');
  const v = ctx.v;
  const joint = flavour === 'joint' && v.cols.some((c) => c[0] === 'nhsPct');
  let type;
  let area = 'Social Care';
  let commissioner = 'LA';
  let provider = pick(['Local Authority', 'Local Authority', 'Private Sector', 'Charity / Voluntary Sector']);
  if (source === 'nhsMinimum' && flavour === 'asc') type = pick(ASC_TYPES);
  else if (source === 'nhsMinimum' || source === 'additionalNhs' || source === 'icbDischarge') {
    area = rand01(ctx) < 0.1 && source === 'nhsMinimum' ? 'Acute' : pick(OOH_AREAS);
    commissioner = joint ? 'Joint' : 'NHS';
    provider =
      area === 'Acute'
        ? 'NHS Acute Provider'
        : pick(['NHS Community Provider', 'NHS Mental Health Provider', 'Charity / Voluntary Sector', v.nhsOrg]);
    type = source === 'icbDischarge' ? pick(DISCHARGE_TYPES) : pick(OOH_TYPES);
  } else if (source === 'dfg') {
    type = pick(['DFG Related Schemes', 'DFG Related Schemes', 'Housing Related Schemes']);
    provider = 'Local Authority';
  } else if (source === 'laDischarge') type = pick(DISCHARGE_TYPES);
  else if (source === 'additionalLa') type = pick([...LA_TYPES, 'Other']);
  else type = pick(LA_TYPES);
  if (!ctx.hasSubTypes && type === 'Personalised Care at Home') type = 'Community Based Schemes';
  const subs = SUB_TYPES[type];
  const years = v.years.map((_, k) => k);
  let base = D(int(8, 1800) * 1000 + int(0, 999));
  if (!joint && source !== 'nhsMinimum' && rand01(ctx) < 0.3) base = base.plus(D(int(1, 99)).dividedBy(100));
  const startsLater = years.length > 1 && rand01(ctx) < 0.1 && source !== 'nhsMinimum';
  const spend = years.map((k) =>
    k === 0
      ? startsLater
        ? ZERO
        : base
      : base
          .times(1 + int(0, 8) / 100)
          .toDecimalPlaces(0)
          .plus(base.minus(base.floor())),
  );
  const nhsShare = joint ? pick(JOINT_SHARES) : null;
  return {
    id: String(i + 1),
    name: nameFor(type, ctx.seed + i),
    desc: `${pick(['Continue', 'Expand', 'Fund', 'Maintain'])} ${pick(['capacity', 'the service', 'staffing', 'provision'])} for ${pick(['older people', 'people leaving hospital', 'carers', 'adults with complex needs'])}`,
    type,
    subType: ctx.hasSubTypes && subs ? pick(subs) : null,
    typeOther: type === 'Other' ? pick(['Hospice services', 'Advice and information', 'Digital inclusion']) : null,
    outputs: years.map(() => int(10, 4000)),
    units: OUTPUT_UNITS[type] || null,
    area,
    areaOther: area === 'Other' ? pick(['Hospice', 'Community pharmacy']) : null,
    commissioner,
    nhsPercent: nhsShare === null ? null : String(nhsShare),
    laPercent: nhsShare === null ? null : String(100 - nhsShare),
    provider,
    source,
    spend,
    spendText: years.map(() => null),
    status: startsLater || rand01(ctx) < 0.3 ? 'new' : 'existing',
  };
}
const rand01 = (ctx) => ctx.rand();

/** A scheme name that fits its type (from the list, for types the list covers). */
const TYPE_WORDS = {
  'DFG Related Schemes': ['Home adaptations', 'Disabled Facilities Grant', 'Handyperson service'],
  'Housing Related Schemes': ['Extra care housing support', 'Handyperson service'],
  'Carers Services': ['Carers support and breaks'],
  'Assistive Technologies and Equipment': [
    'Telecare and community alarms',
    'Community equipment service',
    'Wheelchair service',
  ],
  'Home Care or Domiciliary Care': ['Domiciliary care capacity', 'Hospital to home'],
  'Residential Placements': ['Discharge to assess beds', 'Care home in-reach'],
  'Workforce recruitment and retention': ['Care workforce retention payments'],
  'Bed based intermediate Care Services': ['Step-down beds', 'Discharge to assess beds'],
  'Home-based intermediate care services': ['Intermediate care at home', 'Home first reablement'],
  'Reablement in a persons own home': ['Home first reablement'],
  'Urgent Community Response': ['Community rapid response'],
  'High Impact Change Model for Managing Transfer of Care': ['Integrated discharge team', 'Trusted assessors'],
  'Integrated Care Planning and Navigation': ['Dementia navigators', 'Multidisciplinary neighbourhood teams'],
  'Care Act Implementation Related Duties': ['Care Act duties', 'Protecting adult social care'],
};
function nameFor(type, k) {
  const list = TYPE_WORDS[type] || NAMES;
  return list[k % list.length];
}

/** The lines of a plan, in sheet order (grouped by source when the copy has sub-totals). */
function makeLines(version, n, rand, seed, look) {
  const v = VERSIONS[version];
  const ctx = { rand, seed, v, hasSubTypes: v.cols.some((c) => c[0] === 'subType'), ...picker(rand) };
  const have = Object.keys(v.sources);
  const kinds = PATTERN.filter((k) => have.includes(k.split(':')[0]));
  const lines = [];
  for (let i = 0; i < n; i++) {
    let kind = kinds[i];
    if (!kind) {
      const r = rand();
      kind = r < 0.45 ? ctx.pick(['nhsMinimum:asc', 'nhsMinimum:ooh', 'nhsMinimum:joint']) : ctx.pick(kinds);
    }
    lines.push(lineOf(kind, i, ctx));
  }
  // Sheet order: shuffled as people add lines, or grouped by source under sub-totals.
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  if (look.subtotals) lines.sort((a, b) => have.indexOf(a.source) - have.indexOf(b.source));
  lines.forEach((l, i) => (l.id = look.idStyle === 'code' ? `S${String(i + 1).padStart(2, '0')}` : String(i + 1)));
  return lines;
}

const spendOf = (l, k) => l.spend[k] || ZERO;
const sum = (list) => list.reduce((a, b) => a.plus(b), ZERO);

/** Planned spend from the minimum NHS contribution: ASC (Social Care, full amount) and OOH (NHS share, not Acute). */
function plannedSpend(lines, k) {
  const min = lines.filter((l) => l.source === 'nhsMinimum');
  const asc = sum(min.filter((l) => l.area === 'Social Care').map((l) => spendOf(l, k)));
  const share = (l) =>
    l.commissioner === 'NHS' ? D(1) : l.commissioner === 'Joint' ? D(l.nhsPercent).dividedBy(100) : ZERO;
  const ooh = sum(
    min.filter((l) => l.area !== 'Social Care' && l.area !== 'Acute').map((l) => spendOf(l, k).times(share(l))),
  );
  return { ooh, asc };
}

/** Seeds the faults that change the plan itself; returns marks the layout turns into cells. */
function seedPlanFaults(plan, faults, rand) {
  const { int, pick } = picker(rand);
  const marks = [];
  const used = new Set();
  const choose = (pred, what) => {
    const options = plan.lines.map((l, i) => i).filter((i) => !used.has(i) && pred(plan.lines[i], i));
    if (!options.length) throw new Error(`${plan.version}: no line for a ${what} fault`);
    const i = pick(options);
    used.add(i);
    return i;
  };
  for (const rule of faults) {
    if (rule === 'duplicate-id') {
      if (!plan.hasIds) throw new Error(`${plan.version} has no Scheme ID column`);
      // Another scheme's ID: a line of the same name under the same ID is one scheme on several lines.
      const j = choose((l, i) => i > 0 && plan.lines.slice(0, i).some((e) => e.name !== l.name), rule);
      let i = int(0, j - 1);
      while (plan.lines[i].name === plan.lines[j].name) i = (i + 1) % j;
      plan.lines[j].id = plan.lines[i].id;
      marks.push({ rule, line: j, key: 'id', note: `Scheme ID ${plan.lines[i].id} again (first on line ${i + 1})` });
    } else if (rule === 'discharge-type') {
      const i = choose((l) => l.source === 'laDischarge' || l.source === 'icbDischarge', rule);
      const l = plan.lines[i];
      l.type = pick(NOT_DISCHARGE);
      l.subType = plan.hasSubTypes && SUB_TYPES[l.type] ? SUB_TYPES[l.type][0] : null;
      l.typeOther = null;
      marks.push({ rule, line: i, key: 'type', note: `discharge funding spent on ${l.type}` });
    } else if (rule === 'joint-percent') {
      const i = choose((l) => l.commissioner === 'Joint', rule);
      const l = plan.lines[i];
      const off = Number(l.nhsPercent) > 50 ? -10 : 10;
      l.laPercent = String(100 - Number(l.nhsPercent) + off);
      marks.push({ rule, line: i, key: 'nhsPct', note: `% NHS ${l.nhsPercent} + % LA ${l.laPercent}` });
    } else if (rule === 'unreadable-input') {
      const k = int(0, plan.years.length - 1);
      const i = choose((l) => l.source !== 'nhsMinimum' && !l.spend[k].isZero(), rule);
      const l = plan.lines[i];
      l.spend[k] = null;
      l.spendText[k] = pick(['TBC', 'approx 10k', 'tbc - awaiting quote', 'see note']);
      marks.push({ rule, line: i, key: `spend:${k}`, note: `"${l.spendText[k]}" in a money cell` });
    }
  }
  return marks;
}

/** Income per source and year: what the lines spend plus some headroom (whole £000 where the copy is in £000). */
function makeIncome(plan, rand, thousands) {
  const { int } = picker(rand);
  const income = {};
  for (const src of plan.sources) {
    income[src] = plan.years.map((_, k) => {
      const spent = sum(plan.lines.filter((l) => l.source === src).map((l) => spendOf(l, k)));
      if (spent.isZero()) return ZERO;
      let inc = rand() < 0.4 ? spent : spent.plus(spent.times(int(0, 50)).dividedBy(1000).toDecimalPlaces(0));
      if (thousands) inc = inc.dividedBy(1000).ceil().times(1000);
      return inc;
    });
  }
  return income;
}

/** Builds the plan: lines, plan-level faults, income, required spend; every figure from the final lines. */
function makePlan({ version, n, seed, rand, look, faults }) {
  const v = VERSIONS[version];
  const lines = makeLines(version, n, rand, seed, look);
  const plan = {
    version,
    years: v.years,
    sources: Object.keys(v.sources),
    lines,
    hasIds: v.cols.some((c) => c[0] === 'id'),
    hasSubTypes: v.cols.some((c) => c[0] === 'subType'),
    block: v.block,
  };
  const marks = seedPlanFaults(plan, faults, rand);
  plan.income = makeIncome(plan, rand, look.thousands);
  const { int, pick } = picker(rand);
  if (faults.includes('source-overspent')) {
    const options = [];
    for (const src of plan.sources)
      plan.years.forEach((_, k) => {
        const spent = sum(lines.filter((l) => l.source === src).map((l) => spendOf(l, k)));
        if (spent.gt(20000) && (version !== '2015-16' || src === 'additionalLa' || !look.twoCcgs))
          options.push({ src, k, spent });
      });
    const o = pick(options);
    let over = o.spent.minus(o.spent.times(int(20, 120)).dividedBy(1000).toDecimalPlaces(0));
    if (look.thousands) over = over.dividedBy(1000).floor().times(1000);
    plan.income[o.src][o.k] = over;
    marks.push({
      rule: 'source-overspent',
      src: o.src,
      k: o.k,
      note: `${o.src} spends ${money(o.spent)} of ${money(over)}`,
    });
  }
  plan.spend = {};
  for (const src of plan.sources)
    plan.spend[src] = plan.years.map((_, k) => sum(lines.filter((l) => l.source === src).map((l) => spendOf(l, k))));
  plan.total = plan.years.map((_, k) => sum(lines.map((l) => spendOf(l, k))));
  if (v.block) {
    const under = faults.includes('minimum-spend')
      ? { k: int(0, plan.years.length - 1), row: pick(['ooh', 'asc']) }
      : null;
    plan.required = plan.years.map((_, k) => {
      const planned = plannedSpend(lines, k);
      const out = {};
      for (const row of ['ooh', 'asc']) {
        const p = planned[row];
        const short = under && under.k === k && under.row === row;
        const minimum = short
          ? p.plus(p.times(int(30, 90)).dividedBy(1000).toDecimalPlaces(0)).plus(1000)
          : p.times(int(900, 990)).dividedBy(1000).floor();
        out[row] = { minimum, planned: p, under: Decimal.max(ZERO, minimum.minus(p)) };
      }
      return out;
    });
    if (under)
      marks.push({ rule: 'minimum-spend', row: under.row, k: under.k, note: `${under.row} planned below minimum` });
  }
  plan.marks = marks;
  return plan;
}

/** The manifest's expected figures for a plan. */
function expectedOf(plan) {
  const byYear = (arr) => Object.fromEntries(plan.years.map((y, k) => [y, money(arr[k])]));
  const bySource = (m) => Object.fromEntries(plan.sources.map((s) => [s, byYear(m[s])]));
  return {
    lines: plan.lines.map((l) => ({
      id: plan.hasIds ? l.id : null,
      name: l.name,
      schemeType: l.type,
      subType: l.subType,
      areaOfSpend: l.area,
      commissioner: l.commissioner,
      nhsPercent: l.nhsPercent,
      provider: l.provider,
      source: l.source,
      spend: byYear(l.spend),
      status: l.status,
    })),
    spendByYear: byYear(plan.total),
    spendBySource: bySource(plan.spend),
    incomeBySource: bySource(plan.income),
    ...(plan.required
      ? {
          requiredSpend: Object.fromEntries(
            plan.years.map((y, k) => [
              y,
              Object.fromEntries(
                ['ooh', 'asc'].map((row) => [
                  row,
                  Object.fromEntries(Object.entries(plan.required[k][row]).map(([key, d]) => [key, money(d)])),
                ]),
              ),
            ]),
          ),
        }
      : {}),
  };
}

module.exports = { makePlan, expectedOf, plannedSpend, money, D, Decimal, sum };
