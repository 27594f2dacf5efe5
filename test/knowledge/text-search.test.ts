// The text pipeline against real text search on both engines: planted sentences in the six languages are found
// by queries typed differently, hostile queries never break to_tsquery, and ts_headline marks what matched.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeLanguage, searchConfigOf } from '../../src/knowledge/text/languages.js';
import { indexableText } from '../../src/knowledge/text/normalise.js';
import { withOrigins } from '../../src/knowledge/text/origins.js';
import { anyTermTsqueryText, searchTerms, tsqueryText } from '../../src/knowledge/text/query.js';
import {
  HEADLINE_OPTIONS,
  headlineInput,
  type SnippetSegment,
  snippetSegments,
} from '../../src/knowledge/text/snippet.js';

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
type Engine = { name: string; open(): Promise<{ query: Query; close(): Promise<void> }> };

const engines: Engine[] = [
  {
    name: 'pglite',
    async open() {
      const db = new PGlite();
      return {
        query: async (sql, params) => (await db.query(sql, params)).rows as never,
        close: () => db.close(),
      };
    },
  },
];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl)
  engines.push({
    name: 'postgres',
    async open() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      return {
        query: async (sql, params) => (await client.query(sql, params)).rows,
        close: () => client.end(),
      };
    },
  });

/** Invented sentences, one per language, and a query for each typed the way a reader might. */
const PLANTED: { lang: KnowledgeLanguage; text: string; query: string; missing: string }[] = [
  {
    lang: 'en',
    text: 'Invented guideline about safe shelters for victims.',
    query: 'Shelter victim',
    missing: 'smuggling',
  },
  {
    lang: 'fr',
    text: 'Ligne directrice inventée sur les foyers d’accueil sûrs.',
    query: 'Foyers accueil',
    missing: 'passeur',
  },
  {
    lang: 'es',
    text: 'Directriz inventada sobre albergues seguros para víctimas.',
    query: 'albergue víctima',
    missing: 'contrabando',
  },
  {
    lang: 'ru',
    text: 'Вымышленное руководство о безопасных убежищах для пострадавших.',
    query: 'УБЕЖИЩЕ пострадавший',
    missing: 'контрабанда',
  },
  { lang: 'zh', text: '关于保护人口贩运受害者的安全庇护所的虚构指南。', query: '受害者', missing: '走私' },
  {
    lang: 'ar',
    text: 'مبادئ توجيهية مُتَخَيَّلَة بشأن حماية الأطفال في الملاجئ الآمنة.',
    query: 'حمايه الاطفال',
    missing: 'تهريب',
  },
];

const HOSTILE = [
  "'",
  "''",
  "it's",
  '\\',
  "\\'",
  '& | ! <->',
  'a & !b | (c',
  ':* :A ::',
  '((()))',
  "x'); select 1; --",
  '"quoted words"',
  '',
  '   ',
  '\u0000',
  '\uE000\uE001',
];

