// One activity as one row of named columns (CSV, XLSX, HXL): reading a row into an input, writing one back.
import { type CodeListName, codesOf, isKnownIso3 } from '../../reference/vocabulary.js';
import { PEOPLE_CELLS } from '../people.js';
import { checkActivity } from '../record.js';
import { type Activity, ActivityInput, type ImportProblem } from '../schemas.js';
import { iatiNumberOf, readCode, unknownCode } from './codes.js';
import columnsFile from './columns.json' with { type: 'json' };
import { type FlatCandidate, isSurelyValid } from './flat-guard.js';
import type { ProposedOrganisation, Registry } from './registry.js';

export type ColumnSpec = { column: string; hxl: string; description: string; example: string };
/** The columns in file order, with their HXL hashtags (columns.json). */
export const COLUMNS: readonly ColumnSpec[] = columnsFile.columns;
export const COLUMN_NAMES: readonly string[] = COLUMNS.map((c) => c.column);

/** A record parsed from a file: the input when it is usable, the problems and warnings otherwise. */
export type ParsedRecord = {
  row: number;
  identifier: string | null;
  input: (ActivityInput & { identifier: string }) | null;
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /** IATI: whether anything in the record speaks of trafficking in persons (absent: the file is ours, so yes). */
  isTraffickingRelated?: boolean;
  /** IATI: organisations the record names that the registry lacks, to register as provisional if it is kept. */
  proposals?: ProposedOrganisation[];
};

const ROLES = codesOf('iati_organisation_role');
const COUNTRY_ROLES = codesOf('country_role');
// Column names built once: a name built anew for each lookup would be hashed anew on every row.
const ROLE_COLUMNS = new Map(ROLES.map((role) => [role, `${role}_organisations`]));
const COUNTRY_COLUMNS = new Map(COUNTRY_ROLES.map((role) => [role, `${role}_countries`]));
const ROLE_COLUMN = (role: string) => ROLE_COLUMNS.get(role) ?? `${role}_organisations`;
const COUNTRY_COLUMN = (role: string) => COUNTRY_COLUMNS.get(role) ?? `${role}_countries`;
const PEOPLE_COLUMNS = {
  targeted: PEOPLE_CELLS.map((cell) => [cell, `targeted_${cell}`] as const),
  reached: PEOPLE_CELLS.map((cell) => [cell, `reached_${cell}`] as const),
};
const SEPARATOR = ';';
const NOTHING: readonly string[] = Object.freeze([]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a day that exists (2026-02-29 does not), read without building a Date. */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days =
    month === 2 ? (isLeap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

export function normaliseHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** "#Org +Lead+name" and "#org+name+lead" are the same tag: lower case, attributes sorted. */
export function normaliseHashtag(tag: string): string {
  const [hashtag = '', ...attributes] = tag.replace(/\s+/g, '').toLowerCase().split('+');
  return [hashtag, ...attributes.filter(Boolean).sort()].join('+');
}

const BY_NAME = new Map(COLUMNS.map((c) => [normaliseHeader(c.column), c.column]));
const BY_HASHTAG = new Map(COLUMNS.map((c) => [normaliseHashtag(c.hxl), c.column]));

export function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => c.startsWith('#'));
}

export type HeaderMap = {
  /** For each column of the file, the activity column it holds, or null when it is not one of ours. */
  columns: (string | null)[];
  unknown: string[];
  missing: string[];
};

const REQUIRED = ['identifier', 'title', 'lead_organisation', 'activity_type'];

