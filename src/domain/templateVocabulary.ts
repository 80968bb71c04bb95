/**
 * The words of NHS England's BCF planning template, as data in one place: funding sources, scheme
 * types, areas of spend, commissioners, providers. Each cycle's template words some of them
 * differently ("Minimum CCG Contribution" in 2021-22 is "Minimum NHS Contribution" in 2023-25), so
 * each entry carries the wordings seen, and `matchX` reads any of them (case, spacing, brackets and
 * "CCG"/"ICB"/"NHS" forgiven) back to one id. The layouts write `label`; lists offer `label`s.
 */

export const SOURCE_IDS = [
  'dfg',
  'nhsMinimum',
  'ibcf',
  'winterPressures',
  'laDischarge',
  'icbDischarge',
  'laBetterCareGrant',
  'additionalLa',
  'additionalNhs',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface FundingSource {
  readonly id: SourceId;
  /** As the current template words it. */
  readonly label: string;
  /** Other wordings of earlier templates and of people's own copies. */
  readonly aliases: readonly string[];
  /** Who puts the money in: the council or the NHS. */
  readonly from: 'LA' | 'NHS';
  /** Money given to speed discharge from hospital: spend it on discharge-related scheme types. */
  readonly discharge?: boolean;
  /** The partner's minimum contribution to the pool (the council's is its DFG). */
  readonly minimum?: boolean;
}

export const FUNDING_SOURCES: readonly FundingSource[] = [
  {
    id: 'dfg',
    label: 'DFG',
    aliases: ['Disabled Facilities Grant', 'Disabled Facilities Grant (DFG)'],
    from: 'LA',
    minimum: true,
  },
  {
    id: 'nhsMinimum',
    label: 'Minimum NHS Contribution',
    aliases: [
      'Minimum CCG Contribution',
      'CCG Minimum Contribution',
      'Minimum ICB Contribution',
      'NHS Minimum Contribution',
    ],
    from: 'NHS',
    minimum: true,
  },
  { id: 'ibcf', label: 'iBCF', aliases: ['Improved Better Care Fund', 'Improved BCF'], from: 'LA' },
  { id: 'winterPressures', label: 'Winter Pressures Grant', aliases: ['Winter Pressures'], from: 'LA' },
  {
    id: 'laDischarge',
    label: 'Local Authority Discharge Funding',
    // The 2022-23 Adult Social Care Discharge Fund had a council and an ICB part: unnamed, it is the
    // council's; under it, a row naming the ICB is the ICB's (organisationShare).
    aliases: [
      'LA Discharge Funding',
      'Local Authority Discharge Fund',
      'Adult Social Care Discharge Fund',
      'ASC Discharge Fund',
    ],
    from: 'LA',
    discharge: true,
  },
  {
    id: 'icbDischarge',
    label: 'ICB Discharge Funding',
    aliases: ['NHS Discharge Funding', 'ICB Discharge Fund'],
    from: 'NHS',
    discharge: true,
  },
  {
    id: 'laBetterCareGrant',
    label: 'Local Authority Better Care Grant',
    // Published papers word the 2025-26 council grant several ways: one source.
    aliases: [
      'LA Better Care Grant',
      'Local Authority Better Care Fund Grant',
      'Local Authority Better Care Fund',
      'LA Better Care Fund Grant',
    ],
    from: 'LA',
  },
  {
    id: 'additionalLa',
    label: 'Additional LA Contribution',
    // "Local Authority Additional Contribution" heads the 2019-20 to 2025-26 income tabs' table.
    aliases: [
      'Additional Local Authority Contribution',
      'Additional Council Contribution',
      'Local Authority Additional Contribution',
      'LA Additional Contribution',
    ],
    from: 'LA',
  },
  {
    id: 'additionalNhs',
    label: 'Additional NHS Contribution',
    aliases: [
      'Additional CCG Contribution',
      'Additional ICB Contribution',
      'CCG Additional Contribution',
      'ICB Additional Contribution',
      'NHS Additional Contribution',
    ],
    from: 'NHS',
  },
];

export const COMMISSIONERS = ['LA', 'NHS', 'Joint'] as const;
export type Commissioner = (typeof COMMISSIONERS)[number];
const COMMISSIONER_WORDS: Readonly<Record<Commissioner, readonly string[]>> = {
  LA: ['LA', 'Local Authority', 'Council'],
  // "NHS England" (and its former name) commissioned some lines of the 2015-16 plans.
  NHS: [
    'NHS',
    'CCG',
    'ICB',
    'NHS (ICB)',
    'NHS (CCG)',
    'Clinical Commissioning Group',
    'Integrated Care Board',
    'NHS England',
    'NHS Commissioning Board',
  ],
  Joint: ['Joint', 'Jointly commissioned'],
};

export const STATUSES = ['new', 'existing'] as const;
export type SchemeStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Readonly<Record<SchemeStatus, string>> = { new: 'New', existing: 'Existing' };

export interface SchemeType {
  readonly label: string;
  readonly aliases?: readonly string[];
  /** A scheme type discharge funding may pay for (the 2023-25 guidance's discharge-related types). */
  readonly discharge?: boolean;
  readonly subTypes?: readonly string[];
}

export const SCHEME_TYPES: readonly SchemeType[] = [
  {
    label: 'Assistive Technologies and Equipment',
    discharge: true,
    subTypes: ['Telecare', 'Community based equipment', 'Digital participation services', 'Other'],
  },
  {
    label: 'Care Act Implementation Related Duties',
    subTypes: ['Independent Mental Health Advocacy', 'Safeguarding', 'Other'],
  },
  { label: 'Carers Services', subTypes: ['Respite services', 'Carer advice and support', 'Other'] },
  { label: 'Community Based Schemes', subTypes: ['Integrated neighbourhood services', 'Low level support', 'Other'] },
  {
    label: 'DFG Related Schemes',
    subTypes: ['Adaptations, including statutory DFG grants', 'Discretionary use of DFG', 'Other'],
  },
  {
    label: 'Enablers for Integration',
    subTypes: ['Data integration', 'Workforce development', 'Joint commissioning infrastructure', 'Other'],
  },
  {
    label: 'High Impact Change Model for Managing Transfer of Care',
    aliases: ['HICM for Managing Transfer of Care', 'High Impact Change Model'],
    discharge: true,
    subTypes: [
      'Early Discharge Planning',
      'Multi-Disciplinary/Multi-Agency Discharge Teams',
      'Trusted Assessment',
      'Home First/Discharge to Assess',
      'Other',
    ],
  },
  { label: 'Home Care or Domiciliary Care', aliases: ['Home Care', 'Domiciliary Care'], discharge: true },
  { label: 'Housing Related Schemes' },
  {
    label: 'Integrated Care Planning and Navigation',
    aliases: ['Integrated Care Planning'],
    discharge: true,
  },
  {
    label: 'Bed based intermediate Care Services',
    aliases: [
      'Bed based intermediate Care Services (Reablement, rehabilitation, wider short-term services supporting recovery)',
      'Bed based intermediate care',
    ],
    discharge: true,
  },
  {
    label: 'Home-based intermediate care services',
    aliases: ['Home based intermediate care', 'Intermediate Care Services'],
    discharge: true,
  },
  {
    label: 'Reablement in a persons own home',
    aliases: ["Reablement in a person's own home", 'Reablement'],
    discharge: true,
  },
  { label: 'Urgent Community Response', discharge: true },
  { label: 'Personalised Budgeting and Commissioning' },
  { label: 'Personalised Care at Home', discharge: true },
  { label: 'Prevention / Early Intervention', aliases: ['Prevention and Early Intervention'] },
  { label: 'Residential Placements', discharge: true },
  { label: 'Workforce recruitment and retention', discharge: true },
  { label: 'Other' },
];

export const AREAS_OF_SPEND = [
  'Social Care',
  'Community Health',
  'Continuing Care',
  'Primary Care',
  'Acute',
  'Mental Health',
  'Other',
] as const;

export const PROVIDERS = [
  'Local Authority',
  'NHS Community Provider',
  'NHS Acute Provider',
  'NHS Mental Health Provider',
  'Private Sector',
  'Charity / Voluntary Sector',
  'NHS',
] as const;

/** Lower case, words only: "Minimum  CCG contribution (£)" and "minimum ccg contribution" compare equal. */
export function wordsOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/\(£\)|£/g, ' ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/**
 * A source's words with what the years changed forgiven: "CCG" and "ICB" read as "NHS", "Local
 * Authority" as "LA", "Funding" as "Fund", and "Contribution" dropped ("Additional LA" is the
 * additional LA contribution), so "ICB Minimum Contribution" and "LA Discharge Fund" are read.
 */
