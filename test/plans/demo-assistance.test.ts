// The demo's technical assistance on both engines: Kenya's needs, offers of other demo organisations with
// their languages and dates, offers suggested for each open need with why, one need matched; seeding again
// writes nothing more, and a test that counts its own needs can leave them out.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistanceNeeds, assistanceOffers } from '../../src/plans/assistance-schema.js';
import type { NeedSuggestions, NeedView, OfferView } from '../../src/plans/assistance-schemas.js';
import { DEMO_NEED_TITLES } from '../../src/plans/demo-assistance.js';
import { Sealer } from '../../src/platform/crypto.js';
import { seedDatabase } from '../../src/server/seed.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

describe.each(TEST_ENGINES)('the demo technical assistance on $name', (engine) => {
  let t: TestApp;
  let viewer: Session;
  let needs: NeedView[];
  let offers: OfferView[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    viewer = await t.signInAs(demoEmail('viewer'));
    needs = (await t.as(viewer, 'GET', '/api/v1/assistance/needs?country=KEN')).json().data;
    offers = (await t.as(viewer, 'GET', '/api/v1/assistance/offers')).json().data;
  });

  afterAll(async () => {
    await t?.close();
  });

  const needTitled = (title: string) => needs.find((need) => need.title === title);

  it('holds Kenya’s needs, posted by the coordination office', () => {
    expect(needs.map((need) => need.title).sort()).toEqual(Object.values(DEMO_NEED_TITLES).sort());
    expect(needs.every((need) => need.organisation.name.startsWith('National Anti-Trafficking'))).toBe(true);
    expect(needTitled(DEMO_NEED_TITLES.policeUnits)).toMatchObject({
      pillar: 'prosecution',
      kind: 'specialised_units',
      status: 'open',
    });
  });

  it('holds offers of other demo organisations, with languages and the dates they are available', () => {
    expect(offers.length).toBeGreaterThanOrEqual(3);
    expect(offers.every((offer) => offer.organisation.name.endsWith('(demo)'))).toBe(true);
    expect(new Set(offers.map((offer) => offer.organisation.name)).size).toBe(offers.length);
    expect(offers.every((offer) => offer.languages.length > 0 && offer.availableUntil !== null)).toBe(true);
  });

  it('suggests offers for each open need, best first, with why', async () => {
    const open = needs.filter((need) => need.status === 'open');
    expect(open).toHaveLength(2);
    for (const need of open) {
      const reply = await t.as(viewer, 'GET', `/api/v1/assistance/needs/${need.id}/suggestions`);
      const { suggestions } = reply.json().data as NeedSuggestions;
      expect(suggestions.length, need.title).toBeGreaterThan(0);
      expect(suggestions[0]?.reasons.length).toBeGreaterThan(0);
      const scores = suggestions.map((suggestion) => suggestion.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    const police = await t.as(
      viewer,
      'GET',
      `/api/v1/assistance/needs/${needTitled(DEMO_NEED_TITLES.policeUnits)?.id}/suggestions`,
    );
    const best = (police.json().data as NeedSuggestions).suggestions[0];
    expect(best?.offer.organisation.name).toBe('Regional Legal Aid Centre (demo)');
    expect(best?.reasons.map((reason) => reason.criterion)).toEqual(
      expect.arrayContaining(['same_pillar', 'same_kind', 'country_named', 'available_in_time']),
    );
  });

  it('matches the prosecutors’ courses with the legal aid centre’s offer', () => {
    expect(needTitled(DEMO_NEED_TITLES.prosecutors)).toMatchObject({
      status: 'matched',
      matchedOffer: { organisation: { name: 'Regional Legal Aid Centre (demo)' } },
    });
  });

  it('is written once: seeding the database again adds no need nor offer', async () => {
    const seeded = await seedDatabase(t.database.db, { demo: true, sealer: new Sealer(randomBytes(32)) });
    expect(seeded.demo.loaded).toBe(false);
    expect(await t.database.db.select().from(assistanceNeeds)).toHaveLength(needs.length);
    expect(await t.database.db.select().from(assistanceOffers)).toHaveLength(offers.length);
  });

  it('is left out when a test asks for the demo without it', async () => {
    const database = await engine.open();
    try {
      const seeded = await seedDatabase(database.db, {
        demo: true,
        sealer: new Sealer(randomBytes(32)),
        leaveOut: ['cases', 'assistance'],
      });
      expect(seeded.demo.records.plans).toBeGreaterThan(0);
      expect(seeded.demo.records).not.toHaveProperty('assistance');
      expect(await database.db.select().from(assistanceNeeds)).toEqual([]);
    } finally {
      await database.dispose();
    }
  });
});
