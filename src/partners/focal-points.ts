// An organisation's focal points; their contact details live apart so that only signed-in partners see them.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { focalPointContacts, focalPoints } from './schema.js';
import type { FocalPoint, FocalPointRequest, UpdateFocalPointRequest } from './schemas.js';

type PointRow = typeof focalPoints.$inferSelect;
type ContactRow = typeof focalPointContacts.$inferSelect;

function focalPointView(point: PointRow, contact: ContactRow | null): FocalPoint {
  return {
    id: point.id,
    organisationId: point.organisationId,
    name: point.name,
    position: point.position,
    topics: point.topics,
    languages: point.languages as FocalPoint['languages'],
    contact: contact ? { email: contact.email, phone: contact.phone } : null,
  };
}

/** Row-level security returns no contact rows to the public, so `contact` is null for them. */
export async function listFocalPoints(db: Queryable, organisationId: string): Promise<FocalPoint[]> {
  const rows = await db
    .select({ point: focalPoints, contact: focalPointContacts })
    .from(focalPoints)
    .leftJoin(focalPointContacts, eq(focalPointContacts.focalPointId, focalPoints.id))
    .where(eq(focalPoints.organisationId, organisationId))
    .orderBy(asc(focalPoints.name));
  return rows.map((row) => focalPointView(row.point, row.contact));
}

export async function getFocalPoint(db: Queryable, organisationId: string, id: string): Promise<FocalPoint> {
  const [row] = await db
    .select({ point: focalPoints, contact: focalPointContacts })
    .from(focalPoints)
    .leftJoin(focalPointContacts, eq(focalPointContacts.focalPointId, focalPoints.id))
    .where(and(eq(focalPoints.id, id), eq(focalPoints.organisationId, organisationId)));
  if (!row) throw new AppError('not_found', `No focal point ${id} in organisation ${organisationId}.`);
  return focalPointView(row.point, row.contact);
}

export async function addFocalPoint(
  db: Queryable,
  organisationId: string,
  input: z.infer<typeof FocalPointRequest>,
): Promise<FocalPoint> {
  const [point] = await db
    .insert(focalPoints)
    .values({
      organisationId,
      name: input.name,
      position: input.position ?? null,
      topics: input.topics,
      languages: input.languages,
    })
    .returning();
  if (!point) throw new AppError('internal_error');
  await db.insert(focalPointContacts).values({
    focalPointId: point.id,
    organisationId,
    email: input.email ?? null,
    phone: input.phone ?? null,
  });
  return getFocalPoint(db, organisationId, point.id);
}

export async function updateFocalPoint(
  db: Queryable,
  organisationId: string,
  id: string,
  input: z.infer<typeof UpdateFocalPointRequest>,
): Promise<FocalPoint> {
  const { email, phone, ...profile } = input;
  const [point] = await db
    .update(focalPoints)
    .set({ ...profile, updatedAt: new Date() })
    .where(and(eq(focalPoints.id, id), eq(focalPoints.organisationId, organisationId)))
    .returning();
  if (!point) throw new AppError('not_found', `No focal point ${id} in organisation ${organisationId}.`);
  if (email !== undefined || phone !== undefined) {
    const contact = { ...(email !== undefined ? { email } : {}), ...(phone !== undefined ? { phone } : {}) };
    await db
      .insert(focalPointContacts)
      .values({ focalPointId: id, organisationId, email: email ?? null, phone: phone ?? null })
      .onConflictDoUpdate({ target: focalPointContacts.focalPointId, set: contact });
  }
  return getFocalPoint(db, organisationId, id);
}

export async function removeFocalPoint(db: Queryable, organisationId: string, id: string): Promise<void> {
  const removed = await db
    .delete(focalPoints)
    .where(and(eq(focalPoints.id, id), eq(focalPoints.organisationId, organisationId)))
    .returning({ id: focalPoints.id });
  if (removed.length === 0)
    throw new AppError('not_found', `No focal point ${id} in organisation ${organisationId}.`);
}
