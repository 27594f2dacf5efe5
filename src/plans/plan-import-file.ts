// Reads a results file (IATI XML, CSV or XLSX) into the draft of a new plan, its countries as ISO 3166-1
// alpha-3 codes, and finds the registered organisations the file seems to name (by IATI organisation
// identifier first, then by name or acronym), for the preview and for the import alike.
import { or, sql } from 'drizzle-orm';
import { organisations } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import type { FieldError } from '../platform/errors.js';
import { textArray } from '../platform/sql-arrays.js';
import { buildCountryList } from '../reference/index.js';
import { draftPlanOf, type PlanImportDraft } from './engine/plan-import-draft.js';
import type { NamedOrganisation } from './engine/results-vocabulary.js';
import type { PlanFile } from './plan-import-schemas.js';
import { readResultsFile } from './results-files.js';

export type ReadPlanFile = { draft: PlanImportDraft; problems: FieldError[]; notes: FieldError[] };

export async function readPlanFile(file: PlanFile): Promise<ReadPlanFile> {
  const bytes = Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
  // No identifier prefix: a new plan takes no measure ids from the file.
  const imported = await readResultsFile(file.format, bytes, '');
  const draft = draftPlanOf(imported, file.fileName);
  const notes = [...imported.notes];
  draft.countries = alpha3Of(draft.countries, notes);
  if (imported.measures.length === 0 && imported.problems.length === 0)
    imported.problems.push({
      path: 'file',
      code: 'no_result',
      message: `“${file.fileName}” holds no result with a title, so there is no objective to draw a plan from. Export the results with their titles, or use the layout a plan’s own export writes.`,
    });
  return { draft, problems: imported.problems, notes };
}

/** IATI writes countries in alpha-2, our exports in alpha-3; a code of neither is noted and left out. */
function alpha3Of(codes: readonly string[], notes: FieldError[]): string[] {
  const countries = buildCountryList();
  const byAlpha2 = new Map(countries.map((country) => [country.iso2, country.iso3]));
  const alpha3 = new Set(countries.map((country) => country.iso3));
  const found = codes.flatMap((code) => {
    const upper = code.toUpperCase();
    const iso3 = upper.length === 2 ? byAlpha2.get(upper) : alpha3.has(upper) ? upper : undefined;
    if (iso3) return [iso3];
    notes.push({
      path: 'file',
      code: 'unknown_country',
      message: `The country code “${code}” is not an ISO 3166-1 code; it was left out. Choose the plan’s countries in the mapping.`,
    });
    return [];
  });
  return [...new Set(found)];
}

export type Registered = { id: string; name: string };

/** The registered organisation each named one seems to be, in one query for all of them. */
export async function matchOrganisations(
  db: Queryable,
  named: readonly (NamedOrganisation | null)[],
): Promise<(organisation: NamedOrganisation | null) => Registered | null> {
  const refs = [...new Set(named.flatMap((n) => (n?.ref ? [n.ref.toLowerCase()] : [])))];
  const names = [...new Set(named.flatMap((n) => (n?.name ? [n.name.trim().toLowerCase()] : [])))];
  if (refs.length === 0 && names.length === 0) return () => null;
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      ref: organisations.iatiIdentifier,
      acronym: organisations.acronym,
    })
    .from(organisations)
    .where(
      or(
        sql`lower(${organisations.iatiIdentifier}) = ANY(${textArray(refs)}::text[])`,
        sql`lower(${organisations.name}) = ANY(${textArray(names)}::text[])`,
        sql`lower(${organisations.acronym}) = ANY(${textArray(names)}::text[])`,
      ),
    );
  const byRef = new Map(rows.flatMap((row) => (row.ref ? [[row.ref.toLowerCase(), row] as const] : [])));
  const byName = new Map(rows.map((row) => [row.name.toLowerCase(), row] as const));
  const byAcronym = new Map(
    rows.flatMap((row) => (row.acronym ? [[row.acronym.toLowerCase(), row] as const] : [])),
  );
  return (organisation) => {
    const ref = organisation?.ref?.toLowerCase();
    const name = organisation?.name?.trim().toLowerCase();
    const row =
      (ref ? byRef.get(ref) : undefined) ?? (name ? (byName.get(name) ?? byAcronym.get(name)) : undefined);
    return row ? { id: row.id, name: row.name } : null;
  };
}
