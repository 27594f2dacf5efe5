// Searching the knowledge library through the API on both engines: items planted in each of the six
// languages are found by words typed as a reader would (other inflections, Arabic without its vowels or
// with other alef spellings, a Chinese word inside a sentence), with highlighted passages and facet counts;
// a misspelt word finds titles by trigrams; names match across languages; anonymous readers see only
// what is published. Every item, place and organisation here is invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemView } from '../../src/knowledge/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { highlightedWords, idsOf, plant, search } from './library-support.js';

describe.each(TEST_ENGINES)('knowledge search on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  const planted: Record<string, ItemView> = {};

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    editor = await t.signInAs(demoEmail('editor'));
    const publish = (key: string, item: Parameters<typeof plant>[2]) =>
      plant(t, editor, item, coordinator).then((view) => {
        planted[key] = view;
      });
    await publish('en', {
      type: 'good_practice',
      language: 'en',
      title: 'Fishing crews freed from debt bondage in Qorvath harbour',
      summary: 'Inspectors boarded trawlers and found crews working to repay recruitment debts.',
      body: 'The harbour authority of Qorvath now checks every crew list against signed contracts.',
      year: 2025,
      countries: ['ISL'],
      pillars: ['protection'],
      forms: ['forced_labour'],
    });
    await publish('fr', {
      type: 'lesson_learned',
      language: 'fr',
      title: 'Travailleuses agricoles exploitées dans les vergers de Velmora',
      summary: 'Les saisonnières recrutées par une agence devaient rembourser leur voyage.',
      year: 2024,
      countries: ['ISL'],
      pillars: ['prosecution'],
      forms: ['forced_labour'],
    });
    await publish('es', {
      type: 'research',
      language: 'es',
      title: 'Niñas explotadas en los talleres textiles de Quintaral',
      summary: 'El estudio describe cómo los talleres retenían los documentos de identidad.',
      year: 2023,
      countries: ['ISL'],
      forms: ['forced_labour'],
    });
    await publish('ru', {
      type: 'guideline',
      language: 'ru',
      title: 'Принудительный труд на рыболовецких судах Зарнеша',
      summary: 'Руководство для инспекторов, проверяющих условия труда моряков.',
      year: 2025,
      forms: ['forced_labour'],
    });
    await publish('zh', {
      type: 'training_material',
      language: 'zh',
      title: '建筑工地强迫劳动受害者的识别方法',
      summary: '劳动监察员在建筑工地发现了强迫劳动的受害者并转介到庇护所。',
      year: 2024,
      forms: ['forced_labour'],
    });
    await publish('ar', {
      type: 'case_law',
      language: 'ar',
      title: 'حكم في قضية الاتِّجَار بالأَطفال في مدينة إِسكندرونة',
      summary: 'أدانت المحكمة المتهمين بتشغيل الأَطْفَال في التسوّل القسري.',
      year: 2022,
      forms: ['forced_begging'],
      caseLaw: {
        court: 'Criminal court of first instance (invented)',
        decisionDate: '2022-03-01',
        jurisdiction: 'JOR',
        outcome: 'conviction',
        purposes: ['forced_begging'],
        victims: [{ sex: 'male', ageGroup: 'children', nationality: 'JOR', count: 4 }],
        defendants: [{ sex: 'male', ageGroup: 'adults', count: 2 }],
      },
    });
  });
  afterAll(() => t?.close());

  it('finds an English item by other inflections of its words, with a highlighted passage', async () => {
    const result = await search(t, null, { q: 'fished crew debts', lang: 'en' });
    expect(result.matchedBy).toBe('words');
    expect(idsOf(result)).toContain(planted.en?.id);
    expect(highlightedWords(result, planted.en?.id ?? '')).toEqual(expect.arrayContaining(['crews']));
  });

  it('finds a French item by the singular of its plural words', async () => {
    const result = await search(t, null, { q: 'travailleuse exploitée saisonnière', lang: 'fr' });
    expect(idsOf(result)).toEqual([planted.fr?.id]);
    expect(highlightedWords(result, planted.fr?.id ?? '')).toEqual(expect.arrayContaining(['saisonnières']));
  });

  it('finds a Spanish item by other forms of its words', async () => {
    const result = await search(t, null, { q: 'niña explotada taller', lang: 'es' });
    expect(idsOf(result)).toEqual([planted.es?.id]);
  });

  it('finds a Russian item by other cases of its words', async () => {
    const result = await search(t, null, { q: 'принудительного труда рыболовецкое', lang: 'ru' });
    expect(idsOf(result)).toEqual([planted.ru?.id]);
    expect(highlightedWords(result, planted.ru?.id ?? '')).toContain('труда');
  });

  it('finds a Chinese word inside a sentence, and highlights it without the spaces search added', async () => {
    const result = await search(t, null, { q: '受害者 庇护所', lang: 'zh' });
    expect(idsOf(result)).toContain(planted.zh?.id);
    const hit = result.data.find((found) => found.id === planted.zh?.id);
    const snippet = hit?.snippet.map((segment) => segment.text).join('') ?? '';
    expect(snippet).toContain('转介到庇护所');
    expect(highlightedWords(result, planted.zh?.id ?? '')).toContain('庇护所');
  });

  it('finds Arabic written without its short vowels and with other alef and hamza spellings', async () => {
    for (const q of ['الاتجار بالاطفال', 'الأطفال اسكندرونة', 'إسكندرونة التسول'])
      expect(idsOf(await search(t, null, { q, lang: 'ar' })), q).toEqual([planted.ar?.id]);
  });

  it('shows an Arabic passage as written, the words found without their vowels, hamza or teh marbuta marked', async () => {
    const body =
      'تُقَدِّمُ هذه الإرشاداتُ المُتَخَيَّلَةُ إلى مفتّشي العمل طريقةً لِحِمَايَةِ العَامِلَاتِ المنزليّات في مَأْوَى مؤقّت بمدينة زَرْنِيخَة.';
    const item = await plant(
      t,
      editor,
      { type: 'guideline', language: 'ar', title: 'دليل متخيَّل لمفتّشي العمل', body },
      coordinator,
    );
    const result = await search(t, null, { q: 'الارشادات ماوي زرنيخه', lang: 'ar' });
    expect(idsOf(result)).toEqual([item.id]);
    const snippet = result.data[0]?.snippet ?? [];
    expect(snippet.filter((segment) => segment.highlighted).map((segment) => segment.text)).toEqual([
      'الإرشاداتُ',
      'مَأْوَى',
      'زَرْنِيخَة',
    ]);
    expect(body).toContain(snippet.map((segment) => segment.text).join(''));
  });

  it('finds a place name across languages, as written', async () => {
    const result = await search(t, null, { q: 'Qorvath', lang: 'ru' });
    expect(idsOf(result)).toEqual([planted.en?.id]);
  });

  it('finds titles close to a misspelt word when no item has it', async () => {
    const result = await search(t, null, { q: 'bondagge', lang: 'en' });
    expect(result.matchedBy).toBe('similar_titles');
    expect(idsOf(result)).toContain(planted.en?.id);
    const typo = await search(t, null, { q: 'traficking', lang: 'en' });
    expect(typo.matchedBy).toBe('similar_titles');
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.data.every((hit) => hit.title.toLowerCase().includes('trafficking'))).toBe(true);
  });

  it('counts facets of the items found, and filters by them', async () => {
    const result = await search(t, null, { country: 'ISL' });
    expect(result.matchedBy).toBe('all');
    expect(result.total).toBe(3);
    // The country facet leaves out its own choice: other countries stay in sight.
    expect(result.facets.country).toEqual(expect.arrayContaining([{ value: 'ISL', count: 3 }]));
    expect(result.facets.type).toEqual(
      expect.arrayContaining([
        { value: 'good_practice', count: 1 },
        { value: 'lesson_learned', count: 1 },
        { value: 'research', count: 1 },
      ]),
    );
    expect(result.facets.form).toEqual([{ value: 'forced_labour', count: 3 }]);
    expect(result.facets.year).toEqual(
      expect.arrayContaining([
        { value: '2023', count: 1 },
        { value: '2024', count: 1 },
      ]),
    );
    const narrowed = await search(t, null, {
      country: 'ISL',
      type: 'research,lesson_learned',
      yearFrom: '2024',
    });
    expect(idsOf(narrowed)).toEqual([planted.fr?.id]);
    const byLanguage = await search(t, null, { form: 'forced_labour', language: 'zh' });
    expect(idsOf(byLanguage)).toContain(planted.zh?.id);
    expect(byLanguage.facets.language).toEqual(
      expect.arrayContaining([
        { value: 'zh', count: byLanguage.total },
        { value: 'en', count: expect.any(Number) },
      ]),
    );
  });

  it('counts each facet under every filter but its own, so that its other values can be chosen', async () => {
    const vondrelle = {
      research: { type: 'research', language: 'en', title: 'Vondrelle recruitment agencies', year: 2021 },
      enquete: { type: 'research', language: 'fr', title: 'Les agences de Vondrelle', year: 2022 },
      guideline: { type: 'guideline', language: 'en', title: 'Vondrelle inspection guideline', year: 2022 },
      practice: { type: 'good_practice', language: 'es', title: 'Buenas prácticas en Vondrelle', year: 2022 },
    } as const;
    const tags = {
      research: { countries: ['KEN'], forms: ['forced_labour'] },
      enquete: { countries: ['UGA'], forms: ['sexual_exploitation'] },
      guideline: { countries: ['KEN'], forms: ['sexual_exploitation'] },
      practice: { countries: ['TZA'], forms: ['forced_labour'] },
    };
    const ids: Record<string, string> = {};
    for (const [key, item] of Object.entries(vondrelle))
      ids[key] = (await plant(t, editor, { ...item, ...tags[key as keyof typeof tags] }, coordinator)).id;
    const q = { q: 'vondrelle', lang: 'en' };

    const research = await search(t, null, { ...q, type: 'research' });
    expect(idsOf(research).sort()).toEqual([ids.research, ids.enquete].sort());
    expect(research.facetsCounted).toBe('exact');
    // Its own choice left out: every type the words find, so that another can be chosen.
    expect(research.facets.type).toEqual([
      { value: 'research', count: 2 },
      { value: 'good_practice', count: 1 },
      { value: 'guideline', count: 1 },
    ]);
    // Every other facet counts the research only.
    expect(research.facets.country).toEqual([
      { value: 'KEN', count: 1 },
      { value: 'UGA', count: 1 },
    ]);
    expect(research.facets.language).toEqual([
      { value: 'en', count: 1 },
      { value: 'fr', count: 1 },
    ]);
    expect(research.facets.year).toEqual([
      { value: '2021', count: 1 },
      { value: '2022', count: 1 },
    ]);

    const inKenya = await search(t, null, { ...q, type: 'research', country: 'KEN' });
    expect(idsOf(inKenya)).toEqual([ids.research]);
    expect(inKenya.facets.type).toEqual([
      { value: 'guideline', count: 1 },
      { value: 'research', count: 1 },
    ]);
    expect(inKenya.facets.country).toEqual([
      { value: 'KEN', count: 1 },
      { value: 'UGA', count: 1 },
    ]);
    expect(inKenya.facets.form).toEqual([{ value: 'forced_labour', count: 1 }]);

    const in2022 = await search(t, null, { ...q, yearFrom: '2022', yearTo: '2022', language: 'en,fr' });
    expect(idsOf(in2022).sort()).toEqual([ids.enquete, ids.guideline].sort());
    expect(in2022.facets.year).toEqual([
      { value: '2022', count: 2 },
      { value: '2021', count: 1 },
    ]);
    expect(in2022.facets.language).toEqual([
      { value: 'en', count: 1 },
      { value: 'es', count: 1 },
      { value: 'fr', count: 1 },
    ]);
    expect(in2022.facets.type).toEqual([
      { value: 'guideline', count: 1 },
      { value: 'research', count: 1 },
    ]);

    // A misspelt word finds titles close to it; the facets count those the same way.
    const close = await search(t, null, { q: 'vondrele', lang: 'en', type: 'guideline' });
    expect(close.matchedBy).toBe('similar_titles');
    expect(idsOf(close)).toEqual([ids.guideline]);
    expect(close.facets.type).toEqual(expect.arrayContaining([{ value: 'research', count: 2 }]));
  });

  it('ranks published and recent items before drafts and older ones', async () => {
    const older = await plant(
      t,
      editor,
      { type: 'research', language: 'en', title: 'Glimmerfen crews at sea', year: 2015 },
      coordinator,
    );
    const draft = await plant(t, editor, {
      type: 'research',
      language: 'en',
      title: 'Glimmerfen crews ashore',
      year: 2025,
    });
    const newer = await plant(
      t,
      editor,
      { type: 'research', language: 'en', title: 'Glimmerfen crews in port', year: 2025 },
      coordinator,
    );
    const result = await search(t, coordinator, { q: 'glimmerfen crews', lang: 'en' });
    expect(idsOf(result)).toEqual([newer.id, older.id, draft.id]);
  });

  it('shows drafts to their organisation and reviewers only, never to the public', async () => {
    const draft = await plant(t, editor, {
      type: 'guideline',
      language: 'en',
      title: 'Unpublished Zentrovar checklist',
    });
    expect((await search(t, null, { q: 'zentrovar' })).total).toBe(0);
    expect(idsOf(await search(t, coordinator, { q: 'zentrovar' }))).toEqual([draft.id]);
    expect(idsOf(await search(t, editor, { q: 'zentrovar', status: 'draft' }))).toEqual([draft.id]);
    const outsider = await t.signInAs(demoEmail('viewer'));
    expect((await search(t, outsider, { q: 'zentrovar' })).total).toBe(0);
  });
});
