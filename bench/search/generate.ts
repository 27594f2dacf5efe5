// Invented knowledge items for the search benchmark: titles, summaries and bodies drawn from a vocabulary
// of the field in each of the six languages (word frequencies skewed as in real text), invented place
// names shared across languages, and tags from the shared code lists. Seeded, so every run is the same.
import type { ManyItem } from '../../src/knowledge/insert-many.js';
import type { KnowledgeLanguage } from '../../src/knowledge/text/languages.js';

export const VOCABULARY: Record<KnowledgeLanguage, string[]> = {
  en: 'trafficking victims exploitation labour forced recruitment agency women girls children shelter referral prosecution court conviction border police inspection debt bondage wages passport contract migrant workers domestic servitude sexual marriage begging fishing agriculture construction factory training guideline survivors assistance protection prevention coordination ministry prosecutor judge evidence witness compensation identification indicators interview rehabilitation repatriation family community school campaign online advertisement deception coercion threat violence corruption cooperation network research data statistics report'.split(
    ' ',
  ),
  fr: 'traite victimes exploitation travail forcé recrutement agence femmes filles enfants foyer orientation poursuites tribunal condamnation frontière police inspection dette servitude salaires passeport contrat migrants travailleurs domestique sexuelle mariage mendicité pêche agriculture construction usine formation directive survivantes assistance protection prévention coordination ministère procureur juge preuves témoin indemnisation identification indicateurs entretien réadaptation rapatriement famille communauté école campagne annonce tromperie contrainte menace violence corruption coopération réseau recherche données statistiques rapport'.split(
    ' ',
  ),
  es: 'trata víctimas explotación trabajo forzoso reclutamiento agencia mujeres niñas niños refugio derivación enjuiciamiento tribunal condena frontera policía inspección deuda servidumbre salarios pasaporte contrato migrantes trabajadores doméstica sexual matrimonio mendicidad pesca agricultura construcción fábrica capacitación directriz sobrevivientes asistencia protección prevención coordinación ministerio fiscal juez pruebas testigo indemnización identificación indicadores entrevista rehabilitación repatriación familia comunidad escuela campaña anuncio engaño coacción amenaza violencia corrupción cooperación red investigación datos estadísticas informe'.split(
    ' ',
  ),
  ru: 'торговля жертвы эксплуатация труд принудительный вербовка агентство женщины девочки дети приют направление преследование суд приговор граница полиция инспекция долг кабала зарплата паспорт договор мигранты работники домашний сексуальная брак попрошайничество рыболовство сельское строительство фабрика обучение руководство пострадавшие помощь защита профилактика координация министерство прокурор судья доказательства свидетель компенсация выявление признаки беседа реабилитация репатриация семья община школа кампания объявление обман принуждение угроза насилие коррупция сотрудничество сеть исследование данные статистика доклад'.split(
    ' ',
  ),
  zh: '人口贩运 受害者 剥削 劳动 强迫 招募 中介 妇女 女童 儿童 庇护所 转介 起诉 法院 定罪 边境 警察 检查 债务 奴役 工资 护照 合同 移民 工人 家政 性 婚姻 乞讨 渔业 农业 建筑 工厂 培训 指南 幸存者 援助 保护 预防 协调 部委 检察官 法官 证据 证人 赔偿 识别 指标 面谈 康复 遣返 家庭 社区 学校 宣传 网络广告 欺骗 胁迫 威胁 暴力 腐败 合作 网络 研究 数据 统计 报告'.split(
    ' ',
  ),
  ar: 'الاتجار الضحايا الاستغلال العمل القسري التجنيد الوكالة النساء الفتيات الأطفال المأوى الإحالة الملاحقة المحكمة الإدانة الحدود الشرطة التفتيش الدين العبودية الأجور جواز العقد المهاجرين العمال المنزلي الجنسي الزواج التسول الصيد الزراعة البناء المصنع التدريب المبادئ الناجيات المساعدة الحماية الوقاية التنسيق الوزارة المدعي القاضي الأدلة الشاهد التعويض التعرف المؤشرات المقابلة التأهيل الإعادة الأسرة المجتمع المدرسة الحملة الإعلان الخداع الإكراه التهديد العنف الفساد التعاون الشبكة البحث البيانات الإحصاءات التقرير'.split(
    ' ',
  ),
};

