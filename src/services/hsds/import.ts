// Imports an Open Referral HSDS CSV set into the directory: every row is checked first; when any has a
// problem nothing is written and every problem is reported; otherwise all of it is written in the caller's
// transaction (with its audit record). A service whose id exists already is updated in place.
import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../partners/schema.js';
import type { Transaction } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { Text } from '../../platform/fields.js';
import { services } from '../schema.js';
import { createService, findOrCreateProvider, replaceLocations } from '../store.js';
import { assembleServices, type ImportedService } from './assemble.js';
import { filesFromZip, type HsdsFile, type HsdsProblem, readHsdsFiles } from './read-files.js';

export type { HsdsFile, HsdsProblem };

export const HsdsImportRequest = z
  .object({
    organisationId: z
      .uuid()
      .optional()
      .describe(
        'The partner organisation whose staff will keep the imported services; without it, each organization of the files must be a registered partner (matched by name), which keeps its own services',
      ),
    files: z
      .array(z.object({ name: Text(200).min(1), content: z.string().max(10 * 1024 * 1024) }).strict())
      .max(30)
      .optional()
      .describe('The HSDS CSV files, each named after its table (service.csv, organization.csv…)'),
    zip: z
      .base64()
      .max(40 * 1024 * 1024)
      .optional()
      .describe('A zip of the HSDS CSV files, in base64'),
    dryRun: z.boolean().default(false).describe('Check every row and write nothing'),
  })
  .strict()
  .refine((body) => (body.files === undefined) !== (body.zip === undefined), {
    message: 'send either files or zip',
    path: ['files'],
  });
export type HsdsImportRequest = z.infer<typeof HsdsImportRequest>;

export const HsdsImportReport = z.object({
  dryRun: z.boolean(),
  committed: z.boolean().describe('True when the services were written; false on a dry run or any problem'),
  services: z.number().int().describe('Services in the files'),
  created: z.number().int(),
  updated: z.number().int(),
  problems: z.array(
    z.object({
      file: z.string(),
      row: z.number().int().nullable().describe('The line in the file (the header is line 1)'),
      column: z.string().nullable(),
      problem: z.string(),
      fix: z.string(),
    }),
  ),
});
export type HsdsImportReport = z.infer<typeof HsdsImportReport>;

export type HsdsImportOptions = {
  /** Who keeps the imported records; without it, each provider must be a registered partner, its own keeper. */
  holderOrganisationId?: string | undefined;
  dryRun: boolean;
  userId: string | null;
  /** Throws when the importer may not keep services for this organisation; asked before anything is written. */
  authorizeHolder?: ((organisationId: string) => void) | undefined;
};

export async function importHsdsRequest(
  tx: Transaction,
  body: HsdsImportRequest,
  userId: string | null,
  authorizeHolder: (organisationId: string) => void,
): Promise<HsdsImportReport> {
  const files = body.zip ? await filesFromZip(Buffer.from(body.zip, 'base64')) : (body.files ?? []);
  return importHsds(tx, files, {
    holderOrganisationId: body.organisationId,
    dryRun: body.dryRun,
    userId,
    authorizeHolder,
  });
}

export async function importHsds(
  tx: Transaction,
  files: readonly HsdsFile[],
  options: HsdsImportOptions,
): Promise<HsdsImportReport> {
  const read = await readHsdsFiles(files);
  const assembled = assembleServices(read.tables);
  const problems = [...read.problems, ...assembled.problems];
  const partners = await partnersByName(
    tx,
    assembled.providers.map((p) => p.provider.name),
  );
  const holders = new Map<string, string>();
  for (const { id, row, provider } of assembled.providers) {
    const partner = partners.get(provider.name.toLowerCase());
    if (partner) provider.partnerOrganisationId = partner;
    const holder = options.holderOrganisationId ?? partner;
    if (holder) holders.set(id, holder);
    else
      problems.push({
        file: 'organization.csv',
        row,
        column: 'name',
        problem: `"${provider.name}" is not a registered partner organisation, and no organisation was named to keep its services.`,
        fix: 'Register the organisation first, or name the partner organisation whose staff will keep these services.',
      });
  }
  for (const holder of new Set(holders.values())) options.authorizeHolder?.(holder);
  const existing = await existingServices(tx, assembled.services);
  for (const service of assembled.services) {
    const holder = holders.get(service.organizationId);
    const current = existing.get(service.id);
    if (current && holder && current !== holder)
      problems.push({
        file: 'service.csv',
        row: null,
        column: 'id',
        problem: `The service ${service.service.name} is already kept by another organisation.`,
        fix: 'Leave it out of this import, or ask that organisation to change it.',
      });
  }
  const report = {
    dryRun: options.dryRun,
    committed: false,
    services: assembled.services.length,
    created: assembled.services.filter((s) => !existing.has(s.id)).length,
    updated: assembled.services.filter((s) => existing.has(s.id)).length,
    problems,
  };
  if (options.dryRun || problems.length > 0) return report;
  const providerIds = new Map<string, string>();
  for (const { id, provider } of assembled.providers) {
    const holder = holders.get(id);
    if (holder) providerIds.set(id, await findOrCreateProvider(tx, holder, provider));
  }
  for (const service of assembled.services) {
    const holder = holders.get(service.organizationId);
    const providerId = providerIds.get(service.organizationId);
    if (!holder || !providerId) throw new Error('an imported service lost its provider');
    if (existing.has(service.id)) await overwriteService(tx, service, providerId, holder);
    else
      await createService(
        tx,
        { organisationId: holder, providerId, service: service.service, id: service.id },
        options.userId,
      );
  }
  return { ...report, committed: true };
}

async function partnersByName(tx: Transaction, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        sql`lower(${organisations.name})`,
        names.map((name) => name.toLowerCase()),
      ),
    );
  return new Map(rows.map((row) => [row.name.toLowerCase(), row.id]));
}

/** The holder of each service of the files that exists already. */
async function existingServices(tx: Transaction, imported: ImportedService[]): Promise<Map<string, string>> {
  if (imported.length === 0) return new Map();
  const rows = await tx
    .select({ id: services.id, organisationId: services.organisationId })
    .from(services)
    .where(
      inArray(
        services.id,
        imported.map((s) => s.id),
      ),
    );
  return new Map(rows.map((row) => [row.id, row.organisationId]));
}

async function overwriteService(
  tx: Transaction,
  imported: ImportedService,
  providerId: string,
  holder: string,
) {
  const { locations, ...fields } = imported.service;
  const changed = await tx
    .update(services)
    .set({
      ...fields,
      providerId,
      description: fields.description ?? null,
      email: fields.email ?? null,
      website: fields.website ?? null,
      capacity: fields.capacity ?? null,
      placesFree: fields.placesFree ?? null,
      placesUpdatedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${services.version} + 1`,
    })
    .where(sql`${services.id} = ${imported.id}`)
    .returning({ id: services.id });
  if (changed.length === 0)
    throw new AppError(
      'forbidden',
      `Not allowed: the service ${imported.service.name} is kept by another organisation.`,
    );
  await replaceLocations(tx, imported.id, holder, fields.category, locations);
}
