// The keyword data file: trafficking spoken of in each of the six UN languages, and words that only look alike.
import { describe, expect, it } from 'vitest';
import { findKeywordHints, findTraffickingTerm, languagesCovered } from './keywords.js';

const LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];

describe('keywords of counter-trafficking work', () => {
  it('covers the six UN languages in every list', () => {
    const covered = languagesCovered();
    expect([...covered.trafficking].sort()).toEqual(LANGUAGES);
    for (const languages of covered.hints) expect([...languages].sort()).toEqual(LANGUAGES);
  });

  it.each([
    ['en', 'Combating Human Trafficking along the northern corridor'],
    ['en', 'Support to victims of trafficking'],
    ['fr', 'Lutte contre la traite des êtres humains au Sahel'],
    ['es', 'Prevención de la trata de personas en la frontera'],
    ['ru', 'Противодействие торговле людьми в Центральной Азии'],
    ['zh', '打击人口贩运区域合作项目'],
    ['ar', 'مكافحة الاتجار بالبشر في المنطقة'],
  ])('finds trafficking spoken of in %s: %s', (language, text) => {
    expect(findTraffickingTerm(text)?.language).toBe(language);
  });

  it.each([
    'Drug trafficking interdiction at sea ports',
    'Se trata de un proyecto de educación primaria',
    'Il traite les eaux usées de la ville',
    'Торговля зерном и логистика',
    'Primary education in rural districts',
  ])('does not take other trafficking or look-alike words for it: %s', (text) => {
    expect(findTraffickingTerm(text)).toBeNull();
  });

  it('reads types, forms and groups whatever the case, accents or inflection', () => {
    const hints = (text: string) => findKeywordHints(text).map((h) => h.hint);
    expect(hints('SHELTERS for Women and Girls')).toEqual([
      { activityType: 'shelter' },
      { targetGroup: 'women' },
      { targetGroup: 'girls' },
    ]);
    expect(hints('Asistencia juridica y explotación laboral')).toEqual([
      { activityType: 'legal_aid' },
      { form: 'forced_labour' },
    ]);
    expect(hints('Юридическая помощь мигрантам')).toEqual([
      { activityType: 'legal_aid' },
      { targetGroup: 'migrants' },
    ]);
    expect(hints('Programme for refugees')).toEqual([{ targetGroup: 'refugees_idps' }]);
  });
});
