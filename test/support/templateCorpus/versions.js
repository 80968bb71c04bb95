'use strict';
// The words of each version of the BCF planning template: years, sheet names, the words of the
// Source of Funding / Commissioner drop-downs and their canonical ids, and the expenditure columns.
// Facts only (from general knowledge of the published templates); the layouts are written anew.

const DISCHARGE_TYPES = [
  'High Impact Change Model for Managing Transfer of Care',
  'Home-based intermediate care services',
  'Bed based intermediate Care Services',
  'Reablement in a persons own home',
  'Home Care or Domiciliary Care',
  'Residential Placements',
  'Workforce recruitment and retention',
  'Assistive Technologies and Equipment',
  'Urgent Community Response',
  'Personalised Care at Home',
  'Integrated Care Planning and Navigation',
];

/** Scheme types and a few of their sub types (null: the type has none in the drop-down). */
const SUB_TYPES = {
  'Assistive Technologies and Equipment': ['Telecare', 'Community based equipment', 'Digital participation services'],
  'Care Act Implementation Related Duties': ['Safeguarding', 'Independent Mental Health Advocacy'],
  'Carers Services': ['Respite services', 'Carer advice and support related to Care Act duties'],
  'Community Based Schemes': [
    'Integrated neighbourhood services',
    'Low level social support for simple hospital discharge',
  ],
  'DFG Related Schemes': ['Adaptations, including statutory DFG grants', 'Discretionary use of DFG'],
  'Enablers for Integration': ['Data Integration', 'Joint commissioning infrastructure', 'Workforce development'],
  'High Impact Change Model for Managing Transfer of Care': [
    'Early Discharge Planning',
    'Multi-Disciplinary/Multi-Agency Discharge Teams supporting discharge',
    'Home First/Discharge to Assess - process support/core costs',
  ],
  'Home Care or Domiciliary Care': ['Domiciliary care packages', 'Domiciliary care to support hospital discharge'],
  'Housing Related Schemes': null,
  'Integrated Care Planning and Navigation': ['Care navigation and planning', 'Assessment teams/joint assessment'],
  'Bed based intermediate Care Services': ['Step down (discharge to assess pathway-2)', 'Step up - intermediate care'],
  'Home-based intermediate care services': [
    'Reablement at home (to support discharge)',
    'Rehabilitation at home (to support discharge)',
  ],
  'Reablement in a persons own home': ['Reablement to support discharge -step down', 'Preventing admissions'],
  'Urgent Community Response': null,
  'Personalised Budgeting and Commissioning': null,
  'Personalised Care at Home': ['Physical health/wellbeing', 'Mental health /wellbeing'],
  'Prevention / Early Intervention': ['Social Prescribing', 'Risk Stratification'],
  'Residential Placements': [
    'Care home',
    'Nursing home',
    'Short-term residential/nursing care for someone likely to require a longer-term care home placement',
  ],
  'Workforce recruitment and retention': null,
  Other: null,
};

const AREAS = ['Social Care', 'Community Health', 'Continuing Care', 'Primary Care', 'Acute', 'Mental Health', 'Other'];
const OUTPUT_UNITS = {
  'Home Care or Domiciliary Care': 'Hours of care',
  'Residential Placements': 'Number of beds',
  'Bed based intermediate Care Services': 'Number of placements',
  'Home-based intermediate care services': 'Packages',
  'Reablement in a persons own home': 'Packages',
  'DFG Related Schemes': 'Number of adaptations funded/people supported',
  'Carers Services': 'Beneficiaries',
  'Assistive Technologies and Equipment': 'Number of beneficiaries',
  'Workforce recruitment and retention': "WTE's gained",
};