/** Matches a file's columns by name, then by HXL hashtag for the columns whose name we do not know. */
export function mapHeader(names: readonly string[], hashtags: readonly string[] | null): HeaderMap {
  const columns = names.map((name, i) => {
    const byName = BY_NAME.get(normaliseHeader(name));
    if (byName) return byName;
    const tag = hashtags?.[i] ?? (name.trim().startsWith('#') ? name : '');
    return tag ? (BY_HASHTAG.get(normaliseHashtag(tag)) ?? null) : null;
  });
  const unknown = names.filter((name, i) => columns[i] === null && name.trim() !== '');
  const present = new Set(columns);
  const missing = REQUIRED.filter((column) => !present.has(column));
  if (!COUNTRY_ROLES.some((role) => present.has(COUNTRY_COLUMN(role)))) missing.push('destination_countries');
  return { columns, unknown, missing };
}

/** A row's values by activity column (a Map will do). */
export type RowValues = { get(column: string): string | undefined };

/** Reads one row (values by activity column) into an activity input, naming every problem by column. */
export function parseFlatRow(row: number, values: RowValues, registry: Registry): ParsedRecord {
  const reader = new RowReader(row, values, registry);
  return reader.read();
}

class RowReader {
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  private readonly identifier: string | null;

  constructor(
    private readonly row: number,
    private readonly values: RowValues,
    private readonly registry: Registry,
  ) {
    this.identifier = this.text('identifier');
  }

  read(): ParsedRecord {
    if (!this.identifier)
      this.problem(
        'identifier',
        'An identifier is needed, so that importing the file again updates this row',
      );
    const countries = this.countries();
    const candidate: FlatCandidate = {
      identifier: this.identifier ?? undefined,
      title: this.text('title') ?? '',
      description: this.text('description'),
      leadOrganisationId: this.lead(),
      participants: ROLES.flatMap((role) => this.participants(role)),
      pillar: this.code('pillar', 'pillar') ?? undefined,
      activityType: this.code('activity_type', 'activity_type') ?? '',
      forms: this.codes('forms_of_exploitation', 'form_of_exploitation'),
      targetGroups: this.codes('target_groups', 'target_group'),
      chainStage: this.code('chain_stage', 'chain_stage'),
      countries,
      plannedStart: this.date('planned_start'),
      plannedEnd: this.date('planned_end'),
      actualStart: this.date('actual_start'),
      actualEnd: this.date('actual_end'),
      status: this.code('status', 'iati_activity_status') ?? 'implementation',
      budget: this.budget(),
      peopleTargeted: this.people('targeted'),
      peopleReached: this.people('reached'),
      genderMarker: this.code('gender_marker', 'gender_marker'),
      coordinationMechanismId: this.mechanism(),
      provenance: {
        source: this.text('source'),
        reportedBy: this.text('reported_by'),
        reportedOn: this.date('reported_on'),
      },
      isPublished: this.flag('published'),
    };
    if (!this.text('title')) this.problem('title', 'A title is needed');
    if (!this.text('activity_type') && !this.problems.some((p) => p.column === 'activity_type'))
      this.problem('activity_type', 'An activity type is needed (a code of the activity_type list)');
    if (countries.length === 0 && !this.problems.some((p) => p.column.endsWith('_countries')))
      this.problem('destination_countries', 'Name at least one country (origin, transit or destination)');
    return this.finish(candidate);
  }

  private finish(candidate: FlatCandidate): ParsedRecord {
    const base = {
      row: this.row,
      identifier: this.identifier,
      problems: this.problems,
      warnings: this.warnings,
    };
    if (this.problems.length > 0) return { ...base, input: null };
    const input = isSurelyValid(candidate) ? withDefaults(candidate) : this.parse(candidate);
    if (!input) return { ...base, input: null };
    for (const problem of checkActivity(input))
      this.problem(columnOfPath(problem.path.split('.'), candidate), problem.message);
    if (this.problems.length > 0) return { ...base, input: null };
    // Both inputs are this reader's own objects: completed in place rather than copied.
    const complete = input as ActivityInput & { identifier: string };
    complete.identifier = this.identifier ?? '';
    return { ...base, input: complete };
  }