function sourceWords(text: string): string {
  return wordsOf(text)
    .replace(/\b(ccg|icb)\b/g, 'nhs')
    .replace(/\blocal authority\b/g, 'la')
    .replace(/\bfunding\b/g, 'fund')
    .replace(/\bcontributions?\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const sourceIndex = new Map<string, SourceId>();
for (const s of FUNDING_SOURCES) for (const w of [s.id, s.label, ...s.aliases]) sourceIndex.set(sourceWords(w), s.id);

/** The funding source a cell's text names, whichever year's wording; undefined for anything else. */
export function matchSource(text: string): SourceId | undefined {
  const words = sourceWords(text);
  const exact = sourceIndex.get(words);
  if (exact) return exact;
  // People's own copies add words ("DFG allocation 2023-24", "Minimum ICB contribution - NHS Kent"):
  // read the leading phrase; words after it naming the other partner pick that part of a fund in
  // two parts ("ASC Discharge Fund - ICB").
  for (const [w, id] of sourceIndex)
    if (w.length >= 3 && words.startsWith(`${w} `)) {
      const rest = words.slice(w.length);
      return partWords(rest) ? organisationShare(id, rest) : id;
    }
  return undefined;
}

/** "ICB", "LA part", "NHS allocation": words that name a partner's part and nothing else ("NHS trust" is no part). */
function partWords(words: string): boolean {
  return !words
    .replace(NHS_BODY, ' ')
    .replace(COUNCIL, ' ')
    .replace(/\b(part|share|allocation|element|portion)\b/g, ' ')
    .trim();
}

export function sourceOf(id: SourceId): FundingSource {
  return FUNDING_SOURCES.find((s) => s.id === id)!;
}

export function matchCommissioner(text: string): Commissioner | undefined {
  const words = wordsOf(text);
  for (const c of COMMISSIONERS) if (COMMISSIONER_WORDS[c].some((w) => wordsOf(w) === words)) return c;
  // "Joint (LA/NHS)", "CCG/LA", "Local Authority (LA)": joint if it says so or names both partners.
  if (/\bjoint(ly)?\b/.test(words)) return 'Joint';
  if (
    words
      .replace(NHS_BODY, ' ')
      .replace(COUNCIL, ' ')
      .replace(/\b(and|or)\b/g, ' ')
      .trim()
  )
    return undefined;
  const [nhs, la] = [NHS_BODY, COUNCIL].map((re) => new RegExp(re.source).test(words));
  return nhs && la ? 'Joint' : nhs ? 'NHS' : la ? 'LA' : undefined;
}

export function matchStatus(text: string): SchemeStatus | undefined {
  const words = wordsOf(text);
  if (words === 'new' || words === 'new scheme') return 'new';
  if (words === 'existing' || words === 'existing scheme') return 'existing';
  return undefined;
}

/** The template's entry for a scheme type, by any of its wordings. */
export function matchSchemeType(text: string): SchemeType | undefined {
  const words = wordsOf(text);
  return SCHEME_TYPES.find((t) => [t.label, ...(t.aliases ?? [])].some((w) => wordsOf(w) === words));
}

/** True when discharge funding may pay for this scheme type; an unknown type is not. */
export function isDischargeType(schemeType: string): boolean {
  return matchSchemeType(schemeType)?.discharge === true;
}

/** The area of spend as the template words it, or undefined. */
export function matchAreaOfSpend(text: string): (typeof AREAS_OF_SPEND)[number] | undefined {
  const words = wordsOf(text);
  return AREAS_OF_SPEND.find((a) => wordsOf(a) === words);
}

/**
 * The 2015-16 template funded lines and counted income by organisation, not by funding source:
 * "CCG", "Local Authority", "London Borough of Barnet". Read as the source that best fits today's
 * template: a DFG (named so) as DFG, the council's own money as an additional LA contribution, a
 * CCG's (or the NHS's) as the minimum NHS contribution. Undefined for anything else.
 */
export function matchOrganisationSource(text: string): SourceId | undefined {
  const words = wordsOf(text);
  if (/\bdfg\b|disabled facilities/.test(words)) return 'dfg';
  const from = organisationOf(text);
  return from === 'NHS' ? 'nhsMinimum' : from === 'LA' ? 'additionalLa' : undefined;
}

/** Whether text names an NHS body (CCG, ICB) or a council; undefined for neither. */
export function organisationOf(text: string): FundingSource['from'] | undefined {
  const words = wordsOf(text);
  if (new RegExp(NHS_BODY.source).test(words)) return 'NHS';
  if (new RegExp(COUNCIL.source).test(words)) return 'LA';
  return undefined;
}
/** Words (as wordsOf gives them) that name an NHS commissioner, and a council. */
const NHS_BODY = /\b(ccg|clinical commissioning( group)?|nhs|icb|integrated care board)\b/g;
const COUNCIL = /\b(la|local authority|council|borough|county|city|district)\b/g;

/**
 * The source of a row under a heading whose money comes in a council part and an NHS part (the
 * 2022-23 ASC Discharge Fund: "Local Authority" and "ICB" rows under it): the part its label
 * names. Any other heading, or a label naming neither, keeps the heading's source.
 */
export function organisationShare(heading: SourceId, label: string): SourceId {
  const source = sourceOf(heading);
  const from = organisationOf(label);
  if (!source.discharge || !from || from === source.from) return heading;
  return FUNDING_SOURCES.find((s) => s.discharge && s.from === from)?.id ?? heading;
}
