// Coordination mechanisms (task forces, inter-agency groups, regional networks), their members and meetings.
import { and, arrayContains, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { coordinationMechanisms, mechanismMeetings, mechanismMembers, organisations } from './schema.js';
import type {
  CreateMechanismRequest,
  Mechanism,
  MechanismQuery,
  MeetingRequest,
  PutMechanismMemberRequest,
  UpdateMechanismRequest,
} from './schemas.js';

/** Qualified: inside a subquery Drizzle would print a bare "id", which the inner table's own id would capture. */
const MECHANISM_ID = sql.raw('"coordination_mechanisms"."id"');

type MechanismRow = typeof coordinationMechanisms.$inferSelect;
type MeetingRow = typeof mechanismMeetings.$inferSelect;

const memberCount = sql<number>`(select count(*)::int from ${mechanismMembers} m
  where m.mechanism_id = ${MECHANISM_ID} and m.left_on is null)`;
const lastMeetingOn = sql<string | null>`(select max(held_on)::text from ${mechanismMeetings} g
  where g.mechanism_id = ${MECHANISM_ID})`;

function mechanismView(
  row: MechanismRow,
  counts: { memberCount: number; lastMeetingOn: string | null },
): Mechanism {
  return {
    id: row.id,
    name: row.name,
    names: row.names,
    acronym: row.acronym,
    kind: row.kind,
    countries: row.countries,
    mandate: row.mandate,
    establishedOn: row.establishedOn,
    memberCount: Number(counts.memberCount),
    lastMeetingOn: counts.lastMeetingOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function meetingView(row: MeetingRow) {
  return {
    id: row.id,
    mechanismId: row.mechanismId,
    heldOn: row.heldOn,
    title: row.title,
    place: row.place,
    summary: row.summary,
    attendeeIds: row.attendeeIds,
  };
}

export async function listMechanisms(db: Queryable, query: z.infer<typeof MechanismQuery>) {
  const filters: SQL[] = [];
  if (query.country) filters.push(arrayContains(coordinationMechanisms.countries, [query.country]));
  if (query.kind) filters.push(eq(coordinationMechanisms.kind, query.kind));
  if (query.organisationId)
    filters.push(sql`exists (select 1 from ${mechanismMembers} m where m.mechanism_id = ${MECHANISM_ID}
      and m.organisation_id = ${query.organisationId})`);
  const rows = await db
    .select({ row: coordinationMechanisms, memberCount, lastMeetingOn })
    .from(coordinationMechanisms)
    .where(and(...filters))
    .orderBy(asc(coordinationMechanisms.name));
  return rows.map((r) => mechanismView(r.row, r));
}

export async function getMechanism(db: Queryable, id: string) {
  const [found] = await db
    .select({ row: coordinationMechanisms, memberCount, lastMeetingOn })
    .from(coordinationMechanisms)
    .where(eq(coordinationMechanisms.id, id));
  if (!found) throw new AppError('not_found', `No coordination mechanism ${id}.`);
  const members = await db
    .select({
      organisationId: mechanismMembers.organisationId,
      organisationName: organisations.name,
      actorType: organisations.actorType,
      role: mechanismMembers.role,
      joinedOn: mechanismMembers.joinedOn,
      leftOn: mechanismMembers.leftOn,
    })
    .from(mechanismMembers)
    .innerJoin(organisations, eq(organisations.id, mechanismMembers.organisationId))
    .where(eq(mechanismMembers.mechanismId, id))
    .orderBy(asc(organisations.name));
  const meetings = await db
    .select()
    .from(mechanismMeetings)
    .where(eq(mechanismMeetings.mechanismId, id))
    .orderBy(desc(mechanismMeetings.heldOn));
  return {
    ...mechanismView(found.row, found),
    members: members.map((m) => ({ ...m, actorType: m.actorType as never })),
    meetings: meetings.map(meetingView),
  };
}

export async function createMechanism(db: Queryable, input: z.infer<typeof CreateMechanismRequest>) {
  const [row] = await db
    .insert(coordinationMechanisms)
    .values({
      name: input.name,
      names: input.names,
      acronym: input.acronym ?? null,
      kind: input.kind,
      countries: [...new Set(input.countries)],
      mandate: input.mandate ?? null,
      establishedOn: input.establishedOn ?? null,
    })
    .returning({ id: coordinationMechanisms.id });
  if (!row) throw new AppError('internal_error');
  return getMechanism(db, row.id);
}

export async function updateMechanism(
  db: Queryable,
  id: string,
  input: z.infer<typeof UpdateMechanismRequest>,
) {
  const [row] = await db
    .update(coordinationMechanisms)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(coordinationMechanisms.id, id))
    .returning({ id: coordinationMechanisms.id });
  if (!row) throw new AppError('not_found', `No coordination mechanism ${id}.`);
  return getMechanism(db, id);
}

/** Adds the organisation to the mechanism, or changes its role and dates when it is a member already. */
export async function putMechanismMember(
  db: Queryable,
  mechanismId: string,
  organisationId: string,
  input: z.infer<typeof PutMechanismMemberRequest>,
) {
  await getMechanism(db, mechanismId);
  const values = { role: input.role, joinedOn: input.joinedOn ?? null, leftOn: input.leftOn ?? null };
  await db
    .insert(mechanismMembers)
    .values({ mechanismId, organisationId, ...values })
    .onConflictDoUpdate({
      target: [mechanismMembers.mechanismId, mechanismMembers.organisationId],
      set: values,
    });
  return getMechanism(db, mechanismId);
}

export async function removeMechanismMember(db: Queryable, mechanismId: string, organisationId: string) {
  const removed = await db
    .delete(mechanismMembers)
    .where(
      and(eq(mechanismMembers.mechanismId, mechanismId), eq(mechanismMembers.organisationId, organisationId)),
    )
    .returning({ id: mechanismMembers.organisationId });
  if (removed.length === 0)
    throw new AppError(
      'not_found',
      `Organisation ${organisationId} is not a member of mechanism ${mechanismId}.`,
    );
}

export async function addMeeting(db: Queryable, mechanismId: string, input: z.infer<typeof MeetingRequest>) {
  await getMechanism(db, mechanismId);
  const [row] = await db
    .insert(mechanismMeetings)
    .values({
      mechanismId,
      heldOn: input.heldOn,
      title: input.title,
      place: input.place ?? null,
      summary: input.summary ?? null,
      attendeeIds: [...new Set(input.attendeeIds)],
    })
    .returning();
  if (!row) throw new AppError('internal_error');
  return meetingView(row);
}

export async function listMeetings(db: Queryable, mechanismId: string) {
  await getMechanism(db, mechanismId);
  const rows = await db
    .select()
    .from(mechanismMeetings)
    .where(eq(mechanismMeetings.mechanismId, mechanismId))
    .orderBy(desc(mechanismMeetings.heldOn));
  return rows.map(meetingView);
}

/** The mechanisms an organisation belongs to (current members only). */
export async function listMembershipsOf(db: Queryable, organisationId: string) {
  return db
    .select({
      mechanismId: coordinationMechanisms.id,
      name: coordinationMechanisms.name,
      kind: coordinationMechanisms.kind,
      role: mechanismMembers.role,
    })
    .from(mechanismMembers)
    .innerJoin(coordinationMechanisms, eq(coordinationMechanisms.id, mechanismMembers.mechanismId))
    .where(and(eq(mechanismMembers.organisationId, organisationId), sql`${mechanismMembers.leftOn} is null`))
    .orderBy(asc(coordinationMechanisms.name));
}

/** Every current membership, for the coverage analysis: which organisations share a mechanism. */
export async function listAllMemberships(db: Queryable) {
  return db
    .select({ mechanismId: mechanismMembers.mechanismId, organisationId: mechanismMembers.organisationId })
    .from(mechanismMembers)
    .where(sql`${mechanismMembers.leftOn} is null`);
}