// ---- the columns of the expenditure sheet, by key ------------------------------------------
// id, name, desc, type, subType, typeOther, outputs (one per year or one), units, area, areaOther,
// commissioner, nhsPct, laPct, provider, source, spend:<year index>, total, status.
const COLS_2017 = [
  ['id', 'Scheme ID'],
  ['name', 'Scheme Name'],
  ['type', 'Scheme Type'],
  ['typeOther', "Please specify if 'Scheme Type' is 'other'"],
  ['area', 'Area of Spend'],
  ['areaOther', "Please specify if 'Area of Spend' is 'other'"],
  ['commissioner', 'Commissioner'],
  ['nhsPct', '% NHS (if Joint Commissioner)'],
  ['laPct', '% LA (if Joint Commissioner)'],
  ['provider', 'Provider'],
  ['source', 'Source of Funding'],
  ['spend:0', '2017/18 Expenditure (£)'],
  ['spend:1', '2018/19 Expenditure (£)'],
  ['status', 'New/ Existing Scheme'],
];
const insertAfter = (cols, key, extra) => {
  const i = cols.findIndex((c) => c[0] === key);
  return [...cols.slice(0, i + 1), ...extra, ...cols.slice(i + 1)];
};
const COLS_2019 = insertAfter(
  COLS_2017.filter((c) => c[0] !== 'spend:1').map((c) => (c[0] === 'spend:0' ? ['spend:0', 'Expenditure (£)'] : c)),
  'type',
  [['subType', 'Sub Types']],
);
const cols2122 = (desc, unitsHead) =>
  insertAfter(
    desc ? insertAfter(COLS_2019, 'name', [['desc', 'Brief Description of Scheme']]) : COLS_2019,
    'typeOther',
    [
      ['outputs:0', 'Planned Outputs'],
      ['units', unitsHead],
    ],
  );
const COLS_2023 = [
  ['id', 'Scheme ID'],
  ['name', 'Scheme Name'],
  ['desc', 'Brief Description of Scheme'],
  ['type', 'Scheme Type'],
  ['subType', 'Sub Types'],
  ['typeOther', "Please specify if 'Scheme Type' is 'Other'"],
  ['outputs:0', 'Planned Outputs 2023-24'],
  ['outputs:1', 'Planned Outputs 2024-25'],
  ['units', 'Units'],
  ['area', 'Area of Spend'],
  ['areaOther', "Please specify if 'Area of Spend' is 'other'"],
  ['commissioner', 'Commissioner'],
  ['nhsPct', '% NHS (if Joint Commissioner)'],
  ['laPct', '% LA (if Joint Commissioner)'],
  ['provider', 'Provider'],
  ['source', 'Source of Funding'],
  ['spend:0', 'Expenditure for 2023-24 (£)'],
  ['spend:1', 'Expenditure for 2024-25 (£)'],
  ['status', 'New/ Existing Scheme'],
];
const COLS_2025 = COLS_2023.filter((c) => c[0] !== 'outputs:1' && c[0] !== 'spend:1').map((c) =>
  c[0] === 'outputs:0'
    ? ['outputs:0', 'Planned Outputs 2025-26']
    : c[0] === 'spend:0'
      ? ['spend:0', 'Expenditure for 2025-26 (£)']
      : c,
);

/** Canonical commissioner -> the word typed. */
const COMM = (nhs) => ({ LA: 'LA', NHS: nhs, Joint: 'Joint' });

