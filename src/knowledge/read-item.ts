// Reads an item in the reader's language: the version in it when the item's translation group has one
// the reader may see, the version asked for by id otherwise (or always, when asked for exactly); with its
// attachments and the other versions.
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { type AttachmentRecord, listAttachments } from './attachment-store.js';
import { type ItemRecord, listGroupOf } from './store.js';
import type { KnowledgeLanguage } from './text/languages.js';

export type ReadItem = {
  item: ItemRecord;
  versions: ItemRecord[];
  attachments: AttachmentRecord[];
  requestedLanguageAvailable: boolean;
};

export async function readItem(
  tx: Queryable,
  id: string,
  language: KnowledgeLanguage | null,
  options: { exact: boolean } = { exact: false },
): Promise<ReadItem> {
  const versions = await listGroupOf(tx, id);
  const asked = versions.find((version) => version.id === id);
  if (!asked) throw new AppError('not_found', 'There is no such item in the knowledge library.');
  const inLanguage = language ? versions.find((version) => version.language === language) : undefined;
  const item = options.exact ? asked : (inLanguage ?? asked);
  return {
    item,
    versions,
    attachments: await listAttachments(tx, [item.id]),
    requestedLanguageAvailable: language === null || inLanguage !== undefined,
  };
}