/** Invented places and organisations, written the same in every language (names match across them). */
export const NAMES = Array.from({ length: 400 }, (_, i) => `Zar${(i * 7919).toString(36)}`);

const LANGUAGES = Object.keys(VOCABULARY) as KnowledgeLanguage[];
const TYPES = [
  'good_practice',
  'lesson_learned',
  'legislation',
  'research',
  'training_material',
  'guideline',
] as const;
const PILLARS = ['prevention', 'protection', 'prosecution', 'partnership'];
const FORMS = [
  'sexual_exploitation',
  'forced_labour',
  'domestic_servitude',
  'forced_marriage',
  'forced_begging',
];
const COUNTRIES = ['KEN', 'UGA', 'TZA', 'NPL', 'SEN', 'JOR', 'UKR', 'PER', 'THA', 'NGA', 'MDA', 'VNM'];

const pick = <T>(rand: () => number, values: readonly T[]): T =>
  values[Math.floor(rand() * values.length)] as T;

/** A small fast PRNG (mulberry32): the same items on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Syllables of each script, for the long tail of rarer words a real library has beyond the field's own. */
const SYLLABLES: Record<KnowledgeLanguage, string[]> = {
  en: 'ka lo mer tin dra vel sor pen ul ith bar cos ney ford ram ster'.split(' '),
  fr: 'ré mon tai lle gou ver ne ment sa vou rei chan ti bé cou ssé'.split(' '),
  es: 'ca mi no re ve la cio nes gra do fu tu ras pe llo ña'.split(' '),
  ru: 'ка ло мер тин дра вел сор пен ни ва пре стро гол жи ще ды'.split(' '),
  zh: '山 水 河 田 林 村 市 港 桥 湾 岭 州 城 镇 溪 原 春 秋 星 云 石 木 金 海 湖 江 松 竹 梅 兰 风 雨 光 明 安 平 宁 和 丰 泰'.split(
    ' ',
  ),
  ar: 'كا لو مر تي در فل سو نا وا بر قد حم جن طا رس عي'.split(' '),
};
const TAIL = 3000;

function tailWord(rand: () => number, language: KnowledgeLanguage): string {
  const syllables = SYLLABLES[language];
  const count = 2 + Math.floor(rand() * (language === 'zh' ? 2 : 3));
  return Array.from({ length: count }, () => pick(rand, syllables)).join('');
}

/** The field's words first, then the long tail: a vocabulary of a few thousand words per language. */
const LEXICON: Record<KnowledgeLanguage, string[]> = Object.fromEntries(
  (Object.keys(VOCABULARY) as KnowledgeLanguage[]).map((language) => {
    const rand = random(language.charCodeAt(0) * 31 + language.charCodeAt(1));
    const tail = new Set<string>();
    while (tail.size < TAIL) tail.add(tailWord(rand, language));
    return [language, [...VOCABULARY[language], ...tail]];
  }),
) as Record<KnowledgeLanguage, string[]>;

/** Zipf's law (s = 1), as word frequencies in text follow: the r-th word about 1/r as often as the first. */
const CUMULATIVE: number[] = (() => {
  const weights = Array.from({ length: VOCABULARY.en.length + TAIL }, (_, r) => 1 / (r + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => {
    sum += w / total;
    return sum;
  });
})();

function zipfRank(rand: () => number): number {
  const x = rand();
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((CUMULATIVE[middle] ?? 1) < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A word of the language, as often as Zipf's law has it. */
export function word(rand: () => number, language: KnowledgeLanguage): string {
  const words = LEXICON[language];
  return words[Math.min(words.length - 1, zipfRank(rand))] ?? '';
}

const some = <T>(rand: () => number, values: readonly T[], most: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(rand() * most) }, () => pick(rand, values))),
];