for (const engine of engines)
  describe(`knowledge text search on ${engine.name}`, () => {
    let db: Awaited<ReturnType<Engine['open']>>;
    beforeAll(async () => {
      db = await engine.open();
    });
    afterAll(() => db?.close());

    async function matches(text: string, lang: KnowledgeLanguage, query: string, any = false) {
      const terms = searchTerms(query, lang);
      const tsquery = any
        ? anyTermTsqueryText(terms, { prefix: false })
        : tsqueryText(terms, { prefix: false });
      if (tsquery === '') return false;
      const [row] = await db.query(
        'select to_tsvector($1::regconfig, $2) @@ to_tsquery($1::regconfig, $3) as found',
        [searchConfigOf(lang), indexableText(text, lang), tsquery],
      );
      return row?.found === true;
    }

    for (const planted of PLANTED)
      it(`finds the ${planted.lang} sentence by its words, and not by a word it lacks`, async () => {
        expect(await matches(planted.text, planted.lang, planted.query)).toBe(true);
        expect(await matches(planted.text, planted.lang, planted.missing)).toBe(false);
        expect(await matches(planted.text, planted.lang, `${planted.query} ${planted.missing}`, true)).toBe(
          true,
        );
      });

    it('finds an Arabic word however its diacritics, alef and teh marbuta are written', async () => {
      const text = 'حِمَايَةُ الأَطْفَالِ';
      for (const query of ['حماية الأطفال', 'حمايه الاطفال', 'حِمَايَة الأَطْفَال'])
        expect(await matches(text, 'ar', query)).toBe(true);
    });

    it('finds a Chinese word inside a longer compound, and Latin words in a Chinese document', async () => {
      expect(await matches('人口贩运受害者', 'zh', '受害者')).toBe(true);
      expect(await matches('联合国毒品和犯罪问题办公室（UNODC）2024年报告', 'zh', 'unodc')).toBe(true);
    });

    it('finds words by their beginning when asked to', async () => {
      const tsquery = tsqueryText(searchTerms('shelt', 'en'), { prefix: true });
      const [row] = await db.query(
        "select to_tsvector('english', $1) @@ to_tsquery('english', $2) as found",
        ['Safe shelters', tsquery],
      );
      expect(row?.found).toBe(true);
    });

    it('never lets a typed query break to_tsquery', async () => {
      for (const lang of ['en', 'zh', 'ar'] as const)
        for (const query of HOSTILE) {
          const text = tsqueryText(searchTerms(query, lang), { prefix: true });
          // Raw terms too: the literal quoting must hold even for terms that did not come from searchTerms.
          const raw = tsqueryText([query, 'safe'], { prefix: true });
          for (const tsquery of [text, raw].filter(Boolean))
            await expect(
              db.query('select to_tsquery($1::regconfig, $2)::text as q', [searchConfigOf(lang), tsquery]),
            ).resolves.toBeDefined();
        }
    });

    async function snippet(text: string, lang: KnowledgeLanguage, query: string) {
      const document = withOrigins(text);
      const [row] = await db.query(
        'select ts_headline($1::regconfig, $2, to_tsquery($1::regconfig, $3), $4) as h',
        [
          searchConfigOf(lang),
          headlineInput(document),
          anyTermTsqueryText(searchTerms(query, lang), { prefix: false }),
          HEADLINE_OPTIONS,
        ],
      );
      return snippetSegments(document, String(row?.h));
    }
    const marked = (segments: SnippetSegment[]) =>
      segments.filter((segment) => segment.highlighted).map((segment) => segment.text);
    const shown = (segments: SnippetSegment[]) => segments.map((segment) => segment.text).join('');

    it('marks the matched Chinese words of a headline, shown without the spaces search added', async () => {
      const segments = await snippet('关于保护人口贩运受害者的安全庇护所的虚构指南。', 'zh', '受害者');
      expect(marked(segments)).toEqual(['受害者']);
      // The passage is cut at words, so the final full stop is left out.
      expect(shown(segments)).toBe('关于保护人口贩运受害者的安全庇护所的虚构指南');
    });

    it('shows an Arabic headline as written, with the words found by their folded spelling marked', async () => {
      const text = 'قدّمت الجمعيّة المَأْوَى إِلَى الأَطْفَالِ ضحايا الاتِّجَار في مدينة إِسكندرونة.';
      const segments = await snippet(text, 'ar', 'الاطفال اسكندرونه');
      expect(marked(segments)).toEqual(['الأَطْفَالِ', 'إِسكندرونة']);
      expect(text).toContain(shown(segments));
    });

    it('shows text with markup and stray "<" as written, every passage found', async () => {
      const text = 'Invented <b>guideline</b> for 3 < 4 shelters & <i>victims</i> of trafficking.';
      const segments = await snippet(text, 'en', 'shelter victim');
      expect(marked(segments)).toEqual(['shelters', 'victims']);
      expect(text).toContain(shown(segments));
    });
  });
