// Versions of one knowledge item in several languages through the API on both engines: a translation joins
// its original's group; reading asks for the version in the reader's language (?lang, else Accept-Language)
// unless a link asks for exactly one version (?exact=true), and lists the others; search gives one result per item, in the reader's language when it can; a second
// version in the same language is refused; "more like this" never offers another version of the item, and
// offers each other item once, in the reader's language when it can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemRequest, ItemView } from '../../src/knowledge/schemas.js';
import type { SimilarItems } from '../../src/knowledge/search-schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { expectStatus, ITEMS, idsOf, plant, search } from './library-support.js';

const ORIGINAL = {
  type: 'guideline',
  language: 'en',
  title: 'Guideline on Brennockmoor shelters for survivors of forced marriage',
  summary: 'How shelters in Brennockmoor receive women escaping a forced marriage.',
  forms: ['forced_marriage'],
  countries: ['IRL'],
} satisfies Omit<ItemRequest, 'organisationId'>;

describe.each(TEST_ENGINES)('knowledge translations on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  let english: ItemView;
  let french: ItemView;

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    editor = await t.signInAs(demoEmail('editor'));
    english = await plant(t, editor, ORIGINAL, coordinator);
    french = await plant(
      t,
      editor,
      {
        ...ORIGINAL,
        language: 'fr',
        title: 'Ligne directrice sur les foyers de Brennockmoor pour les victimes de mariage forcé',
        summary: 'Comment les foyers de Brennockmoor accueillent les femmes qui fuient un mariage forcé.',
        translationOf: english.id,
      },
      coordinator,
    );
  });
  afterAll(() => t?.close());

  it('joins the translation to its original’s group', () => {
    expect(french.translationGroup).toBe(english.translationGroup);
    expect(french.translations).toEqual([
      { id: english.id, language: 'en', title: ORIGINAL.title, status: 'published' },
    ]);
  });

  it('reads the version in the language asked for, by ?lang or by Accept-Language', async () => {
    const byQuery = await expectStatus<ItemView>(t.as(null, 'GET', `${ITEMS}/${english.id}?lang=fr`), 200);
    expect(byQuery.id).toBe(french.id);
    expect(byQuery.requestedLanguageAvailable).toBe(true);
    expect(byQuery.translations.map((v) => v.language)).toEqual(['en']);
    const byHeader = await expectStatus<ItemView>(
      t.as(null, 'GET', `${ITEMS}/${english.id}`, undefined, {
        'accept-language': 'de-CH, fr-CH;q=0.9, en;q=0.5',
      }),
      200,
    );
    expect(byHeader.id).toBe(french.id);
    const missing = await expectStatus<ItemView>(t.as(null, 'GET', `${ITEMS}/${french.id}?lang=ru`), 200);
    expect(missing.id).toBe(french.id);
    expect(missing.requestedLanguageAvailable).toBe(false);
  });

  it('reads exactly the version a link names with exact=true, whatever the reader’s language', async () => {
    const exact = await expectStatus<ItemView>(
      t.as(null, 'GET', `${ITEMS}/${english.id}?lang=fr&exact=true`),
      200,
    );
    expect(exact.id).toBe(english.id);
    expect(exact.language).toBe('en');
    // The reader's language has a version: the page may offer it.
    expect(exact.requestedLanguageAvailable).toBe(true);
    expect(exact.translations.map((v) => v.id)).toEqual([french.id]);
    const byHeader = await expectStatus<ItemView>(
      t.as(null, 'GET', `${ITEMS}/${french.id}?exact=true`, undefined, { 'accept-language': 'en' }),
      200,
    );
    expect(byHeader.id).toBe(french.id);
    const noneInRussian = await expectStatus<ItemView>(
      t.as(null, 'GET', `${ITEMS}/${english.id}?exact=true&lang=ru`),
      200,
    );
    expect(noneInRussian.id).toBe(english.id);
    expect(noneInRussian.requestedLanguageAvailable).toBe(false);
    const notExact = await expectStatus<ItemView>(
      t.as(null, 'GET', `${ITEMS}/${english.id}?exact=false&lang=fr`),
      200,
    );
    expect(notExact.id).toBe(french.id);
    expect((await t.as(null, 'GET', `${ITEMS}/${english.id}?exact=yes`)).statusCode).toBe(400);
  });

  it('gives one search result per item, in the reader’s language, listing the other version', async () => {
    const inFrench = await search(t, null, { q: 'Brennockmoor', lang: 'fr' });
    expect(idsOf(inFrench)).toEqual([french.id]);
    expect(inFrench.data[0]?.translations.map((v) => v.id)).toEqual([english.id]);
    expect(idsOf(await search(t, null, { q: 'Brennockmoor', lang: 'en' }))).toEqual([english.id]);
    expect(idsOf(await search(t, null, { q: 'Brennockmoor' }, { 'accept-language': 'fr' }))).toEqual([
      french.id,
    ]);
  });

  it('refuses a second version in a language the item already has', async () => {
    const again = await t.as(editor, 'POST', ITEMS, {
      ...ORIGINAL,
      organisationId: t.organisationIds.shelter,
      language: 'fr',
      title: 'Une autre version française',
      translationOf: english.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('body.language');
  });

  it('offers items like this one, but never another version of it', async () => {
    const akin = await plant(
      t,
      editor,
      {
        type: 'good_practice',
        language: 'en',
        title: 'Brennockmoor shelters open their doors to survivors of forced marriage',
        summary: 'Shelters received women escaping a forced marriage.',
        forms: ['forced_marriage'],
      },
      coordinator,
    );
    const unrelated = await plant(
      t,
      editor,
      {
        type: 'research',
        language: 'en',
        title: 'Ledger audits of cocoa cooperatives',
        forms: ['organ_removal'],
      },
      coordinator,
    );
    const similar = await expectStatus<SimilarItems['data']>(
      t.as(null, 'GET', `${ITEMS}/${english.id}/similar`),
      200,
    );
    const ids = similar.map((hit) => hit.id);
    expect(ids[0]).toBe(akin.id);
    expect(ids).not.toContain(french.id);
    expect(ids).not.toContain(english.id);
    expect(ids).not.toContain(unrelated.id);
    expect((await t.as(null, 'GET', `${ITEMS}/${crypto.randomUUID()}/similar`)).statusCode).toBe(404);
  });

  it('offers each item like this one once, in the reader’s language when it has a version in it', async () => {
    const akin = {
      type: 'research',
      title: 'Forced marriage survivors in Brennockmoor shelters: a study',
      forms: ['forced_marriage'],
      countries: ['IRL'],
    } satisfies Partial<ItemRequest>;
    const akinEnglish = await plant(t, editor, { ...akin, language: 'en' }, coordinator);
    const akinFrench = await plant(
      t,
      editor,
      {
        ...akin,
        language: 'fr',
        title: 'Les survivantes de mariages forcés dans les foyers de Brennockmoor : une étude',
        translationOf: akinEnglish.id,
      },
      coordinator,
    );
    const similarIds = async (query: string, headers: Record<string, string> = {}) =>
      (
        await expectStatus<SimilarItems['data']>(
          t.as(null, 'GET', `${ITEMS}/${english.id}/similar${query}`, undefined, headers),
          200,
        )
      ).map((hit) => hit.id);
    const inFrench = await similarIds('?lang=fr');
    expect(inFrench).toContain(akinFrench.id);
    expect(inFrench).not.toContain(akinEnglish.id);
    const inEnglish = await similarIds('?lang=en');
    expect(inEnglish).toContain(akinEnglish.id);
    expect(inEnglish).not.toContain(akinFrench.id);
    expect(await similarIds('', { 'accept-language': 'fr-CH, en;q=0.5' })).toEqual(inFrench);
    // No language asked for: the language of the item being read.
    expect(await similarIds('')).toEqual(inEnglish);
    // A language the item has no version in: the version found.
    const inRussian = await similarIds('?lang=ru');
    expect(inRussian.filter((id) => id === akinEnglish.id || id === akinFrench.id)).toHaveLength(1);
    expect((await t.as(null, 'GET', `${ITEMS}/${english.id}/similar?lang=xx`)).statusCode).toBe(400);
  });
});
