// Loads reference data always, and the illustrative demo dataset only into an empty database.
import { eq, sql } from 'drizzle-orm';
import { loadDemoAccess } from '../access/demo.js';
import { loadDemoActivities } from '../activities/index.js';
import { loadDemoCases } from '../cases/demo.js';
import { loadDemoCommitments } from '../commitments/index.js';
import { loadDemoNeeds } from '../coverage/demo.js';
import { loadDemoKnowledge } from '../knowledge/index.js';
import { loadDemoPartners } from '../partners/index.js';
import { loadDemoPlan } from '../plans/demo.js';
import { loadDemoAssistance } from '../plans/demo-assistance.js';
import type { Sealer } from '../platform/crypto.js';
import { type Database, type Queryable, rowsOf } from '../platform/db.js';
import { loadDemoIntermediaries } from '../prevention/register-store/demo.js';
import { seedReferenceData } from '../reference/index.js';
import { datasetLoads } from '../reference/schema.js';
import { loadDemoServices } from '../services/index.js';
import { loadDemoStatistics } from '../statistics/index.js';

export const DEMO_DATASET = { name: 'demo', version: '2026.1' } as const;

/** What demo loaders may need besides the transaction. */
export type DemoContext = { sealer: Sealer };

/** A capability's part of the illustrative demo dataset, loaded in one transaction with the rest. */
export type DemoLoader = { name: string; load: (tx: Queryable, context: DemoContext) => Promise<number> };

/** Demo loaders, in dependency order; capabilities add theirs here. */
export const DEMO_LOADERS: DemoLoader[] = [
  { name: 'access', load: (tx, context) => loadDemoAccess(tx, context.sealer) },
  { name: 'partners', load: (tx) => loadDemoPartners(tx) },
  { name: 'activities', load: (tx) => loadDemoActivities(tx) },
  { name: 'coverage', load: (tx) => loadDemoNeeds(tx) },
  { name: 'statistics', load: (tx) => loadDemoStatistics(tx) },
  { name: 'cases', load: (tx) => loadDemoCases(tx) },
  { name: 'services', load: (tx) => loadDemoServices(tx) },
  // Its dates count from the day it is seeded, so that the demo plan stays current.
  { name: 'plans', load: (tx) => loadDemoPlan(tx, new Date().toISOString().slice(0, 10)) },
  // Needs and offers of technical assistance, available for a while from the day they are seeded.
  { name: 'assistance', load: (tx) => loadDemoAssistance(tx, new Date().toISOString().slice(0, 10)) },
  { name: 'knowledge', load: (tx) => loadDemoKnowledge(tx) },
  { name: 'commitments', load: (tx) => loadDemoCommitments(tx) },
  // Agencies in each licence standing; their dates count from the day they are seeded.
  { name: 'intermediaries', load: (tx) => loadDemoIntermediaries(tx, new Date().toISOString().slice(0, 10)) },
];

export type SeedReport = {
  reference: Awaited<ReturnType<typeof seedReferenceData>>;
  demo: { loaded: boolean; reason: string; records: Record<string, number> };
};

export async function seedDatabase(
  db: Database,
  options: { demo: boolean; sealer?: Sealer; leaveOut?: readonly string[] },
): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    const reference = await seedReferenceData(tx);
    if (!options.demo) return { reference, demo: { loaded: false, reason: 'not requested', records: {} } };
    if (!options.sealer) throw new Error('the demo dataset needs the installation key (sealer)');
    const demo = await seedDemoIfEmpty(tx, { sealer: options.sealer }, options.leaveOut ?? []);
    return { reference, demo };
  });
}

/** The illustrative demo dataset (public passwords) has been loaded into this database. */
export async function hasDemoDataset(db: Queryable): Promise<boolean> {
  const loads = await db
    .select({ name: datasetLoads.name })
    .from(datasetLoads)
    .where(eq(datasetLoads.name, DEMO_DATASET.name));
  return loads.length > 0;
}

async function seedDemoIfEmpty(
  tx: Queryable,
  context: DemoContext,
  leaveOut: readonly string[],
): Promise<SeedReport['demo']> {
  const loads = await tx.select().from(datasetLoads).where(eq(datasetLoads.name, DEMO_DATASET.name));
  if (loads.length > 0) return { loaded: false, reason: 'already loaded', records: {} };
  if (await hasUserData(tx)) return { loaded: false, reason: 'the database already holds data', records: {} };
  const records: Record<string, number> = {};
  for (const loader of DEMO_LOADERS)
    if (!leaveOut.includes(loader.name)) records[loader.name] = await loader.load(tx, context);
  await tx.insert(datasetLoads).values({ ...DEMO_DATASET, isIllustrative: true });
  return { loaded: true, reason: 'empty database', records };
}

/** Any row in a table outside reference data and bookkeeping means the database is in use. */
async function hasUserData(tx: Queryable): Promise<boolean> {
  const tables = await rowsOf<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`,
  );
  const userTables = tables.map((t) => t.name).filter((name) => !REFERENCE_TABLES.has(name));
  if (userTables.length === 0) return false;
  const probes = userTables.map((name) => sql`exists (select 1 from ${sql.identifier(name)})`);
  const rows = await rowsOf<{ found: boolean }>(tx, sql`select (${sql.join(probes, sql` or `)}) as found`);
  return rows[0]?.found === true;
}

const REFERENCE_TABLES = new Set([
  'm49_areas',
  'countries',
  'code_lists',
  'codes',
  'dataset_loads',
  // The data version's bookkeeping (migration 0018): its row, and this transaction's mark.
  'data_version',
  'data_version_marks',
  // Findings kept per country (migration 0037): computed from the data, never data themselves.
  'coverage_country_versions',
  'coverage_findings_entries',
  'coverage_findings_kept',
  'coverage_findings_queries',
]);
