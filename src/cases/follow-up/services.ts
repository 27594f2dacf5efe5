// Services delivered on a case. Records are never changed: a correction is a new record that supersedes
// the one it corrects (the database refuses UPDATE and DELETE), so the history stays as it was written.
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../access/schema.js';
import { organisations } from '../../partners/schema.js';
import type { Transaction } from '../../platform/db.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { caseServices } from '../schema.js';
import type { PersonData } from '../schemas.js';
import { findIdentifiers } from './identifying-text.js';
import type { RecordServiceRequest, ServiceRecord } from './schemas.js';

export async function recordService(
  tx: Transaction,
  caseId: string,
  input: RecordServiceRequest,
  person: PersonData,
  userId: string,
): Promise<ServiceRecord> {
  refuseIdentifyingText(person, [
    { path: 'body.notes', text: input.notes },
    { path: 'body.providerName', text: input.providerName },
    { path: 'body.correctionReason', text: input.correctionReason },
  ]);
  if (input.providerOrganisationId !== null && input.providerName !== null)
    throw new AppError('validation_failed', 'Name the provider once: a registered organisation or a name.', [
      {
        path: 'body.providerName',
        code: 'not_allowed',
        message: 'Leave empty when choosing an organisation',
      },
    ]);
  if ((input.supersedes === null) !== (input.correctionReason === null))
    throw new AppError('validation_failed', 'A correction names the record it corrects and says why.', [
      {
        path: input.supersedes === null ? 'body.supersedes' : 'body.correctionReason',
        code: 'required',
        message: input.supersedes === null ? 'Choose the record to correct' : 'Say why it is corrected',
      },
    ]);
  if (input.providerOrganisationId) await requireOrganisation(tx, input.providerOrganisationId);
  const history = await serviceHistory(tx, caseId);
  if (input.supersedes !== null) {
    const corrected = history.find((record) => record.id === input.supersedes);
    if (!corrected)
      throw new AppError('validation_failed', 'The record to correct is not one of this case’s services.', [
        { path: 'body.supersedes', code: 'unknown', message: 'Choose a service of this case' },
      ]);
    if (corrected.supersededBy !== null)
      throw new AppError(
        'conflict',
        'That record was already corrected; correct the latest record instead (read the services again).',
      );
  }
  const [row] = await tx
    .insert(caseServices)
    .values({
      caseId,
      category: input.category,
      providerOrganisationId: input.providerOrganisationId,
      providerName: input.providerName,
      deliveredOn: input.deliveredOn,
      notes: input.notes,
      supersedes: input.supersedes,
      correctionReason: input.correctionReason,
      recordedBy: userId,
    })
    .returning({ id: caseServices.id });
  const recorded = (await serviceHistory(tx, caseId)).find((record) => record.id === row?.id);
  if (!recorded) throw new Error('a service just recorded could not be read back');
  return recorded;
}

/** Every record of the case, newest first, with who recorded it and which correction replaced it. */
export async function serviceHistory(tx: Transaction, caseId: string): Promise<ServiceRecord[]> {
  const provider = alias(organisations, 'provider');
  const rows = await tx
    .select({ record: caseServices, providerName: provider.name, recordedByName: users.displayName })
    .from(caseServices)
    .leftJoin(provider, eq(provider.id, caseServices.providerOrganisationId))
    .leftJoin(users, eq(users.id, caseServices.recordedBy))
    .where(eq(caseServices.caseId, caseId))
    .orderBy(desc(caseServices.recordedAt), desc(caseServices.id));
  const supersededBy = new Map(
    rows.flatMap(({ record }) => (record.supersedes ? [[record.supersedes, record.id] as const] : [])),
  );
  return rows.map(({ record, providerName, recordedByName }) => ({
    id: record.id,
    category: record.category as ServiceRecord['category'],
    providerOrganisationId: record.providerOrganisationId,
    providerOrganisationName: providerName,
    providerName: record.providerName,
    deliveredOn: record.deliveredOn,
    notes: record.notes,
    supersedes: record.supersedes,
    correctionReason: record.correctionReason,
    supersededBy: supersededBy.get(record.id) ?? null,
    recordedBy: recordedByName,
    recordedAt: record.recordedAt.toISOString(),
  }));
}

/** The records no correction replaced, latest delivery first. */
export function currentServices(history: readonly ServiceRecord[]): ServiceRecord[] {
  return history
    .filter((record) => record.supersededBy === null)
    .sort((a, b) => b.deliveredOn.localeCompare(a.deliveredOn) || b.recordedAt.localeCompare(a.recordedAt));
}

/**
 * Refuses free text that would identify the person (see identifying-text.ts), naming the field and the
 * kind of identifier found, never the text.
 */
export function refuseIdentifyingText(
  person: PersonData,
  fields: readonly { path: string; text: string | null | undefined }[],
): void {
  const errors: FieldError[] = [];
  for (const { path, text } of fields) {
    if (!text) continue;
    const kinds = findIdentifiers(text, person);
    if (kinds.length > 0)
      errors.push({
        path,
        code: 'identifying_text',
        message: `Leave out what identifies the person (${kinds.join(', ')}): keep it in the person record`,
      });
  }
  if (errors.length > 0)
    throw new AppError(
      'validation_failed',
      'Text kept on a case must not identify the person: names, numbers, contacts and dates of birth belong in the sealed person record.',
      errors,
    );
}

async function requireOrganisation(tx: Transaction, organisationId: string): Promise<void> {
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row)
    throw new AppError('validation_failed', 'The provider organisation is not in the directory.', [
      { path: 'body.providerOrganisationId', code: 'unknown', message: 'Choose a registered organisation' },
    ]);
}
