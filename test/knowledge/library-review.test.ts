// The review flow of a knowledge item through the API on both engines, and who may do what: the authoring
// organisation's editor writes and changes drafts (never another organisation's), only coordinators and
// administrators review and publish, a published item is public, a draft only for its organisation and
// reviewers; steps out of order, stale versions and changes to a non-draft are refused with nothing written;
// every change leaves its audit entry. Every item here is invented.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../src/audit/schema.js';
import type { ItemRequest, ItemView } from '../../src/knowledge/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { expectStatus, ITEMS, plant } from './library-support.js';

const DRAFT = {
  type: 'legislation',
  language: 'en',
  title: 'Act on the prevention of trafficking in persons of Velmoria (invented)',
  summary: 'An invented act for the tests.',
  year: 2021,
  countries: ['NZL'],
  legislation: {
    country: 'NZL',
    instrument: 'Act No. 12 of 2021 (invented)',
    articles: ['Art. 3', 'Art. 9'],
  },
} satisfies Omit<ItemRequest, 'organisationId'>;

describe.each(TEST_ENGINES)('knowledge review flow on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  let orgAdmin: Session;
  let viewer: Session;
  let legalAdmin: Session;
  let item: ItemView;

  const url = (suffix = '') => `${ITEMS}/${item.id}${suffix}`;
  const step = (as: Session | null, path: string, version = item.version) =>
    t.as(as, 'POST', url(`/${path}`), { version });

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    editor = await t.signInAs(demoEmail('editor'));
    orgAdmin = await t.signInAs(demoEmail('org_admin'));
    viewer = await t.signInAs(demoEmail('viewer'));
    legalAdmin = await t.openSessionAs('legal.admin@demo.concerted.invalid');
    item = await plant(t, editor, DRAFT);
  });
  afterAll(() => t?.close());

  it('creates a draft for the editor’s organisation, saying what the editor may do next', () => {
    expect(item.status).toBe('draft');
    expect(item.organisation.id).toBe(t.organisationIds.shelter);
    expect(item.legislation?.articles).toEqual(['Art. 3', 'Art. 9']);
    expect(item.can).toMatchObject({ edit: true, attach: true, review: false, publish: false });
  });

  it('refuses a draft for another organisation, particulars of another type, and a field for a name', async () => {
    const other = { ...DRAFT, organisationId: t.organisationIds.legal };
    expect((await t.as(editor, 'POST', ITEMS, other)).statusCode).toBe(403);
    const wrong = { ...DRAFT, type: 'research', organisationId: t.organisationIds.shelter };
    const refused = await t.as(editor, 'POST', ITEMS, wrong);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((f: { path: string }) => f.path)).toContain('body.legislation');
    const named = {
      type: 'case_law',
      language: 'en',
      title: 'A case (invented)',
      organisationId: t.organisationIds.shelter,
      caseLaw: {
        court: 'A court (invented)',
        decisionDate: '2024-01-01',
        jurisdiction: 'NZL',
        outcome: 'pending',
        victims: [{ sex: 'female', ageGroup: 'adults', count: 1, name: 'Invented Person' }],
      },
    };
    expect((await t.as(editor, 'POST', ITEMS, named)).statusCode).toBe(400);
  });

  it('shows a draft to its organisation and reviewers, and to nobody else', async () => {
    expect((await t.as(null, 'GET', url())).statusCode).toBe(404);
    expect((await t.as(viewer, 'GET', url())).statusCode).toBe(404);
    expect((await t.as(orgAdmin, 'GET', url())).statusCode).toBe(200);
    const seen = await expectStatus<ItemView>(t.as(coordinator, 'GET', url()), 200);
    expect(seen.can).toMatchObject({ review: true, publish: false, edit: true });
  });

  it('lets the editor change the draft, once per version read', async () => {
    const changed = await expectStatus<ItemView>(
      t.as(editor, 'PUT', url(), { ...DRAFT, summary: 'Changed summary.', version: item.version }),
      200,
    );
    expect(changed.version).toBe(item.version + 1);
    const stale = await t.as(editor, 'PUT', url(), {
      ...DRAFT,
      summary: 'Lost change.',
      version: item.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    item = changed;
    // Another organisation's administrator does not even see the draft.
    const outsider = await t.as(legalAdmin, 'PUT', url(), { ...DRAFT, version: changed.version });
    expect(outsider.statusCode).toBe(404);
  });

  it('refuses review and publication to the editor, and steps out of order to anyone', async () => {
    expect((await step(editor, 'review')).statusCode).toBe(403);
    const early = await step(coordinator, 'publication');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('invalid_review_step');
    expect((await step(coordinator, 'review', item.version - 1)).statusCode).toBe(409);
  });

  it('takes the item through review to publication, after which the public reads it', async () => {
    item = await expectStatus<ItemView>(step(coordinator, 'review'), 200);
    expect(item.status).toBe('reviewed');
    const refused = await t.as(editor, 'PUT', url(), { ...DRAFT, version: item.version });
    expect(refused.statusCode).toBe(409);
    expect((await step(orgAdmin, 'publication')).statusCode).toBe(403);
    item = await expectStatus<ItemView>(step(coordinator, 'publication'), 200);
    expect(item.status).toBe('published');
    expect(item.publishedAt).not.toBeNull();
    const read = await expectStatus<ItemView>(t.as(null, 'GET', url()), 200);
    expect(read.can).toEqual({
      edit: false,
      attach: false,
      review: false,
      publish: false,
      returnToDraft: false,
      translate: false,
    });
    expect((await t.as(viewer, 'GET', url())).statusCode).toBe(200);
  });

  it('lets the editor take the published item back to draft, and the public loses it', async () => {
    expect((await step(legalAdmin, 'return-to-draft')).statusCode).toBe(403);
    item = await expectStatus<ItemView>(step(editor, 'return-to-draft'), 200);
    expect(item.status).toBe('draft');
    expect((await t.as(null, 'GET', url())).statusCode).toBe(404);
  });

  it('records every change in the audit trail, named as the item', async () => {
    const entries = await t.database.db
      .select({ action: auditEntries.action, details: auditEntries.details })
      .from(auditEntries)
      .where(
        and(
          eq(auditEntries.resourceType, 'knowledge_item'),
          eq(auditEntries.resourceId, item.id),
          eq(auditEntries.outcome, 'allowed'),
        ),
      )
      .orderBy(auditEntries.seq);
    expect(entries.map((entry) => entry.action)).toEqual([
      'knowledge.write',
      'knowledge.write',
      'knowledge.review',
      'knowledge.review',
      'knowledge.write',
    ]);
    expect(entries.some((entry) => (entry.details as { move?: string }).move === 'publish')).toBe(true);
  });
});