  /** zod's reading of a candidate the guard does not vouch for, its issues named by column. */
  private parse(candidate: FlatCandidate): ActivityInput | null {
    const parsed = ActivityInput.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) this.problem(columnOfPath(issue.path, candidate), issue.message);
    return null;
  }

  private problem(column: string, message: string) {
    this.problems.push({ row: this.row, column, identifier: this.identifier, message });
  }

  private text(column: string): string | null {
    const value = this.values.get(column);
    if (!value) return null;
    const trimmed = value.trim();
    return trimmed ? trimmed : null;
  }

  private list(column: string): readonly string[] {
    const text = this.text(column);
    if (text === null) return NOTHING;
    const items: string[] = [];
    for (const item of text.split(SEPARATOR)) {
      const trimmed = item.trim();
      if (trimmed) items.push(trimmed);
    }
    return items;
  }

  private code(column: string, list: CodeListName): string | null {
    const typed = this.text(column);
    if (!typed) return null;
    const code = readCode(list, typed);
    if (!code) this.problem(column, unknownCode(list, typed));
    return code;
  }

  private codes(column: string, list: CodeListName): string[] {
    return this.list(column).flatMap((typed) => {
      const code = readCode(list, typed);
      if (!code) this.problem(column, unknownCode(list, typed));
      return code ? [code] : [];
    });
  }

  private date(column: string): string | null {
    const typed = this.text(column);
    if (!typed) return null;
    const valid = isCalendarDate(typed);
    if (!valid) this.problem(column, `"${typed}" is not a date; write YYYY-MM-DD, for example 2026-03-31`);
    return valid ? typed : null;
  }

  private number(column: string, options: { integer: boolean }): number | null {
    const typed = this.text(column);
    if (!typed) return null;
    const value = Number(typed.replace(/[\s_]/g, ''));
    if (!Number.isFinite(value) || value < 0 || (options.integer && !Number.isInteger(value))) {
      this.problem(
        column,
        `"${typed}" is not ${options.integer ? 'a whole number' : 'a number'} of 0 or more`,
      );
      return null;
    }
    return value;
  }

  private flag(column: string): boolean {
    const typed = this.text(column)?.toLowerCase();
    if (!typed) return false;
    if (['yes', 'y', 'true', '1'].includes(typed)) return true;
    if (['no', 'n', 'false', '0'].includes(typed)) return false;
    this.problem(column, `"${typed}" is neither yes nor no`);
    return false;
  }

  private lead(): string {
    const typed = this.text('lead_organisation');
    if (!typed) {
      this.problem(
        'lead_organisation',
        'Name the lead organisation (its name, acronym or id in the registry)',
      );
      return '';
    }
    const lookup = this.registry.organisation(typed);
    if (!lookup.found) this.problem('lead_organisation', lookup.reason);
    return lookup.found?.id ?? '';
  }

  private participants(role: string) {
    const column = ROLE_COLUMN(role);
    type Read = { organisationId: string | null; name: string; ref: null; role: string };
    return this.list(column).flatMap((typed): Read[] => {
      const lookup = this.registry.organisation(typed);
      if (lookup.found)
        return [{ organisationId: lookup.found.id, name: lookup.found.name, ref: null, role }];
      if (lookup.reason.includes('several')) {
        this.problem(column, lookup.reason);
        return [];
      }
      this.warnings.push({
        row: this.row,
        column,
        identifier: this.identifier,
        message: `"${typed}" is not in the registry; kept by name only`,
      });
      return [{ organisationId: null, name: typed, ref: null, role }];
    });
  }

  private mechanism(): string | null {
    const typed = this.text('coordination_mechanism');
    if (!typed) return null;
    const lookup = this.registry.mechanism(typed);
    if (!lookup.found) this.problem('coordination_mechanism', lookup.reason);
    return lookup.found?.id ?? null;
  }

  private budget() {
    const amount = this.number('budget', { integer: false });
    const currency = this.text('currency')?.toUpperCase() ?? null;
    const funder = this.text('funder');
    if (amount === null) {
      if (currency || funder) this.problem('budget', 'A currency or funder is given without a budget amount');
      return null;
    }
    if (!currency || !/^[A-Z]{3}$/.test(currency)) {
      this.problem('currency', 'Give the budget’s currency as an ISO 4217 code, for example USD');
      return null;
    }
    return { amount, currency, funder };
  }

  private people(measure: 'targeted' | 'reached') {
    const counts: Record<string, number> = {};
    for (const [cell, column] of PEOPLE_COLUMNS[measure]) {
      const value = this.number(column, { integer: true });
      if (value !== null) counts[cell] = value;
    }
    return counts;
  }

  private countries() {
    const countries = COUNTRY_ROLES.flatMap((role) =>
      this.list(COUNTRY_COLUMN(role)).flatMap((typed) => {
        const iso3 = typed.toUpperCase();
        if (!/^[A-Z]{3}$/.test(iso3) || !isKnownIso3(iso3)) {
          this.problem(
            COUNTRY_COLUMN(role),
            `"${typed}" is not an ISO 3166-1 alpha-3 country code (for example KEN)`,
          );
          return [];
        }
        return [{ iso3, role, places: [] as string[] }];
      }),
    );
    for (const entry of this.list('places')) this.assignPlaces(entry, countries);
    return countries;
  }

  private assignPlaces(entry: string, countries: { iso3: string; role: string; places: string[] }[]) {
    const match = /^([A-Za-z]{3})(?:\/([a-z_]+))?\s*:\s*(.+)$/.exec(entry);
    if (!match) {
      this.problem('places', `"${entry}" should read ISO3:place|place, for example KEN:Nairobi|Mombasa`);
      return;
    }
    const [, iso3 = '', role, names = ''] = match;
    const targets = countries.filter((c) => c.iso3 === iso3.toUpperCase() && (!role || c.role === role));
    if (targets.length === 0) {
      this.problem('places', `${entry.split(':')[0]} is not among the activity’s countries`);
      return;
    }
    const places = names
      .split('|')
      .map((p) => p.trim())
      .filter(Boolean);
    for (const target of targets) target.places.push(...places);
  }
}

