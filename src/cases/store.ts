// Cases and persons in the database, always inside a request's transaction: row-level security decides which
// cases exist for the requester, so a case out of reach reads as not found.
import { randomInt, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { memberships, users } from '../access/schema.js';
import { organisations } from '../partners/schema.js';
import type { Queryable, Transaction } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { matchSecret, replaceMatchKeys } from './duplicates/match-keys.js';
import { newDataKey, openField, sealField, unwrapDataKey, wrapDataKey } from './person/envelope.js';
import { currentMasterKeyId, type KeyRing } from './person/keyring.js';
import { cases, caseWorkers, persons } from './schema.js';
import {
  type CaseFacts,
  type CaseStaffMember,
  type CaseStatus,
  type CaseView,
  MINIMUM_REFLECTION_DAYS,
  PERSON_FIELDS,
  type PersonData,
  type PersonView,
} from './schemas.js';

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A case code that says nothing about the person: the year and six random characters. */
export function newCaseCode(now = new Date()): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `C-${now.getUTCFullYear()}-${suffix}`;
}

type CaseRow = typeof cases.$inferSelect;

export async function createCase(
  tx: Transaction,
  keys: KeyRing,
  input: { organisationId: string; facts: CaseFacts; person?: PersonData | undefined },
  userId: string,
): Promise<CaseView> {
  // No RETURNING: a new case is not yet visible to a worker until they are assigned to it just below.
  const id = randomUUID();
  await tx.insert(cases).values({
    id,
    code: newCaseCode(),
    organisationId: input.organisationId,
    createdBy: userId,
    ...input.facts,
  });
  await tx.insert(caseWorkers).values({ caseId: id, userId });
  if (input.person) await writePerson(tx, keys, id, 0, input.person);
  return getCase(tx, id);
}

