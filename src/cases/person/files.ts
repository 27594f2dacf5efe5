// Files of a person record (photos, scans of documents): the bytes, the file's name and its media type are
// sealed with the person's data key like every other field. Only JPEG, PNG and PDF are taken, told by
// their first bytes rather than by what the sender claims; the name never appears in a URL or a log.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { cases, personFiles, persons } from '../schema.js';
import { getCase } from '../store.js';
import {
  newDataKey,
  openField,
  openFile,
  sealField,
  sealFile,
  unwrapDataKey,
  wrapDataKey,
} from './envelope.js';
import { currentMasterKeyId, type KeyRing } from './keyring.js';

/** The largest file a person record takes: 10 MiB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const FILE_TYPES = [
  { mediaType: 'image/jpeg', extension: 'jpg', magic: [Buffer.from([0xff, 0xd8, 0xff])] },
  {
    mediaType: 'image/png',
    extension: 'png',
    magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  },
  { mediaType: 'application/pdf', extension: 'pdf', magic: [Buffer.from('%PDF-', 'latin1')] },
] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** The type the bytes say they are, or null when they are none of those taken. Pure. */
export function sniffFileType(bytes: Buffer): FileType | null {
  return (
    FILE_TYPES.find((type) => type.magic.some((magic) => bytes.subarray(0, magic.length).equals(magic))) ??
    null
  );
}

export type PersonFileSummary = {
  id: string;
  kind: 'photo' | 'identity_document' | 'other';
  fileName: string;
  mediaType: string;
  byteSize: number;
  createdAt: string;
};

/** The data key of the case's person; a case without a person record gets an empty one to hold files. */
async function dataKeyFor(
  tx: Transaction,
  keys: KeyRing,
  caseId: string,
  create: boolean,
): Promise<Buffer | null> {
  const [row] = await tx.select().from(persons).where(eq(persons.caseId, caseId));
  if (row) return unwrapDataKey(await keys.key(row.masterKeyId), row.wrappedDataKey, caseId);
  if (!create) return null;
  const masterKeyId = await currentMasterKeyId(tx, keys);
  const dataKey = newDataKey();
  const wrappedDataKey = wrapDataKey(await keys.key(masterKeyId), dataKey, caseId);
  await tx.insert(persons).values({ caseId, masterKeyId, wrappedDataKey, fields: {} });
  return dataKey;
}

export async function addPersonFile(
  tx: Transaction,
  keys: KeyRing,
  caseId: string,
  input: { kind: PersonFileSummary['kind']; fileName: string; content: Buffer },
): Promise<PersonFileSummary> {
  await getCase(tx, caseId);
  if (input.content.length > MAX_FILE_BYTES) throw fileTooLarge();
  const type = sniffFileType(input.content);
  if (!type)
    throw new AppError(
      'unsupported_media_type',
      'A person’s file must be a JPEG or PNG image or a PDF document.',
      [{ path: 'body.content', code: 'file_type', message: 'Choose a JPEG, PNG or PDF file' }],
    );
  const dataKey = (await dataKeyFor(tx, keys, caseId, true)) as Buffer;
  const id = randomUUID();
  await tx.insert(personFiles).values({
    id,
    caseId,
    kind: input.kind,
    sealedName: sealField(dataKey, caseId, `file-name:${id}`, input.fileName),
    sealedMediaType: sealField(dataKey, caseId, `file-type:${id}`, type.mediaType),
    content: sealFile(dataKey, caseId, id, input.content),
    byteSize: input.content.length,
  });
  await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, caseId));
  const [created] = (await listPersonFiles(tx, keys, caseId)).filter((file) => file.id === id);
  if (!created) throw new Error('a file just stored could not be read back');
  return created;
}

/** The files of the case's person, newest first, with their names opened. */
export async function listPersonFiles(
  tx: Transaction,
  keys: KeyRing,
  caseId: string,
): Promise<PersonFileSummary[]> {
  await getCase(tx, caseId);
  const rows = await tx
    .select({
      id: personFiles.id,
      kind: personFiles.kind,
      sealedName: personFiles.sealedName,
      sealedMediaType: personFiles.sealedMediaType,
      byteSize: personFiles.byteSize,
      createdAt: personFiles.createdAt,
    })
    .from(personFiles)
    .where(eq(personFiles.caseId, caseId))
    .orderBy(desc(personFiles.createdAt), desc(personFiles.id));
  if (rows.length === 0) return [];
  const dataKey = (await dataKeyFor(tx, keys, caseId, false)) as Buffer;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as PersonFileSummary['kind'],
    fileName: openField(dataKey, caseId, `file-name:${row.id}`, row.sealedName),
    mediaType: openField(dataKey, caseId, `file-type:${row.id}`, row.sealedMediaType),
    byteSize: row.byteSize,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** One file's bytes and media type, opened; not found when it is not a file of this case. */
export async function readPersonFile(tx: Transaction, keys: KeyRing, caseId: string, fileId: string) {
  await getCase(tx, caseId);
  const [row] = await tx
    .select()
    .from(personFiles)
    .where(and(eq(personFiles.caseId, caseId), eq(personFiles.id, fileId)));
  if (!row) throw new AppError('not_found', 'No such file in this person record.');
  const dataKey = (await dataKeyFor(tx, keys, caseId, false)) as Buffer;
  const mediaType = openField(dataKey, caseId, `file-type:${row.id}`, row.sealedMediaType);
  const type = FILE_TYPES.find((candidate) => candidate.mediaType === mediaType);
  return {
    kind: row.kind,
    mediaType,
    extension: type?.extension ?? 'bin',
    content: openFile(dataKey, caseId, row.id, row.content),
  };
}

export function fileTooLarge(): AppError {
  return new AppError(
    'payload_too_large',
    `A person’s file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MiB: send a smaller scan or photo.`,
  );
}
