// The service directory in the database, always inside the requester's transaction: row-level security
// decides which services exist for them (the public sees public ones) and which locations they may read
// (a shelter's only case staff and the holder's own staff).
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { staleVersion } from '../cases/index.js';
import { organisations } from '../partners/schema.js';
import type { Queryable, Transaction } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { serviceLocations, serviceProviders, services } from './schema.js';
import type {
  Eligibility,
  LocationInput,
  LocationView,
  OpeningHours,
  Phone,
  ProviderInput,
  ServiceCategory,
  ServiceInput,
  ServiceListQuery,
  ServiceView,
  UpdateServiceRequest,
} from './schemas.js';

/** Whether a service's locations are withheld from the public: every shelter's is. */
export function isConfidentialCategory(category: string): boolean {
  return category === 'shelter';
}

/**
 * What the requester may see of confidential locations beyond row-level security: case staff only with
 * the right (`services.read_shelter_addresses`), the holder's staff always (they keep the record).
 */
export type LocationSight = { shelterAddresses: boolean };

export function serviceNotFound(): AppError {
  return new AppError('not_found', 'No such service, or it is not listed publicly.');
}

/** The provider held by the organisation under that name, created the first time it is named. */
export async function findOrCreateProvider(
  tx: Queryable,
  organisationId: string,
  provider: ProviderInput,
): Promise<string> {
  const [existing] = await tx
    .select({ id: serviceProviders.id })
    .from(serviceProviders)
    .where(
      and(
        eq(serviceProviders.organisationId, organisationId),
        sql`lower(${serviceProviders.name}) = lower(${provider.name})`,
      ),
    );
  const values = {
    partnerOrganisationId: provider.partnerOrganisationId ?? null,
    description: provider.description ?? null,
    email: provider.email ?? null,
    website: provider.website ?? null,
  };
  if (existing) {
    await tx
      .update(serviceProviders)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(serviceProviders.id, existing.id));
    return existing.id;
  }
  const [created] = await tx
    .insert(serviceProviders)
    .values({ organisationId, name: provider.name, ...values })
    .returning({ id: serviceProviders.id });
  if (!created) throw new Error('the provider was not created');
  return created.id;
}

export async function createService(
  tx: Queryable,
  input: { organisationId: string; providerId: string; service: ServiceInput; id?: string | undefined },
  userId: string | null,
): Promise<string> {
  const { service } = input;
  const [row] = await tx
    .insert(services)
    .values({
      ...(input.id ? { id: input.id } : {}),
      providerId: input.providerId,
      organisationId: input.organisationId,
      name: service.name,
      category: service.category,
      description: service.description ?? null,
      countries: service.countries,
      areas: service.areas,
      languages: service.languages,
      eligibility: service.eligibility,
      openingHours: service.openingHours,
      capacity: service.capacity ?? null,
      placesFree: service.placesFree ?? null,
      placesUpdatedAt: service.placesFree == null ? null : sql`now()`,
      phones: service.phones,
      email: service.email ?? null,
      website: service.website ?? null,
      isPublic: service.isPublic,
      createdBy: userId,
    })
    .returning({ id: services.id });
  if (!row) throw new Error('the service was not created');
  await replaceLocations(tx, row.id, input.organisationId, service.category, service.locations);
  return row.id;
}

/** Replaces a service's locations; those of a shelter are marked confidential, whatever the input says. */
export async function replaceLocations(
  tx: Queryable,
  serviceId: string,
  organisationId: string,
  category: string,
  locations: readonly LocationInput[],
): Promise<void> {
  await tx.delete(serviceLocations).where(eq(serviceLocations.serviceId, serviceId));
  if (locations.length === 0) return;
  await tx.insert(serviceLocations).values(
    locations.map((location) => ({
      serviceId,
      organisationId,
      name: location.name ?? null,
      address: location.address ?? null,
      city: location.city ?? null,
      region: location.region ?? null,
      postalCode: location.postalCode ?? null,
      country: location.country ?? null,
      latitude: location.latitude ?? null,
      longitude: location.longitude ?? null,
      isConfidential: isConfidentialCategory(category),
    })),
  );
}

