// Posts a need for technical assistance for an organisation (row-level security holds it to the ones the
// writer edits for), open for offers to be suggested.
import type { Queryable } from '../platform/db.js';
import type { PostedNeed } from './assistance-schemas.js';
import { getNeed, insertNeed, type NeedRecord } from './assistance-store.js';

export async function postNeed(tx: Queryable, need: PostedNeed, userId: string | null): Promise<NeedRecord> {
  const id = await insertNeed(tx, {
    organisationId: need.organisationId,
    countryIso3: need.country,
    pillar: need.pillar,
    kind: need.kind,
    title: need.title,
    description: need.description,
    languages: need.languages,
    wantedBy: need.wantedBy,
    createdBy: userId,
  });
  return getNeed(tx, id);
}
