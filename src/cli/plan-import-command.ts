// `concerted plans import-plan FILE`: a new plan drawn up from a results file (IATI XML, CSV or XLSX), as the
// operator. The mapping (a pillar per objective, an owner per measure, the coordinator) comes from options
// that name things as people do, from a mapping file as the API takes it, or both; --dry-run shows the plan
// the file would become. The plan, its approved actuals and the audit entry are written together or not at all.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { appendAudit } from '../audit/index.js';
import { importPlan } from '../plans/import-plan.js';
import { type MappingTarget, unmappedOf } from '../plans/plan-import-document.js';
import { type PlanFile, PlanImportMapping, type PlanImportPreview } from '../plans/plan-import-schemas.js';
import { previewPlanImport } from '../plans/preview-plan-import.js';
import { PLAN_PILLARS, PLAN_SCOPES } from '../plans/schemas.js';
import type { Database, Queryable } from '../platform/db.js';
import { AppError, fieldErrorsFromZod } from '../platform/errors.js';
import { buildCountryList } from '../reference/index.js';
import { type OpenDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';
import { type MappingOptions, mappingFromOptions, organisationNames } from './plan-import-mapping.js';
import { previewText } from './plan-import-text.js';
import { RESULTS_FORMATS, resultsFormatOf } from './results-format.js';

type Options = MappingOptions & {
  format?: (typeof RESULTS_FORMATS)[number];
  mapping?: string;
  dryRun?: boolean;
  json?: boolean;
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('a date, YYYY-MM-DD');
  return value;
}

export function importPlanCommand(open: OpenDatabase): Command {
  return new Command('import-plan')
    .description(
      'draw up a new plan from a results file (IATI .xml, .csv or .xlsx): a pillar per objective, an owner per measure and a coordinator map it; all or nothing, actuals count as approved',
    )
    .argument('<file>', 'an IATI activity file with results, or a table laid out as `plans export` writes it')
    .addOption(
      new Option('--format <format>', 'the file format (guessed from the extension)').choices(
        RESULTS_FORMATS,
      ),
    )
    .option('--coordinator <organisation>', 'the coordinating organisation: name, acronym or IATI identifier')
    .option(
      '--pillar <objective=pillar>',
      `an objective's pillar (${PLAN_PILLARS.join(', ')}); repeat`,
      collect,
    )
    .option('--owner <measure=organisation>', "a measure's owning organisation; repeat", collect)
    .option('--title <title>', 'the plan’s title (guessed from the file)')
    .addOption(new Option('--scope <scope>', 'the plan’s scope').choices(PLAN_SCOPES))
    .option('--country <iso3>', 'a country the plan covers (ISO 3166 alpha-3); repeat', collect)
    .option('--start <date>', 'the first day of the plan (YYYY-MM-DD)', isoDate)
    .option('--end <date>', 'the last day of the plan (YYYY-MM-DD)', isoDate)
    .option(
      '--mapping <file>',
      'a mapping as JSON, as `--dry-run --json` prints it; options given override it',
    )
    .option('--dry-run', 'show the plan the file would become and what is still to map; write nothing')
    .option('--json', 'print the preview, the summary or the problems as JSON')
    .action(
      action((file: string, options: Options) =>
        withDatabase(open, (db) => runImportPlan(db, file, options)),
      ),
    );
}

async function runImportPlan(db: Database, source: string, options: Options) {
  const file = await planFileOf(source, options.format);
  const base = options.mapping ? await mappingFile(options.mapping) : undefined;
  try {
    if (options.dryRun) return await dryRun(db, file, base, options);
    const summary = await db.transaction(async (tx) => {
      const mapping = await mappingOf(tx, file, base, options);
      const done = await importPlan(tx, file, mapping.value, null);
      await appendAudit(tx, {
        actorUserId: null,
        actorVia: 'cli',
        action: 'plans.write',
        outcome: 'allowed',
        resourceType: 'plan',
        resourceId: done.id,
        organisationId: mapping.value.coordinatorOrganisationId,
        details: { planImport: file.format, actuals: done.actuals },
      });
      return done;
    });
    if (options.json) return printJson(summary);
    process.stdout.write(
      `Created the plan “${summary.title}” (id ${summary.id}): ${summary.objectives} objective(s), ${summary.measures} measure(s), ${summary.indicators} indicator(s), ${summary.actuals} approved actual value(s).\n`,
    );
    for (const note of summary.notes) process.stdout.write(`note: ${note.message}\n`);
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields?.length) throw error;
    process.exitCode = 1;
    if (options.json) return printJson({ problems: error.fields });
    process.stdout.write(`${error.message}\n`);
    printTable(error.fields.map((field) => ({ where: field.path, problem: field.message })));
  }
}

async function dryRun(db: Database, file: PlanFile, base: unknown, options: Options) {
  const { preview, mapping, names } = await db.transaction(async (tx) => {
    const built = await mappingOf(tx, file, base, options);
    const ids = [
      built.value.coordinatorOrganisationId,
      ...built.value.objectives.flatMap((o) => o.measures.map((m) => m.ownerOrganisationId)),
    ];
    return { ...built, names: await organisationNames(tx, ids) };
  });
  const needs = unmappedOf(targetOf(preview), mapping);
  if (preview.problems.length > 0) process.exitCode = 1;
  if (options.json) return printJson({ ...preview, mapping, needs });
  const countries = new Map(buildCountryList().map((country) => [country.iso3, country.names.en]));
  process.stdout.write(
    previewText(preview, mapping, needs, {
      organisation: (id) => (id ? (names.get(id) ?? null) : null),
      country: (iso3) => countries.get(iso3) ?? iso3,
    }),
  );
}

/** The preview's suggestions, then the mapping file, then the options: each later one wins. */
async function mappingOf(db: Queryable, file: PlanFile, base: unknown, options: Options) {
  const preview = await previewPlanImport(db, file);
  const fromFile = base === undefined ? preview.mapping : parseMapping(base);
  const value = await mappingFromOptions(db, preview, fromFile, options);
  return { preview, mapping: value, value };
}

function parseMapping(json: unknown): PlanImportMapping {
  const parsed = PlanImportMapping.safeParse(json);
  if (!parsed.success)
    throw new AppError(
      'validation_failed',
      'The mapping file is not a mapping as `concerted plans import-plan --dry-run --json` prints it.',
      fieldErrorsFromZod(parsed.error.issues, 'mapping'),
    );
  return parsed.data;
}

const targetOf = (preview: PlanImportPreview): MappingTarget => ({
  countries: preview.plan.countries,
  period: preview.plan.period,
  objectives: preview.objectives,
});

async function planFileOf(source: string, given: Options['format']): Promise<PlanFile> {
  const format = resultsFormatOf(source, given);
  const bytes = await readFile(source).catch(() => {
    throw new AppError('validation_failed', `Cannot read ${source}.`);
  });
  const isBinary = format === 'xlsx';
  return {
    format,
    fileName: path.basename(source),
    content: bytes.toString(isBinary ? 'base64' : 'utf8'),
    encoding: isBinary ? 'base64' : 'utf8',
  };
}

async function mappingFile(source: string): Promise<unknown> {
  const text = await readFile(source, 'utf8').catch(() => {
    throw new AppError('validation_failed', `Cannot read the mapping file ${source}.`);
  });
  try {
    const json = JSON.parse(text) as { mapping?: unknown };
    // The whole of `--dry-run --json` will do as well as its mapping alone.
    return json && typeof json === 'object' && 'mapping' in json ? json.mapping : json;
  } catch {
    throw new AppError('validation_failed', `The mapping file ${source} is not JSON.`);
  }
}
