'use strict';
// Barnet's 2014/15 scheme table (DOMAIN.md) laid out the ways people bring it that the corpora
// don't: a blank column between its own columns, the pound sign in a cell of its own, years
// headed "FY14/15", pence and sub-totals per tier, one cost or count typed wrong. The figures are
// worked out here with decimal.js from the plan's costs and admissions, independently of the
// audit; each builder returns sheets for `toXlsx` (schemeTableCorpus.js) and the cells it seeded.
const Decimal = require('decimal.js').clone({ precision: 40, rounding: 4 /* ROUND_HALF_UP */ });
const { toXlsx } = require('./schemeTableCorpus');

const D = (v) => new Decimal(v);
const UNIT = 2004;
/** Tier, ref, name, 2014/15 cost, in the pool, reduced NEL admissions. */
const SCHEMES = [
  ['1', '1a', 'Promoting independence', 35000, false, 23],
  ['2', '2a', 'Integrated care tier 2', 267357, true, 15],
  ['2', '2b', 'Multidisciplinary teams', 1057451, true, 155],
  ['2', '2c', 'Carers support', 231000, true, 29],
  ['3', '3a', 'Intensive support', 636171, true, 413],
  ['3', '3b', 'Care Act duties', 300000, true, 0],
  ['4', '4a', 'Enablers', 862021, true, 0],
  ['4', '4b', 'Protecting social care', 3280000, true, 0],
].map(([tier, ref, name, cost, inPool, nel]) => ({ tier, ref, name, cost: D(cost), inPool, nel: D(nel) }));

const POOL = SCHEMES.filter((s) => s.inPool).reduce((a, s) => a.plus(s.cost), D(0));
const ALL = SCHEMES.reduce((a, s) => a.plus(s.cost), D(0));
const NEL = SCHEMES.reduce((a, s) => a.plus(s.nel), D(0));
const ROWS = SCHEMES.map((s) => ({
  ...s,
  share: s.inPool ? s.cost.dividedBy(POOL).times(100) : null,
  saving: s.nel.times(UNIT),
  change: s.nel.dividedBy(NEL).times(100),
}));
const SAVING = ROWS.reduce((a, s) => a.plus(s.saving), D(0));

const grouped = (d, dp = 0) => {
  const [i, f] = d.abs().toFixed(dp).split('.');
  return `${d.isNegative() ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
};
const pct = (d) => (d === null ? 'n/a' : d.toDecimalPlaces(2).toNumber());
const orNull = (d) => (d.isZero() ? null : d.toNumber());

/** A sheet for toXlsx from rows of values ({v, fmt} for a formatted number); rows to hide, 0-based. */
function sheet(name, rows, hidden = []) {
  const cells = new Map();
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      cells.set(`${r},${c}`, typeof v === 'object' ? v : { v });
    }),
  );
  return { name, cells, merges: [], hidden };
}

/** The standard row of a scheme: ref, name, cost, % of pool, NEL, saving, % change. */
const standard = (s) => [
  s.ref,
  s.name,
  s.cost.toNumber(),
  pct(s.share),
  orNull(s.nel),
  orNull(s.saving),
  s.nel.isZero() ? null : pct(s.change),
];
const HEAD = ['Ref', 'Scheme', 'Cost (£)', '% of BCF pool', 'Reduced NEL admissions', 'Saving (£)', '% change NEL'];
const TOTAL = ['Total', '', POOL.toNumber(), 100, NEL.toNumber(), SAVING.toNumber(), 100];

module.exports = { D, UNIT, SCHEMES, ROWS, POOL, ALL, NEL, SAVING, HEAD, TOTAL, standard, sheet, grouped, toXlsx };
