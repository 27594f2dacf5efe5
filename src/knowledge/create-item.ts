// Creates a draft in the knowledge library for its authoring organisation (row-level security holds a
// writer to the organisations they edit for), alone or as a version of another item in a new language.
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import type { NewItem } from './schemas.js';
import { indexedDocument } from './search-text.js';
import { getItem, type ItemRecord, insertItem, listGroupOf } from './store.js';

export async function createItem(tx: Queryable, input: NewItem, userId: string | null): Promise<ItemRecord> {
  const { organisationId, translationOf, ...content } = input;
  const translationGroup = translationOf ? await groupToJoin(tx, translationOf, input.language) : null;
  const id = await insertItem(tx, {
    content,
    document: indexedDocument({ ...content, attachmentTexts: [] }),
    organisationId,
    translationGroup,
    createdBy: userId,
  });
  return getItem(tx, id);
}

/** The translation group of the item translated, which must not have a version in this language yet. */
async function groupToJoin(tx: Queryable, originalId: string, language: string): Promise<string> {
  const versions = await listGroupOf(tx, originalId);
  const original = versions.find((version) => version.id === originalId);
  if (!original)
    throw new AppError(
      'validation_failed',
      'The item to translate does not exist or is not visible to you.',
      [{ path: 'body.translationOf', code: 'not_found', message: 'Choose an item you can see' }],
    );
  const same = versions.find((version) => version.language === language);
  if (same)
    throw new AppError(
      'conflict',
      `The item already has a version in this language ("${same.title}"): change that one instead.`,
      [{ path: 'body.language', code: 'duplicate', message: 'Choose a language it has no version in yet' }],
    );
  return original.translationGroup;
}
