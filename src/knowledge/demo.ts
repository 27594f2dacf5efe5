// Loads the demo library, published, in one statement: ids are drawn here so that a translation joins
// the group of the item it translates.
import { randomUUID } from 'node:crypto';
import { demoOrganisationIds } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { DEMO_ITEMS, type DemoItem } from './demo-items.js';
import { insertManyItems, type ManyItem } from './insert-many.js';
import { ItemRequest } from './schemas.js';

export async function loadDemoKnowledge(tx: Queryable): Promise<number> {
  const organisations = await demoOrganisationIds(tx);
  const ids = new Map(DEMO_ITEMS.map((item) => [item.key, randomUUID()]));
  const items = DEMO_ITEMS.map((item): ManyItem => {
    const id = ids.get(item.key) ?? randomUUID();
    return {
      ...contentOf(item, organisations[item.organisation]),
      id,
      translationGroup: item.translates ? (ids.get(item.translates) ?? id) : id,
      organisationId: organisations[item.organisation],
      status: 'published',
      createdBy: null,
    };
  });
  return insertManyItems(tx, items);
}

/** The item through the API's own schema, so that the demo holds only what a writer could have sent. */
function contentOf(item: DemoItem, organisationId: string) {
  const { key: _key, organisation: _organisation, translates: _translates, ...fields } = item;
  const {
    organisationId: _id,
    translationOf: _of,
    ...content
  } = ItemRequest.parse({ ...fields, organisationId });
  return content;
}