const FIELD_COLUMNS: Record<string, string> = {
  identifier: 'identifier',
  title: 'title',
  description: 'description',
  leadOrganisationId: 'lead_organisation',
  pillar: 'pillar',
  activityType: 'activity_type',
  forms: 'forms_of_exploitation',
  targetGroups: 'target_groups',
  chainStage: 'chain_stage',
  plannedStart: 'planned_start',
  plannedEnd: 'planned_end',
  actualStart: 'actual_start',
  actualEnd: 'actual_end',
  status: 'status',
  genderMarker: 'gender_marker',
  coordinationMechanismId: 'coordination_mechanism',
  isPublished: 'published',
};
const NESTED_COLUMNS: Record<string, string> = {
  amount: 'budget',
  currency: 'currency',
  funder: 'funder',
  source: 'source',
  reportedBy: 'reported_by',
  reportedOn: 'reported_on',
};

/** A candidate the guard vouched for, as zod would give it back: with the defaults of fields tables lack. */
function withDefaults(candidate: FlatCandidate): ActivityInput {
  const input = candidate as unknown as ActivityInput;
  input.recipientRegions = [];
  input.narratives = {};
  input.classificationHints = [];
  return input;
}

/** The file column that a path in the activity input comes from (for problems found after reading). */
export function columnOfPath(path: readonly PropertyKey[], candidate: object): string {
  const [head, index, field] = path.map(String);
  const read = candidate as { countries?: unknown; participants?: unknown };
  if (head === 'countries') {
    const entry = (read.countries as { role: string }[] | undefined)?.[Number(index)];
    return field === 'places' ? 'places' : COUNTRY_COLUMN(entry?.role ?? 'destination');
  }
  if (head === 'participants') {
    const entry = (read.participants as { role: string }[] | undefined)?.[Number(index)];
    return ROLE_COLUMN(entry?.role ?? 'implementing');
  }
  if (head === 'peopleTargeted' || head === 'peopleReached')
    return `${head === 'peopleTargeted' ? 'targeted' : 'reached'}_${index ?? ''}`;
  if ((head === 'budget' || head === 'provenance') && index) return NESTED_COLUMNS[index] ?? head;
  return FIELD_COLUMNS[head ?? ''] ?? head ?? '';
}