const VERSIONS = {
  '2015-16': {
    years: ['2014/15', '2015/16'],
    title: 'Better Care Fund Planning Template - Part 2',
    cover: 'Cover',
    income: ['Funding sources'],
    expenditure: ['Expenditure plan', 'Expenditure Plan', 'BCF Expenditure'],
    others: ['Benefits plan'],
    block: false,
    sources: { additionalLa: 'Local Authority', nhsMinimum: 'CCG' },
    commissioner: [{ LA: 'Local Authority', NHS: 'CCG', Joint: 'Joint' }],
    nhsOrg: 'CCG',
    cols: [
      ['name', 'Scheme Name'],
      ['area', 'Area of Spend'],
      ['commissioner', 'Commissioner'],
      ['provider', 'Provider'],
      ['source', 'Source of Funding'],
      ['spend:0', '2014/15 Expenditure (£)'],
      ['spend:1', '2015/16 Expenditure (£)'],
      ['status', 'New/Existing'],
    ],
  },
  '2017-19': {
    years: ['2017/18', '2018/19'],
    title: 'Integration and Better Care Fund planning template 2017-19',
    cover: '2. Cover',
    income: ['3. Income', 'Income'],
    expenditure: ['4. Expenditure', 'Expenditure', 'BCF Expenditure'],
    others: ['1. Guidance', '5. Metrics', '6. Planning Requirements'],
    block: true,
    sources: {
      dfg: 'DFG',
      nhsMinimum: 'CCG Minimum Contribution',
      ibcf: 'iBCF',
      additionalLa: 'Additional LA Contribution',
      additionalNhs: 'Additional CCG Contribution',
    },
    commissioner: [COMM('CCG')],
    nhsOrg: 'CCG',
    cols: COLS_2017,
  },
  '2019-20': {
    years: ['2019/20'],
    title: 'Better Care Fund 2019/20 Template',
    cover: '2. Cover',
    income: ['4. Income', 'Income'],
    expenditure: ['5. Expenditure', 'Expenditure plan'],
    others: ['1. Guidance', '6. Metrics', '7. Planning Requirements'],
    block: true,
    sources: {
      dfg: 'DFG',
      nhsMinimum: 'CCG Minimum Contribution',
      ibcf: 'iBCF',
      winterPressures: 'Winter Pressures Grant',
      additionalLa: 'Additional LA Contribution',
      additionalNhs: 'Additional CCG Contribution',
    },
    commissioner: [COMM('CCG')],
    nhsOrg: 'CCG',
    cols: COLS_2019,
  },
  '2021-22': {
    years: ['2021/22'],
    title: 'Better Care Fund 2021-22 Template',
    cover: '2. Cover',
    income: ['4. Income', 'BCF Income'],
    expenditure: ['5. Expenditure', 'Expenditure'],
    others: ['1. Guidance', '6. Metrics', '7. Planning Requirements'],
    block: true,
    sources: {
      dfg: 'DFG',
      nhsMinimum: 'Minimum CCG Contribution',
      ibcf: 'iBCF',
      additionalLa: 'Additional LA Contribution',
      additionalNhs: 'Additional CCG Contribution',
    },
    commissioner: [COMM('CCG')],
    nhsOrg: 'CCG',
    cols: cols2122(false, 'Planned Output Unit Estimate'),
  },
  '2022-23': {
    years: ['2022/23'],
    title: 'Better Care Fund 2022-23 Template',
    cover: '2. Cover',
    income: ['4. Income', 'Income'],
    expenditure: ['5. Expenditure', 'BCF Expenditure'],
    others: ['1. Guidance', '6. Metrics', '7. Planning Requirements'],
    block: true,
    sources: {
      dfg: 'DFG',
      nhsMinimum: ['Minimum ICB Contribution', 'Minimum NHS Contribution'],
      ibcf: 'iBCF',
      additionalLa: 'Additional LA Contribution',
      additionalNhs: ['Additional ICB Contribution', 'Additional NHS Contribution'],
    },
    commissioner: [COMM('ICB'), COMM('CCG')],
    nhsOrg: 'ICB',
    cols: cols2122(true, 'Units'),
  },
  '2023-25': {
    years: ['2023/24', '2024/25'],
    title: 'Better Care Fund 2023-25 Planning Template',
    cover: '2. Cover',
    income: ['5. Income', 'Income'],
    expenditure: ['6a. Expenditure', 'Expenditure plan', 'BCF Expenditure'],
    others: ['1. Guidance', '8. Metrics', '9. Planning Requirements'],
    block: true,
    sources: {
      dfg: 'DFG',
      nhsMinimum: 'Minimum NHS Contribution',
      ibcf: 'iBCF',
      laDischarge: 'Local Authority Discharge Funding',
      icbDischarge: 'ICB Discharge Funding',
      additionalLa: 'Additional LA Contribution',
      additionalNhs: 'Additional NHS Contribution',
    },
    commissioner: [COMM('NHS')],
    nhsOrg: 'ICB',
    cols: COLS_2023,
  },
  '2025-26': {
    years: ['2025/26'],
    title: 'Better Care Fund 2025-26 Planning Template',
    cover: '2. Cover',
    income: ['3. Income', 'Income'],
    expenditure: ['4. Expenditure', 'Expenditure'],
    others: ['1. Guidance', '5. Metrics', '6. Planning Requirements'],
    block: true,
    sources: {
      dfg: 'DFG',
      nhsMinimum: 'Minimum NHS Contribution',
      laBetterCareGrant: 'Local Authority Better Care Grant',
      additionalLa: 'Additional LA Contribution',
      additionalNhs: 'Additional NHS Contribution',
    },
    commissioner: [COMM('NHS')],
    nhsOrg: 'ICB',
    cols: COLS_2025,
  },
};

/** The Income sheet's label of a source (its heading row). */
const INCOME_LABEL = {
  dfg: 'Disabled Facilities Grant (DFG)',
  ibcf: 'Improved Better Care Fund (iBCF)',
  winterPressures: 'Winter Pressures Grant',
  laDischarge: 'Local Authority Discharge Funding',
  icbDischarge: 'ICB Discharge Funding',
  laBetterCareGrant: 'Local Authority Better Care Grant',
  additionalLa: 'Additional LA Contribution',
  additionalNhs: 'Additional NHS Contribution',
};

module.exports = { VERSIONS, DISCHARGE_TYPES, SUB_TYPES, AREAS, OUTPUT_UNITS, INCOME_LABEL };