function sentence(rand: () => number, language: KnowledgeLanguage, length: number): string {
  const words = Array.from({ length }, () => (rand() < 0.06 ? pick(rand, NAMES) : word(rand, language)));
  return `${words.join(language === 'zh' ? '' : ' ')}.`;
}

function paragraph(rand: () => number, language: KnowledgeLanguage, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rand, language, 8 + Math.floor(rand() * 10))).join(
    ' ',
  );
}

export function generateItem(
  rand: () => number,
  index: number,
  organisationIds: readonly string[],
  idOf: (index: number) => string,
): ManyItem {
  const language = LANGUAGES[index % LANGUAGES.length] as KnowledgeLanguage;
  const id = idOf(index);
  // Every tenth item has a version in the next language, as translations do.
  const translationGroup = index % 10 === 1 ? idOf(index - 1) : id;
  return {
    id,
    translationGroup,
    type: pick(rand, TYPES),
    language,
    title: sentence(rand, language, 5 + Math.floor(rand() * 6)).slice(0, -1),
    summary: paragraph(rand, language, 2),
    body: paragraph(rand, language, 8 + Math.floor(rand() * 12)),
    year: 1995 + Math.floor(rand() * 31),
    countries: some(rand, COUNTRIES, 3),
    pillars: some(rand, PILLARS, 2),
    forms: some(rand, FORMS, 2),
    targetGroups: [],
    legislation: null,
    caseLaw: null,
    organisationId: pick(rand, organisationIds),
    status: rand() < 0.9 ? 'published' : rand() < 0.5 ? 'reviewed' : 'draft',
    createdBy: null,
  };
}

export type BenchQuery = {
  kind: string;
  q?: string;
  language: KnowledgeLanguage;
  filters: Record<string, unknown>;
};

/*
 * A reader of Chinese types words of the field, one after another without spaces as Chinese is written:
 * the generated long tail is strings of syllables that segmentation cuts into single characters, and a
 * single common character is no question anyone asks (it is found in most Chinese items).
 */
const CHINESE_FIELD_WORDS = VOCABULARY.zh.length;

/** One word of a question: a Chinese one from the field's words, as often as they occur in the text. */
function questionWord(rand: () => number, language: KnowledgeLanguage): string {
  if (language !== 'zh') return word(rand, language);
  for (;;) {
    const rank = zipfRank(rand);
    if (rank < CHINESE_FIELD_WORDS) return VOCABULARY.zh[rank] ?? '';
  }
}

/** A misspelt word of the field: a letter left out; in Chinese, a character of a word of three or more. */
function typo(rand: () => number, language: KnowledgeLanguage): string {
  const words = language === 'zh' ? VOCABULARY.zh.filter((entry) => entry.length >= 3) : VOCABULARY[language];
  const typed = pick(rand, words);
  return `${typed.slice(0, -2)}${typed.slice(-1)}`;
}

/**
 * Varied questions, as a library's readers ask them: listings filtered by country, invented names, words
 * with a typing mistake, a word with filters, one of the field's most common words (matching a large share
 * of the library), and one to three words drawn as often as they occur in the text.
 */
export function generateQueries(count: number, seed: number): BenchQuery[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, index): BenchQuery => {
    const language = pick(rand, LANGUAGES);
    const kind = index % 10;
    const drawn = (n: number) =>
      Array.from({ length: n }, () => questionWord(rand, language)).join(language === 'zh' ? '' : ' ');
    if (kind === 0) return { kind: 'listing', language, filters: { country: [pick(rand, COUNTRIES)] } };
    if (kind === 1) return { kind: 'name', q: pick(rand, NAMES), language, filters: {} };
    if (kind === 2) return { kind: 'typo', q: typo(rand, language), language, filters: {} };
    if (kind === 3)
      return {
        kind: 'filtered',
        q: drawn(1),
        language,
        filters: { form: [pick(rand, FORMS)], yearFrom: 2015 },
      };
    if (kind < 6)
      return { kind: 'common', q: pick(rand, VOCABULARY[language].slice(0, 20)), language, filters: {} };
    return { kind: 'drawn', q: drawn(1 + (index % 3)), language, filters: {} };
  });
}
