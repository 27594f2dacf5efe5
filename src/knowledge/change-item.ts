// Changes a draft's text, tags and particulars, provided nobody saved it since the version the writer read;
// its search vector is rebuilt from the new text and the attachments' text in the same statement.
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { listAttachmentTexts } from './attachment-store.js';
import type { ItemChange } from './schemas.js';
import { indexedDocument } from './search-text.js';
import { getItem, type ItemRecord, updateItemContent } from './store.js';

export function staleVersion(current: { version: number }, read: number): AppError {
  return new AppError(
    'conflict',
    `The item was saved by someone else meanwhile (version ${current.version}, not ${read}): reload it and apply your change again.`,
  );
}

export function notADraft(): AppError {
  return new AppError(
    'conflict',
    'Only a draft can be changed: return the item to draft first (it then needs review again).',
  );
}

export async function changeItem(
  tx: Queryable,
  current: ItemRecord,
  change: ItemChange,
): Promise<ItemRecord> {
  const { version, ...content } = change;
  if (current.status !== 'draft') throw notADraft();
  if (current.version !== version) throw staleVersion(current, version);
  const attachmentTexts = await listAttachmentTexts(tx, current.id);
  const document = indexedDocument({ ...content, attachmentTexts });
  const changed = await updateItemContent(tx, { id: current.id, version, content, document });
  if (!changed) throw staleVersion(await getItem(tx, current.id), version);
  return getItem(tx, current.id);
}
