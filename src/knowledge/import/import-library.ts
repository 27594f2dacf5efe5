// Imports a directory of items (one JSON file each, attachments beside it) as the operator: every file is
// checked first, then each one that passed goes in with its attachments and its audit entry in a transaction
// of its own, so that a file is imported whole or not at all and one bad file does not hold back the rest.
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/chain.js';
import { type Database, type Queryable, rowsOf } from '../../platform/db.js';
import { textArray } from '../../platform/sql-arrays.js';
import { type ReadAttachment, readAttachment } from '../attach-files.js';
import { insertAttachments } from '../attachment-store.js';
import { insertManyItems } from '../insert-many.js';
import { type CheckedFile, checkItemFile, type FileProblem, type ItemFile } from './item-file.js';
import { importOrder } from './order.js';

export type ImportedFile = { file: string; id: string; title: string; language: string };
export type LibraryImportReport = { files: number; imported: ImportedFile[]; rejected: FileProblem[] };
export type ImportOptions = { onProgress?: (done: number, total: number) => void };

type Ready = { file: string; item: ItemFile; organisationId: string; attachments: ReadAttachment[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function importLibrary(
  db: Database,
  directory: string,
  options: ImportOptions = {},
): Promise<LibraryImportReport> {
  const names = (await readdir(directory)).filter((name) => name.toLowerCase().endsWith('.json')).sort();
  const checked = await Promise.all(
    names.map(async (name) => ({
      name,
      result: checkItemFile(name, await readFile(path.join(directory, name), 'utf8')),
    })),
  );
  const rejected: FileProblem[] = checked.flatMap(({ result }) => (result.ok ? [] : result.problems));
  const passed = checked.filter(
    (c): c is { name: string; result: Extract<CheckedFile, { ok: true }> } => c.result.ok,
  );
  const organisations = await organisationIds(
    db,
    passed.map((c) => c.result.item.organisation),
  );
  const ready: Ready[] = [];
  for (const { name, result } of passed) {
    const prepared = await prepare(directory, name, result.item, organisations);
    if ('problems' in prepared) rejected.push(...prepared.problems);
    else ready.push(prepared);
  }
  const imported = await writeInOrder(db, ready, rejected, (done) =>
    options.onProgress?.(done + names.length - ready.length, names.length),
  );
  return { files: names.length, imported, rejected };
}

/** The registry's organisations by lower-cased name and by id, for the names the files give: one query. */
async function organisationIds(db: Database, given: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(given.map((name) => name.toLowerCase()))];
  const rows = await rowsOf<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where lower(name) = any(${textArray(wanted)}::text[])
      or id::text = any(${textArray(wanted)}::text[])`,
  );
  return new Map(
    rows.flatMap((row) => [[row.name.toLowerCase(), row.id] as const, [row.id, row.id] as const]),
  );
}

async function prepare(
  directory: string,
  file: string,
  item: ItemFile,
  organisations: Map<string, string>,
): Promise<Ready | { problems: FileProblem[] }> {
  const problems: FileProblem[] = [];
  const organisationId = organisations.get(item.organisation.toLowerCase());
  if (!organisationId)
    problems.push({
      file,
      where: 'organisation',
      problem: `no organisation in the registry is named "${item.organisation}"`,
      fix: 'write the name as `concerted organisations list` shows it, or register the organisation first',
    });
  const attachments: ReadAttachment[] = [];
  for (const [index, name] of item.attachments.entries()) {
    const read = await readBeside(directory, file, name, `attachments.${index}`);
    if ('problem' in read) problems.push(read);
    else attachments.push(read);
  }
  if (problems.length > 0 || !organisationId) return { problems };
  return { file, item, organisationId, attachments };
}

async function readBeside(directory: string, file: string, name: string, where: string) {
  if (path.basename(name) !== name)
    return {
      file,
      where,
      problem: `"${name}" is not a file name`,
      fix: 'put the attachment beside the JSON file and give its name only',
    };
  let content: Buffer;
  try {
    content = await readFile(path.join(directory, name));
  } catch {
    return {
      file,
      where,
      problem: `there is no file "${name}" beside it`,
      fix: 'put the attachment in the same directory, or correct its name',
    };
  }
  try {
    return await readAttachment({ fileName: name, content }, where);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return {
      file,
      where,
      problem,
      fix: 'attach a readable PDF or DOCX file (save it again from the program that made it)',
    };
  }
}

/** Writes the files in the order translations need; a translation of a rejected file is rejected too. */
async function writeInOrder(
  db: Database,
  ready: readonly Ready[],
  rejected: FileProblem[],
  progress: (done: number) => void,
): Promise<ImportedFile[]> {
  const imported: (ImportedFile & { translationGroup: string })[] = [];
  const groups = new Map<string, string>();
  let done = 0;
  for (const entry of importOrder(ready)) {
    const join = joinOf(entry, groups);
    const written =
      join !== null && 'problem' in join
        ? join
        : await writeOne(db, entry, join).catch((error: unknown) => writeProblem(entry, error));
    if ('problem' in written) rejected.push(written);
    else {
      imported.push(written);
      groups.set(entry.file, written.translationGroup);
    }
    done += 1;
    progress(done);
  }
  return imported.map(({ translationGroup: _group, ...file }) => file);
}

/** The group a translation joins: another file's (imported before it), or an item's already in the library. */
type Join = { group: string } | { itemId: string } | null;

function joinOf(entry: Ready, groups: Map<string, string>): Join | FileProblem {
  const of = entry.item.translationOf;
  if (of === null) return null;
  if (UUID.test(of)) return { itemId: of };
  const group = groups.get(of);
  if (group) return { group };
  return {
    file: entry.file,
    where: 'translationOf',
    problem: `"${of}" was not imported, so this translation has nothing to join`,
    fix: 'correct that file (or the name given here) and import both again',
  };
}

async function writeOne(
  db: Database,
  entry: Ready,
  join: Join,
): Promise<ImportedFile & { translationGroup: string }> {
  const { organisation: _o, status, translationOf: _t, attachments: _a, ...content } = entry.item;
  const id = randomUUID();
  const translationGroup = await db.transaction(async (tx) => {
    const group = join === null ? id : 'group' in join ? join.group : await groupOfItem(tx, join.itemId);
    await insertManyItems(tx, [
      {
        ...content,
        id,
        translationGroup: group,
        organisationId: entry.organisationId,
        status,
        createdBy: null,
        attachmentTexts: entry.attachments.map((file) => file.extractedText),
      },
    ]);
    await insertAttachments(
      tx,
      entry.attachments.map((file) => ({ ...file, itemId: id, createdBy: null })),
    );
    await appendAudit(tx, {
      actorUserId: null,
      actorVia: 'cli',
      action: 'knowledge.write',
      outcome: 'allowed',
      resourceType: 'knowledge_item',
      resourceId: id,
      organisationId: entry.organisationId,
      details: { import: entry.file, type: content.type, language: content.language, status },
    });
    return group;
  });
  return { file: entry.file, id, title: content.title, language: content.language, translationGroup };
}

async function groupOfItem(tx: Queryable, itemId: string): Promise<string> {
  const [found] = await rowsOf<{ group: string }>(
    tx,
    sql`select translation_group as group from knowledge_items where id = ${itemId}`,
  );
  if (!found) throw new Error(`there is no item ${itemId} in the library to translate`);
  return found.group;
}

function writeProblem(entry: Ready, error: unknown): FileProblem {
  const code = (error as { code?: string }).code;
  if (code === '23505')
    return {
      file: entry.file,
      where: 'language',
      problem: 'the item it translates already has a version in this language',
      fix: 'change that version instead, or give this file another language',
    };
  // The database's own words, never the statement or its values (the file's text).
  const cause = (error as { cause?: unknown }).cause ?? error;
  const message = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
  return {
    file: entry.file,
    where: '',
    problem: `it could not be saved (${message})`,
    fix: 'correct the file as the problem says and import it again',
  };
}
