// Helpers for the knowledge library tests: write an invented item through the API as a session, and
// take it through review to publication; search and read as anyone.
import { expect } from 'vitest';
import type { ItemRequest, ItemView } from '../../src/knowledge/schemas.js';
import type { SearchResult } from '../../src/knowledge/search-schemas.js';
import type { Session, TestApp } from '../support/app.js';

export const ITEMS = '/api/v1/knowledge/items';

export async function expectStatus<T>(
  reply: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status: number,
): Promise<T> {
  const answer = await reply;
  expect(answer.statusCode, answer.body).toBe(status);
  return (answer.json() as { data: T }).data;
}

/** Writes a draft as the session; published too (by the reviewer) when asked. */
export async function plant(
  t: TestApp,
  writer: Session,
  item: Omit<ItemRequest, 'organisationId'> & { organisationId?: string },
  reviewer?: Session,
): Promise<ItemView> {
  const body = { organisationId: t.organisationIds.shelter, ...item };
  const draft = await expectStatus<ItemView>(t.as(writer, 'POST', ITEMS, body), 201);
  if (!reviewer) return draft;
  const reviewed = await expectStatus<ItemView>(
    t.as(reviewer, 'POST', `${ITEMS}/${draft.id}/review`, { version: draft.version }),
    200,
  );
  return expectStatus<ItemView>(
    t.as(reviewer, 'POST', `${ITEMS}/${draft.id}/publication`, { version: reviewed.version }),
    200,
  );
}

export async function search(
  t: TestApp,
  as: Session | null,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<SearchResult> {
  const reply = await t.as(as, 'GET', `${ITEMS}?${new URLSearchParams(query)}`, undefined, headers);
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json() as SearchResult;
}

export const idsOf = (result: SearchResult) => result.data.map((hit) => hit.id);

export const highlightedWords = (result: SearchResult, id: string) =>
  (result.data.find((hit) => hit.id === id)?.snippet ?? [])
    .filter((segment) => segment.highlighted)
    .map((segment) => segment.text.toLowerCase());
