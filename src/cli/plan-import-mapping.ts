// The mapping of `concerted plans import-plan` from its options, which name things as people do: objectives
// and measures by their titles in the file, organisations by name, acronym or IATI identifier. Whatever does
// not match is refused with the option at fault and what the file holds instead.
import { inArray, or, sql } from 'drizzle-orm';
import { organisations } from '../partners/index.js';
import type { PlanImportMapping, PlanImportPreview } from '../plans/plan-import-schemas.js';
import { PLAN_PILLARS } from '../plans/schemas.js';
import type { Queryable } from '../platform/db.js';
import { AppError, type FieldError } from '../platform/errors.js';
import { textArray } from '../platform/sql-arrays.js';
import { buildCountryList } from '../reference/index.js';

export type MappingOptions = {
  coordinator?: string;
  pillar?: string[];
  owner?: string[];
  title?: string;
  scope?: 'national' | 'regional' | 'un_system';
  country?: string[];
  start?: string;
  end?: string;
};

type Pillar = (typeof PLAN_PILLARS)[number];
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const quoted = (titles: readonly string[]) => [...new Set(titles)].map((title) => `“${title}”`).join(', ');

export async function mappingFromOptions(
  db: Queryable,
  preview: PlanImportPreview,
  base: PlanImportMapping,
  options: MappingOptions,
): Promise<PlanImportMapping> {
  const mapping = structuredClone(base);
  const problems: FieldError[] = [];
  const problem = (path: string, message: string) =>
    problems.push({ path, code: 'unmatched_option', message });
  const pairs = (values: string[] | undefined) => (values ?? []).map(splitPair);
  const owners = pairs(options.owner);
  const found = await findOrganisations(db, [options.coordinator, ...owners.map(([, org]) => org)]);
  const organisationOf = (text: string, option: string) => {
    const ids = found.get(text.trim().toLowerCase()) ?? [];
    if (ids.length === 1) return ids[0] ?? null;
    problem(
      option,
      ids.length === 0
        ? `No registered organisation is named “${text}” (name, acronym or IATI identifier); see \`concerted organisations list\`.`
        : `Several organisations answer to “${text}”: give its full name.`,
    );
    return null;
  };
  if (options.coordinator)
    mapping.coordinatorOrganisationId = organisationOf(options.coordinator, '--coordinator');
  for (const [title, pillar] of pairs(options.pillar)) {
    if (!PLAN_PILLARS.includes(pillar as Pillar)) {
      problem('--pillar', `“${pillar}” is not a pillar: write ${PLAN_PILLARS.join(', ')}.`);
      continue;
    }
    const hits = preview.objectives.flatMap((objective, o) => (same(objective.title, title) ? [o] : []));
    if (hits.length === 0)
      problem(
        '--pillar',
        `No objective of the file is titled “${title}”; its objectives are ${quoted(preview.objectives.map((o) => o.title))}.`,
      );
    for (const o of hits) if (mapping.objectives[o]) mapping.objectives[o].pillar = pillar as Pillar;
  }
  for (const [title, organisation] of owners) {
    const id = organisationOf(organisation, '--owner');
    const hits = preview.objectives.flatMap((objective, o) =>
      objective.measures.flatMap((measure, m) => (same(measure.title, title) ? [[o, m] as const] : [])),
    );
    if (hits.length === 0) {
      const titles = preview.objectives.flatMap((o) => o.measures.map((m) => m.title));
      problem('--owner', `No measure of the file is titled “${title}”; its measures are ${quoted(titles)}.`);
    }
    for (const [o, m] of hits) {
      const entry = mapping.objectives[o]?.measures[m];
      if (entry && id) entry.ownerOrganisationId = id;
    }
  }
  applyPlanFacts(mapping, options, problem);
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      'Nothing was imported: some options match nothing in the file.',
      problems,
    );
  return mapping;
}

/** "Title=value", split at the last "=", since a title may hold one. */
function splitPair(text: string): [string, string] {
  const at = text.lastIndexOf('=');
  return at < 0 ? [text, ''] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

function applyPlanFacts(
  mapping: PlanImportMapping,
  options: MappingOptions,
  problem: (path: string, message: string) => void,
) {
  if (options.title) mapping.title = options.title;
  if (options.scope) mapping.scope = options.scope;
  if (options.country) {
    const known = new Set(buildCountryList().map((country) => country.iso3));
    const countries = options.country.map((code) => code.trim().toUpperCase());
    for (const code of countries.filter((c) => !known.has(c)))
      problem('--country', `“${code}” is not an ISO 3166 alpha-3 country code, such as KEN.`);
    mapping.countries = [...new Set(countries)];
  }
  const start = options.start ?? mapping.period?.start;
  const end = options.end ?? mapping.period?.end;
  if ((options.start || options.end) && start && end) mapping.period = { start, end };
  else if (options.start || options.end)
    problem('--start', 'Give both --start and --end: the file tells no period.');
}

/** The ids each text names, by name, acronym, IATI identifier or id, in one query. */
async function findOrganisations(
  db: Queryable,
  texts: (string | undefined)[],
): Promise<Map<string, string[]>> {
  const wanted = [...new Set(texts.flatMap((text) => (text ? [text.trim().toLowerCase()] : [])))];
  if (wanted.length === 0) return new Map();
  const list = sql`${textArray(wanted)}::text[]`;
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      ref: organisations.iatiIdentifier,
    })
    .from(organisations)
    .where(
      or(
        sql`lower(${organisations.name}) = ANY(${list})`,
        sql`lower(${organisations.acronym}) = ANY(${list})`,
        sql`lower(${organisations.iatiIdentifier}) = ANY(${list})`,
        sql`${organisations.id}::text = ANY(${list})`,
      ),
    );
  return new Map(
    wanted.map((text) => [
      text,
      rows
        .filter((row) => [row.name, row.acronym, row.ref, row.id].some((v) => v?.toLowerCase() === text))
        .map((row) => row.id),
    ]),
  );
}

/** The names of the organisations a mapping names, for a person to read. */
export async function organisationNames(db: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
