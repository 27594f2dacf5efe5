// Technical assistance through the API on both engines: a shelter's editor posts a need, partners post
// offers, the suggestions come best first with their points, a declined offer is not suggested again, the
// accepted one matches the need, which is then delivered; illegal moves are refused with a problem code,
// and another organisation's editor cannot touch the need. Every organisation and person is invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedSuggestions, NeedView, OfferView } from '../../src/plans/assistance-schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const NEEDS = '/api/v1/assistance/needs';
const OFFERS = '/api/v1/assistance/offers';

describe.each(TEST_ENGINES)('technical assistance on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  let viewer: Session;
  let need: NeedView;
  const offers: Record<string, OfferView> = {};

  async function post<T>(as: Session, url: string, body: unknown, status = 201): Promise<T> {
    const reply = await t.as(as, 'POST', url, body);
    expect(reply.statusCode, reply.body).toBe(status);
    return reply.json().data as T;
  }

  async function suggestionsFor(needId: string, as: Session = editor): Promise<NeedSuggestions> {
    const reply = await t.as(as, 'GET', `${NEEDS}/${needId}/suggestions`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as NeedSuggestions;
  }

  function offer(key: string, body: Record<string, unknown>) {
    return post<OfferView>(coordinator, OFFERS, { organisationId: t.organisationIds.legal, ...body }).then(
      (posted) => {
        offers[key] = posted;
      },
    );
  }

  beforeAll(async () => {
    t = await startTestApp(engine, { demoWithout: ['cases', 'assistance'] });
    coordinator = await t.signInAs(demoEmail('coordinator'));
    editor = await t.signInAs(demoEmail('editor'));
    viewer = await t.signInAs(demoEmail('viewer'));
    need = await post<NeedView>(editor, NEEDS, {
      organisationId: t.organisationIds.shelter,
      country: 'KEN',
      pillar: 'protection',
      kind: 'training',
      title: 'Train shelter staff in trauma-informed care',
      languages: ['en', 'fr'],
      wantedBy: '2099-06-30',
    });
    // Dates far from today, so that what is "in time" does not depend on when the test runs.
    await offer('kenya', {
      title: 'Trauma-informed care courses in Kenya',
      pillars: ['protection'],
      kinds: ['training'],
      countries: ['KEN'],
      languages: ['fr', 'en'],
      availableFrom: '2020-01-01',
    });
    await offer('anywhere', {
      title: 'Online course for shelter staff',
      pillars: ['protection'],
      kinds: ['training'],
      languages: ['en'],
    });
    await offer('late', {
      title: 'Victim services advice from 2100',
      pillars: ['protection'],
      kinds: ['victim_services'],
      countries: ['UGA'],
      languages: ['ru'],
      availableFrom: '2100-01-01',
    });
    await offer('unrelated', { title: 'Prevalence survey', pillars: ['prevention'], kinds: ['research'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows a posted need with its organisation’s name and what its poster may do', () => {
    expect(need).toMatchObject({
      status: 'open',
      country: 'KEN',
      organisation: { id: t.organisationIds.shelter, name: 'Safe Harbour Shelter Network (demo)' },
      matchedOffer: null,
      can: { decide: true, deliver: false, withdraw: true },
    });
  });

  it('lists needs and offers to every signed-in partner, but lets a viewer change nothing', async () => {
    const needs = await t.as(viewer, 'GET', `${NEEDS}?country=KEN`);
    expect(needs.statusCode).toBe(200);
    const seen = (needs.json().data as NeedView[]).find((candidate) => candidate.id === need.id);
    expect(seen?.can).toEqual({ decide: false, deliver: false, withdraw: false });
    const listed = await t.as(viewer, 'GET', OFFERS);
    expect((listed.json().data as OfferView[]).map((o) => o.title)).toEqual(
      expect.arrayContaining(['Prevalence survey', 'Online course for shelter staff']),
    );
    const refused = await t.as(viewer, 'POST', NEEDS, { ...need, organisationId: t.organisationIds.shelter });
    expect(refused.statusCode).toBe(403);
    expect((await t.as(null, 'GET', NEEDS)).statusCode).toBe(401);
  });

  it('suggests the offers sharing a pillar or kind, best first, with the points of each criterion', async () => {
    const { suggestions } = await suggestionsFor(need.id);
    expect(suggestions.map((s) => [s.offer.title, s.score])).toEqual([
      ['Trauma-informed care courses in Kenya', 10 + 10 + 6 + 4 + 1 + 8],
      ['Online course for shelter staff', 10 + 10 + 2 + 4 + 8],
      ['Victim services advice from 2100', 10],
    ]);
    expect(suggestions[0]?.reasons).toContainEqual({
      criterion: 'shared_languages',
      points: 5,
      languages: ['en', 'fr'],
    });
  });

  it('never suggests again an offer the need’s poster declined', async () => {
    const path = `${NEEDS}/${need.id}/suggestions/${offers.anywhere?.id}/refusal`;
    await post(editor, path, { note: 'We need courses in person.' }, 200);
    const titles = (await suggestionsFor(need.id)).suggestions.map((s) => s.offer.title);
    expect(titles).not.toContain('Online course for shelter staff');
    expect(titles).toContain('Trauma-informed care courses in Kenya');
  });

  it('refuses to deliver a need that is not matched, with a problem code', async () => {
    const reply = await t.as(editor, 'POST', `${NEEDS}/${need.id}/delivery`);
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toMatchObject({ code: 'invalid_transition' });
    expect(reply.json().detail).toMatch(/matched with an offer/);
  });

  it('does not let another organisation’s editor change a need or post for that organisation', async () => {
    const legalNeed = await post<NeedView>(coordinator, NEEDS, {
      organisationId: t.organisationIds.legal,
      country: 'UGA',
      pillar: 'prosecution',
      kind: 'legislation',
      title: 'Review the draft anti-trafficking bill',
    });
    expect(legalNeed.can.withdraw).toBe(true);
    const asEditor = await t.as(editor, 'GET', `${NEEDS}/${legalNeed.id}`);
    expect(asEditor.json().data.can).toEqual({ decide: false, deliver: false, withdraw: false });
    for (const path of ['withdrawal', `suggestions/${offers.kenya?.id}/acceptance`]) {
      const reply = await t.as(
        editor,
        'POST',
        `${NEEDS}/${legalNeed.id}/${path}`,
        path === 'withdrawal' ? undefined : {},
      );
      expect(reply.statusCode, path).toBe(403);
      expect(reply.json().code).toBe('forbidden');
    }
    const foreign = await t.as(editor, 'POST', NEEDS, {
      organisationId: t.organisationIds.legal,
      country: 'UGA',
      pillar: 'prosecution',
      kind: 'legislation',
      title: 'Posted for someone else',
    });
    expect(foreign.statusCode).toBe(403);
    const offerWithdrawal = await t.as(editor, 'POST', `${OFFERS}/${offers.late?.id}/withdrawal`);
    expect(offerWithdrawal.statusCode).toBe(403);
    expect((await t.as(coordinator, 'GET', `${NEEDS}/${legalNeed.id}`)).json().data.status).toBe('open');
  });

  it('matches the need with the accepted offer, then marks it delivered', async () => {
    const matched = await post<NeedView>(
      editor,
      `${NEEDS}/${need.id}/suggestions/${offers.kenya?.id}/acceptance`,
      {},
      200,
    );
    expect(matched).toMatchObject({
      status: 'matched',
      matchedOffer: { id: offers.kenya?.id, title: 'Trauma-informed care courses in Kenya' },
      can: { decide: false, deliver: true, withdraw: true },
    });
    expect((await suggestionsFor(need.id)).suggestions).toEqual([]);
    const delivered = await post<NeedView>(editor, `${NEEDS}/${need.id}/delivery`, undefined, 200);
    expect(delivered).toMatchObject({
      status: 'delivered',
      can: { decide: false, deliver: false, withdraw: false },
    });
    expect(delivered.deliveredAt).not.toBeNull();
  });

  it('keeps a delivered need final', async () => {
    for (const path of ['delivery', 'withdrawal', `suggestions/${offers.late?.id}/acceptance`]) {
      const reply = await t.as(
        editor,
        'POST',
        `${NEEDS}/${need.id}/${path}`,
        path.startsWith('sugg') ? {} : undefined,
      );
      expect(reply.statusCode, path).toBe(409);
      expect(reply.json().code).toBe('invalid_transition');
    }
  });

  it('stops suggesting an offer once its maker withdraws it', async () => {
    const fresh = await post<NeedView>(editor, NEEDS, {
      organisationId: t.organisationIds.shelter,
      country: 'KEN',
      pillar: 'protection',
      kind: 'victim_services',
      title: 'Advice on a victim services standard',
    });
    expect((await suggestionsFor(fresh.id)).suggestions.map((s) => s.offer.id)).toContain(offers.late?.id);
    const withdrawn = await post<OfferView>(
      coordinator,
      `${OFFERS}/${offers.late?.id}/withdrawal`,
      undefined,
      200,
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn', can: { withdraw: false } });
    expect((await suggestionsFor(fresh.id)).suggestions.map((s) => s.offer.id)).not.toContain(
      offers.late?.id,
    );
  });
});