/** One activity as the row of values in COLUMNS order. */
export function formatFlatRow(activity: Activity, registry: Registry): string[] {
  const values = new Map<string, string>();
  const nameOf = (id: string | null, fallback: string) =>
    id ? (registry.organisationName(id) ?? fallback) : fallback;
  values.set('identifier', activity.identifier);
  values.set('title', activity.title);
  values.set('description', activity.description ?? '');
  values.set('lead_organisation', nameOf(activity.leadOrganisationId, activity.leadOrganisationId));
  for (const role of ROLES)
    values.set(
      ROLE_COLUMN(role),
      activity.participants
        .filter((p) => p.role === role)
        .map((p) => nameOf(p.organisationId, p.name))
        .join(`${SEPARATOR} `),
    );
  values.set('pillar', activity.pillar ?? '');
  values.set('activity_type', activity.activityType ?? '');
  values.set('forms_of_exploitation', activity.forms.join(`${SEPARATOR} `));
  values.set('target_groups', activity.targetGroups.join(`${SEPARATOR} `));
  values.set('chain_stage', activity.chainStage ?? '');
  for (const role of COUNTRY_ROLES)
    values.set(
      COUNTRY_COLUMN(role),
      activity.countries
        .filter((c) => c.role === role)
        .map((c) => c.iso3)
        .join(`${SEPARATOR} `),
    );
  values.set('places', formatPlaces(activity.countries));
  values.set('planned_start', activity.plannedStart ?? '');
  values.set('planned_end', activity.plannedEnd ?? '');
  values.set('actual_start', activity.actualStart ?? '');
  values.set('actual_end', activity.actualEnd ?? '');
  values.set('status', activity.status);
  values.set('budget', activity.budget ? String(activity.budget.amount) : '');
  values.set('currency', activity.budget?.currency ?? '');
  values.set('funder', activity.budget?.funder ?? '');
  for (const cell of PEOPLE_CELLS) {
    values.set(`targeted_${cell}`, numberText(activity.peopleTargeted[cell]));
    values.set(`reached_${cell}`, numberText(activity.peopleReached[cell]));
  }
  values.set(
    'gender_marker',
    activity.genderMarker ? iatiNumberOf('gender_marker', activity.genderMarker) : '',
  );
  values.set(
    'coordination_mechanism',
    activity.coordinationMechanismId
      ? (registry.mechanismName(activity.coordinationMechanismId) ?? activity.coordinationMechanismId)
      : '',
  );
  values.set('source', activity.provenance.source ?? '');
  values.set('reported_by', activity.provenance.reportedBy ?? '');
  values.set('reported_on', activity.provenance.reportedOn ?? '');
  values.set('published', activity.isPublished ? 'yes' : 'no');
  return COLUMN_NAMES.map((column) => values.get(column) ?? '');
}

function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function formatPlaces(countries: Activity['countries']): string {
  const counts = new Map<string, number>();
  for (const c of countries) counts.set(c.iso3, (counts.get(c.iso3) ?? 0) + 1);
  return countries
    .filter((c) => c.places.length > 0)
    .map((c) => `${(counts.get(c.iso3) ?? 0) > 1 ? `${c.iso3}/${c.role}` : c.iso3}:${c.places.join('|')}`)
    .join(`${SEPARATOR} `);
}