export async function listCases(
  tx: Transaction,
  filters: {
    status?: CaseStatus | undefined;
    organisationId?: string | undefined;
    assigned?: 'me' | undefined;
    limit: number;
    offset?: number | undefined;
  },
) {
  const conditions = [
    filters.status ? eq(cases.status, filters.status) : undefined,
    filters.organisationId ? eq(cases.organisationId, filters.organisationId) : undefined,
    filters.assigned === 'me'
      ? sql`exists (select 1 from case_workers w where w.case_id = ${cases.id} and w.user_id = app_user_id())`
      : undefined,
  ].filter((condition) => condition !== undefined);
  const rows = await tx
    .select({
      id: cases.id,
      code: cases.code,
      status: cases.status,
      organisationId: cases.organisationId,
      organisationName: organisations.name,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(cases.updatedAt), asc(cases.code))
    .limit(filters.limit)
    .offset(filters.offset ?? 0);
  return rows.map((row) => ({
    ...row,
    status: row.status as CaseStatus,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** The case as the requester may see it; not found when it does not exist or is out of their reach. */
export async function getCase(tx: Transaction, id: string): Promise<CaseView> {
  return (await getCaseAndGrant(tx, id)).view;
}

type WorkerEntry = { userId: string; displayName: string };

/**
 * The case, its workers, whether it has a person record and whether the requester holds a live
 * break-glass grant on it, in one round trip: every read and write of a case starts here. The
 * subqueries run under row-level security as the separate queries they replace did.
 */
export async function getCaseAndGrant(
  tx: Transaction,
  id: string,
): Promise<{ view: CaseView; breakGlassActive: boolean }> {
  const [row] = await tx
    .select({
      case: cases,
      organisationName: organisations.name,
      workers: sql<WorkerEntry[] | string>`coalesce((
        select json_agg(json_build_object('userId', w.user_id, 'displayName', u.display_name)
                        order by u.display_name)
        from ${caseWorkers} w join ${users} u on u.id = w.user_id
        where w.case_id = ${cases.id}), '[]'::json)`,
      hasPerson: sql<boolean>`exists (select 1 from ${persons} p where p.case_id = ${cases.id})`,
      breakGlassActive: sql<boolean>`app_has_break_glass('case', ${cases.id})`,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(cases.id, id));
  if (!row) throw caseNotFound();
  const workers = typeof row.workers === 'string' ? (JSON.parse(row.workers) as WorkerEntry[]) : row.workers;
  return {
    view: caseView(row.case, row.organisationName, workers, row.hasPerson),
    breakGlassActive: row.breakGlassActive === true,
  };
}

export async function updateCase(
  tx: Transaction,
  id: string,
  change: {
    version: number;
    status?: 'Active' | 'FollowUp' | undefined;
    facts?: CaseFacts | undefined;
    reflectionPeriod?: { startsOn: string; endsOn?: string | undefined } | null | undefined;
  },
  /** The case as just read in this transaction, when the caller has it: saves reading it again. */
  read?: CaseView,
): Promise<CaseView> {
  const current = read ?? (await getCase(tx, id));
  if (current.version !== change.version) throw staleVersion('case', current.version);
  const isClosed = current.status === 'Closed' || current.status === 'ClosedReferred';
  if (isClosed && change.status !== undefined)
    throw new AppError(
      'invalid_transition',
      'The case is closed: reopen it with a reason (POST /api/v1/cases/{id}/reopening) before changing its status.',
    );
  const status = change.status ?? current.status;
  const [updated] = await tx
    .update(cases)
    .set({
      ...change.facts,
      ...reflectionColumns(change.reflectionPeriod),
      status,
      updatedAt: sql`now()`,
      version: sql`${cases.version} + 1`,
    })
    .where(and(eq(cases.id, id), eq(cases.version, change.version)))
    .returning();
  // Changed by someone else since it was read in this transaction: their version is the current one.
  if (!updated) throw staleVersion('case', (await getCase(tx, id)).version);
  // Its organisation, workers and person record are as just read: only the case's own row changed.
  return caseView(updated, current.organisationName, current.workers, current.hasPerson);
}

/** The period's columns: untouched when not given, emptied by null, the end 30 days on by default. */
function reflectionColumns(period: { startsOn: string; endsOn?: string | undefined } | null | undefined) {
  if (period === undefined) return {};
  if (period === null) return { reflectionStartsOn: null, reflectionEndsOn: null };
  const earliestEnd = addDays(period.startsOn, MINIMUM_REFLECTION_DAYS);
  const endsOn = period.endsOn ?? earliestEnd;
  if (endsOn < earliestEnd)
    throw new AppError(
      'validation_failed',
      `A reflection and recovery period lasts at least ${MINIMUM_REFLECTION_DAYS} days: it can end on ${earliestEnd} at the earliest.`,
      [
        {
          path: 'body.reflectionPeriod.endsOn',
          code: 'too_small',
          message: `End on ${earliestEnd} or later`,
        },
      ],
    );
  return { reflectionStartsOn: period.startsOn, reflectionEndsOn: endsOn };
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function reflectionView(row: CaseRow, today = new Date().toISOString().slice(0, 10)) {
  if (!row.reflectionStartsOn || !row.reflectionEndsOn) return null;
  const msPerDay = 86_400_000;
  const left = (Date.parse(row.reflectionEndsOn) - Date.parse(today)) / msPerDay + 1;
  return {
    startsOn: row.reflectionStartsOn,
    endsOn: row.reflectionEndsOn,
    daysLeft: Math.max(0, Math.round(left)),
  };
}

export async function assignWorker(tx: Transaction, caseId: string, userId: string): Promise<CaseView> {
  await getCase(tx, caseId);
  await tx.insert(caseWorkers).values({ caseId, userId }).onConflictDoNothing();
  return getCase(tx, caseId);
}

/** The case workers and managers of an organisation, by name: those a case of it can be assigned to. */
export async function listCaseStaff(tx: Transaction, organisationId: string): Promise<CaseStaffMember[]> {
  return tx
    .select({ userId: users.id, displayName: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, ['case_manager', 'case_worker']),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.displayName)) as Promise<CaseStaffMember[]>;
}

export async function unassignWorker(tx: Transaction, caseId: string, userId: string): Promise<CaseView> {
  await getCase(tx, caseId);
  await tx.delete(caseWorkers).where(and(eq(caseWorkers.caseId, caseId), eq(caseWorkers.userId, userId)));
  return getCase(tx, caseId);
}

/**
 * Opens the person record: each field with the person's data key, itself unwrapped with its master key.
 * The case and its person are read together: a case out of reach is not found, a case without a
 * person record gives an empty one.
 */
export async function readPerson(tx: Transaction, keys: KeyRing, caseId: string): Promise<PersonView> {
  const [row] = await tx
    .select({ caseId: cases.id, person: persons })
    .from(cases)
    .leftJoin(persons, eq(persons.caseId, cases.id))
    .where(eq(cases.id, caseId));
  if (!row) throw caseNotFound();
  if (!row.person) return { caseId, version: 0, person: {}, updatedAt: null };
  const { masterKeyId, wrappedDataKey } = row.person;
  return openPerson(unwrapDataKey(await keys.key(masterKeyId), wrappedDataKey, caseId), row.person);
}

/** A stored person record opened with its master key, for operator work on every record (no policy asked). */
export async function openStoredPerson(keys: KeyRing, row: typeof persons.$inferSelect): Promise<PersonView> {
  return openPerson(unwrapDataKey(await keys.key(row.masterKeyId), row.wrappedDataKey, row.caseId), row);
}

function openPerson(dataKey: Buffer, row: typeof persons.$inferSelect): PersonView {
  const person: Record<string, unknown> = {};
  for (const field of PERSON_FIELDS) {
    const sealed = row.fields[field];
    if (sealed !== undefined) person[field] = JSON.parse(openField(dataKey, row.caseId, field, sealed));
  }
  return {
    caseId: row.caseId,
    version: row.version,
    person: person as PersonData,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Replaces the fields given (a field left out stays as it is; null or [] empties it). A new person gets a
 * data key of their own, wrapped with the current master key.
 */
export async function writePerson(
  tx: Transaction,
  keys: KeyRing,
  caseId: string,
  version: number,
  data: PersonData,
): Promise<PersonView> {
  const [row] = await tx.select().from(persons).where(eq(persons.caseId, caseId)).for('update');
  if ((row?.version ?? 0) !== version) throw staleVersion('person record', row?.version ?? 0);
  const masterKeyId = row?.masterKeyId ?? (await currentMasterKeyId(tx, keys));
  const dataKey = row
    ? unwrapDataKey(await keys.key(row.masterKeyId), row.wrappedDataKey, caseId)
    : newDataKey();
  const fields = { ...row?.fields };
  for (const field of PERSON_FIELDS) {
    const value = data[field];
    if (value !== undefined) fields[field] = sealField(dataKey, caseId, field, JSON.stringify(value));
  }
  if (row) {
    await tx
      .update(persons)
      .set({ fields, updatedAt: sql`now()`, version: sql`${persons.version} + 1` })
      .where(eq(persons.caseId, caseId));
  } else {
    const wrappedDataKey = wrapDataKey(await keys.key(masterKeyId), dataKey, caseId);
    await tx.insert(persons).values({ caseId, masterKeyId, wrappedDataKey, fields });
  }
  await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, caseId));
  const written = await readPerson(tx, keys, caseId);
  // The duplicate check's keyed hashes follow the record in the same transaction.
  await replaceMatchKeys(tx, caseId, written.person, await matchSecret(keys));
  return written;
}

/** The organisation that holds a case, read as the server: break-glass asks before any grant exists. */
export async function findCaseOwner(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.select({ organisationId: cases.organisationId }).from(cases).where(eq(cases.id, id));
  return row?.organisationId ?? null;
}

/** A case's non-identifying facts, as its row holds them. */
export function caseFactsOf(row: CaseRow): CaseFacts {
  return {
    sex: row.sex as CaseFacts['sex'],
    gender: row.gender as CaseFacts['gender'],
    ageBandAtIdentification: row.ageBandAtIdentification as CaseFacts['ageBandAtIdentification'],
    ageBandWhenTrafficked: row.ageBandWhenTrafficked as CaseFacts['ageBandWhenTrafficked'],
    citizenship: row.citizenship,
    recruitmentCountries: row.recruitmentCountries,
    transitCountries: row.transitCountries,
    exploitationCountries: row.exploitationCountries,
    formsOfExploitation: row.formsOfExploitation as CaseFacts['formsOfExploitation'],
    sector: row.sector as CaseFacts['sector'],
    meansOfControl: row.meansOfControl as CaseFacts['meansOfControl'],
    recruitmentChannel: row.recruitmentChannel as CaseFacts['recruitmentChannel'],
    recruiterRelation: row.recruiterRelation as CaseFacts['recruiterRelation'],
  };
}

function caseView(
  row: CaseRow,
  organisationName: string,
  workers: { userId: string; displayName: string }[],
  hasPerson: boolean,
): CaseView {
  return {
    id: row.id,
    code: row.code,
    status: row.status as CaseStatus,
    organisationId: row.organisationId,
    organisationName,
    facts: caseFactsOf(row),
    closureReason: row.closureReason,
    reflectionPeriod: reflectionView(row),
    workers,
    hasPerson,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function caseNotFound(): AppError {
  return new AppError('not_found', 'No such case, or it is not one you work on.');
}

/** A change made from a version that is no longer current: the same answer for every versioned record. */
export function staleVersion(what: string, current: number): AppError {
  return new AppError(
    'conflict',
    `The ${what} was changed since you read it (it is now at version ${current}); read it again and repeat your change.`,
  );
}