function listConditions(query: Partial<ServiceListQuery>): SQL[] {
  const conditions: (SQL | undefined)[] = [
    query.category ? eq(services.category, query.category) : undefined,
    query.country ? sql`${query.country}::char(3) = any(${services.countries})` : undefined,
    query.eligibility
      ? sql`(${query.eligibility} = any(${services.eligibility}) or 'all' = any(${services.eligibility}))`
      : undefined,
    query.language ? sql`${query.language} = any(${services.languages})` : undefined,
    query.hasPlacesFree === true ? sql`${services.placesFree} > 0` : undefined,
    query.hasPlacesFree === false ? sql`coalesce(${services.placesFree}, 0) = 0` : undefined,
    query.q
      ? or(
          ilike(services.name, `%${escapeLike(query.q)}%`),
          ilike(serviceProviders.name, `%${escapeLike(query.q)}%`),
        )
      : undefined,
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listServices(
  tx: Transaction,
  query: ServiceListQuery,
  sight: LocationSight,
): Promise<{ data: ServiceView[]; total: number }> {
  const where = and(...listConditions(query));
  const [rows, [total]] = await Promise.all([
    selectServices(tx)
      .where(where)
      .orderBy(asc(services.category), asc(services.name), asc(services.id))
      .limit(query.limit)
      .offset(query.offset),
    tx
      .select({ n: count() })
      .from(services)
      .innerJoin(serviceProviders, eq(serviceProviders.id, services.providerId))
      .where(where),
  ]);
  return { data: await withLocations(tx, rows, sight), total: total?.n ?? 0 };
}

/** Every service the requester may read, in a stable order: the input of the HSDS export. */
export async function listAllServices(tx: Transaction, sight: LocationSight): Promise<ServiceView[]> {
  const rows = await selectServices(tx).orderBy(asc(services.name), asc(services.id));
  return withLocations(tx, rows, sight);
}

export async function getService(tx: Transaction, id: string, sight: LocationSight): Promise<ServiceView> {
  const rows = await selectServices(tx).where(eq(services.id, id));
  const [view] = await withLocations(tx, rows, sight);
  if (!view) throw serviceNotFound();
  return view;
}

function selectServices(tx: Transaction) {
  return tx
    .select({ service: services, provider: serviceProviders, organisationName: organisations.name })
    .from(services)
    .innerJoin(serviceProviders, eq(serviceProviders.id, services.providerId))
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .$dynamic();
}

type ServiceRow = {
  service: typeof services.$inferSelect;
  provider: typeof serviceProviders.$inferSelect;
  organisationName: string;
};

/** Adds the locations of a page of services in one query, keeping those the requester may see. */
async function withLocations(
  tx: Transaction,
  rows: readonly ServiceRow[],
  sight: LocationSight,
): Promise<ServiceView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.service.id);
  const locations = await tx
    .select()
    .from(serviceLocations)
    .where(
      and(
        inArray(serviceLocations.serviceId, ids),
        sight.shelterAddresses
          ? undefined
          : sql`(not ${serviceLocations.isConfidential} or app_can_keep_services_for(${serviceLocations.organisationId}))`,
      ),
    )
    .orderBy(asc(serviceLocations.serviceId), asc(serviceLocations.name), asc(serviceLocations.id));
  const byService = new Map<string, LocationView[]>();
  for (const location of locations) {
    const list = byService.get(location.serviceId) ?? [];
    list.push({
      id: location.id,
      name: location.name,
      address: location.address,
      city: location.city,
      region: location.region,
      postalCode: location.postalCode,
      country: location.country,
      latitude: location.latitude,
      longitude: location.longitude,
      isConfidential: location.isConfidential,
    });
    byService.set(location.serviceId, list);
  }
  return rows.map((row) => serviceView(row, byService.get(row.service.id) ?? []));
}

function serviceView(row: ServiceRow, locations: LocationView[]): ServiceView {
  const { service, provider } = row;
  return {
    id: service.id,
    provider: {
      id: provider.id,
      name: provider.name,
      partnerOrganisationId: provider.partnerOrganisationId,
      description: provider.description,
      email: provider.email,
      website: provider.website,
    },
    organisationId: service.organisationId,
    organisationName: row.organisationName,
    name: service.name,
    category: service.category as ServiceCategory,
    description: service.description,
    countries: service.countries,
    areas: service.areas,
    languages: service.languages,
    eligibility: service.eligibility as Eligibility[],
    openingHours: service.openingHours as OpeningHours[],
    capacity: service.capacity,
    placesFree: service.placesFree,
    placesUpdatedAt: service.placesUpdatedAt?.toISOString() ?? null,
    phones: service.phones as Phone[],
    email: service.email,
    website: service.website,
    isPublic: service.isPublic,
    locations,
    updatedAt: service.updatedAt.toISOString(),
    version: service.version,
  };
}

export async function updateService(
  tx: Transaction,
  current: ServiceView,
  change: UpdateServiceRequest,
): Promise<void> {
  if (current.version !== change.version) throw staleVersion('service', current.version);
  const { version, locations, ...fields } = change;
  const capacity = fields.capacity === undefined ? current.capacity : fields.capacity;
  const placesFree = fields.placesFree === undefined ? current.placesFree : fields.placesFree;
  if (placesFree != null && capacity != null && placesFree > capacity) throw placesBeyondCapacity();
  const updated = await tx
    .update(services)
    .set({
      ...fields,
      ...(fields.placesFree === undefined ? {} : { placesUpdatedAt: sql`now()` }),
      updatedAt: sql`now()`,
      version: sql`${services.version} + 1`,
    })
    .where(and(eq(services.id, current.id), eq(services.version, version)))
    .returning({ id: services.id });
  if (updated.length === 0) throw staleVersion('service', current.version + 1);
  const category = fields.category ?? current.category;
  if (locations) await replaceLocations(tx, current.id, current.organisationId, category, locations);
  else if (category !== current.category)
    await tx
      .update(serviceLocations)
      .set({ isConfidential: isConfidentialCategory(category) })
      .where(eq(serviceLocations.serviceId, current.id));
}

/** Records how many places are free now, without a version: the count is a fact of the moment. */
export async function setPlacesFree(tx: Transaction, current: ServiceView, placesFree: number) {
  if (current.capacity != null && placesFree > current.capacity) throw placesBeyondCapacity();
  await tx
    .update(services)
    .set({
      placesFree,
      placesUpdatedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${services.version} + 1`,
    })
    .where(eq(services.id, current.id));
}

function placesBeyondCapacity(): AppError {
  return new AppError('validation_failed', 'There cannot be more places free than the capacity.', [
    {
      path: 'body.placesFree',
      code: 'too_big',
      message: 'Give at most the capacity, or raise the capacity first',
    },
  ]);
}
