// A knowledge item as the editor holds it (texts as typed, lists one per line, counts as strings), turned into
// what the API takes, with the page's own checks filed under the paths the server uses. Pure; no React.
import type { ItemRequest, ItemView } from '../../api/knowledge.js';
import type { FieldIssue } from '../../components/field-messages.js';

export type PersonRow = { key: string; sex: string; ageGroup: string; nationality: string; count: string };

export type ItemDraft = {
  organisationId: string;
  translationOf: string | null;
  type: string;
  language: string;
  title: string;
  summary: string;
  body: string;
  year: string;
  countries: string[];
  pillars: string[];
  forms: string[];
  targetGroups: string[];
  legislation: { country: string; instrument: string; articles: string };
  caseLaw: {
    court: string;
    decisionDate: string;
    jurisdiction: string;
    charges: string;
    outcome: string;
    acts: string[];
    means: string[];
    purposes: string[];
    sectors: string[];
    victims: PersonRow[];
    defendants: PersonRow[];
  };
};

type Content = Omit<ItemRequest, 'organisationId' | 'translationOf'>;

export function emptyDraft(organisationId: string, language: string): ItemDraft {
  return {
    organisationId,
    translationOf: null,
    type: '',
    language,
    title: '',
    summary: '',
    body: '',
    year: '',
    countries: [],
    pillars: [],
    forms: [],
    targetGroups: [],
    legislation: { country: '', instrument: '', articles: '' },
    caseLaw: {
      court: '',
      decisionDate: '',
      jurisdiction: '',
      charges: '',
      outcome: '',
      acts: [],
      means: [],
      purposes: [],
      sectors: [],
      victims: [],
      defendants: [],
    },
  };
}

let rowCount = 0;
export function newPersonRow(): PersonRow {
  rowCount += 1;
  return { key: `person-${rowCount}`, sex: '', ageGroup: '', nationality: '', count: '' };
}

const rowsOf = (
  people: readonly { sex: string; ageGroup: string; nationality: string | null; count: number }[],
) =>
  people.map((person) => ({
    ...newPersonRow(),
    sex: person.sex,
    ageGroup: person.ageGroup,
    nationality: person.nationality ?? '',
    count: String(person.count),
  }));

/** The editor's copy of an item read from the API. */
export function draftOf(item: ItemView): ItemDraft {
  const empty = emptyDraft(item.organisation.id, item.language);
  return {
    ...empty,
    type: item.type,
    title: item.title,
    summary: item.summary,
    body: item.body,
    year: item.year === null ? '' : String(item.year),
    countries: [...item.countries],
    pillars: [...item.pillars],
    forms: [...item.forms],
    targetGroups: [...item.targetGroups],
    legislation: item.legislation
      ? { ...item.legislation, articles: item.legislation.articles.join('\n') }
      : empty.legislation,
    caseLaw: item.caseLaw
      ? {
          ...item.caseLaw,
          charges: item.caseLaw.charges.join('\n'),
          victims: rowsOf(item.caseLaw.victims),
          defendants: rowsOf(item.caseLaw.defendants),
        }
      : empty.caseLaw,
  };
}

/**
 * A new version in another language starts from the item it translates: the same kind, tags and particulars,
 * the texts left to write.
 */
export function translationDraft(source: ItemView, language: string): ItemDraft {
  return { ...draftOf(source), translationOf: source.id, language, title: '', summary: '', body: '' };
}

const lines = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  ),
];
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

function people(rows: readonly PersonRow[]) {
  return rows.map((row) => ({
    sex: row.sex,
    ageGroup: row.ageGroup,
    nationality: row.nationality || null,
    count: Number(row.count.trim()),
  }));
}

/** What PUT and POST take of the item's content; particulars only for the kind that has them. */
export function contentOf(draft: ItemDraft): Content {
  const { legislation: law, caseLaw: decision } = draft;
  return {
    type: draft.type as Content['type'],
    language: draft.language as Content['language'],
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    body: draft.body.trim(),
    year: numberOrNull(draft.year),
    countries: draft.countries,
    pillars: draft.pillars,
    forms: draft.forms,
    targetGroups: draft.targetGroups,
    legislation:
      draft.type === 'legislation'
        ? { country: law.country, instrument: law.instrument.trim(), articles: lines(law.articles) }
        : null,
    caseLaw:
      draft.type === 'case_law'
        ? {
            court: decision.court.trim(),
            decisionDate: decision.decisionDate,
            jurisdiction: decision.jurisdiction,
            charges: lines(decision.charges),
            outcome: decision.outcome as NonNullable<Content['caseLaw']>['outcome'],
            acts: decision.acts,
            means: decision.means,
            purposes: decision.purposes,
            sectors: decision.sectors,
            victims: people(decision.victims),
            defendants: people(decision.defendants),
          }
        : null,
  } as Content;
}

const isWhole = (text: string, min: number, max: number) => {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= min && value <= max;
};

/** The checks the page makes before sending, by body path; the server makes them all again. */
export function checkDraft(draft: ItemDraft): Map<string, FieldIssue[]> {
  const issues = new Map<string, FieldIssue[]>();
  const add = (path: string, issue: FieldIssue) => issues.set(path, [...(issues.get(path) ?? []), issue]);
  const required = (path: string, value: string, code = 'required') => {
    if (value.trim() === '') add(path, { code, path });
  };
  required('body.organisationId', draft.organisationId, 'choose');
  required('body.type', draft.type, 'choose');
  required('body.language', draft.language, 'choose');
  required('body.title', draft.title);
  if (draft.year.trim() && !isWhole(draft.year, 1800, 2200))
    add('body.year', { code: 'year_range', path: 'body.year' });
  if (draft.type === 'legislation') {
    required('body.legislation.country', draft.legislation.country, 'choose');
    required('body.legislation.instrument', draft.legislation.instrument);
  }
  if (draft.type === 'case_law') {
    const decision = draft.caseLaw;
    required('body.caseLaw.court', decision.court);
    required('body.caseLaw.decisionDate', decision.decisionDate);
    required('body.caseLaw.jurisdiction', decision.jurisdiction, 'choose');
    required('body.caseLaw.outcome', decision.outcome, 'choose');
    for (const group of ['victims', 'defendants'] as const)
      decision[group].forEach((row, index) => {
        const at = `body.caseLaw.${group}.${index}`;
        required(`${at}.sex`, row.sex, 'choose');
        required(`${at}.ageGroup`, row.ageGroup, 'choose');
        if (!isWhole(row.count, 1, 100_000)) add(`${at}.count`, { code: 'count_range', path: `${at}.count` });
      });
  }
  return issues;
}
