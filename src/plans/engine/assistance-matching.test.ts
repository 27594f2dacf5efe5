// Suggested offers for needs of technical assistance: the points of each criterion, what is never
// suggested, and the order. Scores are added by hand in each test from MATCH_POINTS' documented values.
import { describe, expect, it } from 'vitest';
import {
  isAvailableInTime,
  MATCH_POINTS,
  scoreMatch,
  suggestMatches,
  suggestOffersForNeed,
} from './assistance-matching.js';
import { aNeed, anOffer } from './testing/assistance-factories.js';

const TODAY = '2026-05-01';

describe('scoring an offer against a need', () => {
  it('weighs pillar and kind 10 each, a named country 6, a language 4 and timing 8', () => {
    expect(MATCH_POINTS).toEqual({
      samePillar: 10,
      sameKind: 10,
      countryNamed: 6,
      anyCountry: 2,
      firstSharedLanguage: 4,
      furtherSharedLanguage: 1,
      availableInTime: 8,
    });
  });

  it('adds every criterion an offer meets, naming each one', () => {
    const suggestion = scoreMatch(aNeed(), anOffer({ countries: ['KEN', 'UGA'] }), TODAY);
    expect(suggestion).toEqual({
      needId: 'need-1',
      offerId: 'offer-1',
      score: 10 + 10 + 6 + 4 + 8,
      reasons: [
        { criterion: 'same_pillar', points: 10 },
        { criterion: 'same_kind', points: 10 },
        { criterion: 'country_named', points: 6 },
        { criterion: 'shared_languages', points: 4, languages: ['en'] },
        { criterion: 'available_in_time', points: 8 },
      ],
    });
  });

  it('gives an offer open to any country fewer points than one naming the country', () => {
    expect(scoreMatch(aNeed(), anOffer({ countries: [] }), TODAY)?.score).toBe(10 + 10 + 2 + 4 + 8);
  });

  it('gives nothing for the country when the offer names only other countries', () => {
    const suggestion = scoreMatch(aNeed(), anOffer({ countries: ['UGA'] }), TODAY);
    expect(suggestion?.score).toBe(10 + 10 + 4 + 8);
    expect(suggestion?.reasons.map((reason) => reason.criterion)).not.toContain('any_country');
  });

  it('counts 4 for the first shared language and 1 for each further one, in the need’s order', () => {
    const need = aNeed({ languages: ['fr', 'en', 'ar'] });
    const suggestion = scoreMatch(need, anOffer({ languages: ['ar', 'en', 'fr', 'ru'] }), TODAY);
    expect(suggestion?.reasons).toContainEqual({
      criterion: 'shared_languages',
      points: 4 + 1 + 1,
      languages: ['fr', 'en', 'ar'],
    });
  });

  it('still suggests an offer with no shared language, without points for languages', () => {
    const suggestion = scoreMatch(aNeed({ languages: ['ru'] }), anOffer({ languages: ['en'] }), TODAY);
    expect(suggestion?.score).toBe(10 + 10 + 2 + 8);
  });

  it('suggests an offer sharing only the kind, or only the pillar', () => {
    const kindOnly = anOffer({ pillars: ['protection'], kinds: ['training'] });
    const pillarOnly = anOffer({ pillars: ['prosecution'], kinds: ['legislation'] });
    expect(scoreMatch(aNeed(), kindOnly, TODAY)?.score).toBe(10 + 2 + 4 + 8);
    expect(scoreMatch(aNeed(), pillarOnly, TODAY)?.score).toBe(10 + 2 + 4 + 8);
  });

  it('suggests nothing without a shared pillar or kind, however well the rest fits', () => {
    const offer = anOffer({ pillars: ['prevention'], kinds: ['research'], countries: ['KEN'] });
    expect(scoreMatch(aNeed(), offer, TODAY)).toBeNull();
  });
});

describe('availability in time', () => {
  it('holds when the offer starts by the date the help is wanted and has not ended', () => {
    expect(isAvailableInTime(aNeed({ wantedBy: '2026-09-30' }), anOffer(), TODAY)).toBe(true);
  });

  it('fails when the offer starts after the date the help is wanted', () => {
    const late = anOffer({ availableFrom: '2026-10-01' });
    expect(isAvailableInTime(aNeed({ wantedBy: '2026-09-30' }), late, TODAY)).toBe(false);
    expect(scoreMatch(aNeed({ wantedBy: '2026-09-30' }), late, TODAY)?.score).toBe(10 + 10 + 2 + 4);
  });

  it('holds for an offer starting on the very day the help is wanted', () => {
    const onTheDay = anOffer({ availableFrom: '2026-09-30' });
    expect(isAvailableInTime(aNeed({ wantedBy: '2026-09-30' }), onTheDay, TODAY)).toBe(true);
  });

  it('holds for any start when the need has no deadline, and for an offer without dates', () => {
    expect(
      isAvailableInTime(aNeed({ wantedBy: null }), anOffer({ availableFrom: '2030-01-01' }), TODAY),
    ).toBe(true);
    expect(isAvailableInTime(aNeed(), anOffer({ availableFrom: null, availableUntil: null }), TODAY)).toBe(
      true,
    );
  });

  it('fails for an offer whose last day has passed', () => {
    expect(isAvailableInTime(aNeed(), anOffer({ availableUntil: '2026-04-30' }), TODAY)).toBe(false);
  });
});

describe('suggesting offers for needs', () => {
  it('ranks offers by score, best first', () => {
    const anywhere = anOffer({ id: 'offer-anywhere', countries: [] });
    const kenya = anOffer({ id: 'offer-kenya', countries: ['KEN'] });
    const kindOnly = anOffer({ id: 'offer-kind-only', pillars: ['protection'] });
    const suggestions = suggestOffersForNeed(aNeed(), [kindOnly, anywhere, kenya], [], TODAY);
    expect(suggestions.map((s) => [s.offerId, s.score])).toEqual([
      ['offer-kenya', 38],
      ['offer-anywhere', 34],
      ['offer-kind-only', 24],
    ]);
  });

  it('puts the offer available sooner first among equal scores, then orders by id', () => {
    const later = anOffer({ id: 'offer-a', availableFrom: '2026-06-01' });
    const sooner = anOffer({ id: 'offer-b', availableFrom: '2026-04-01' });
    const sameDay = anOffer({ id: 'offer-c', availableFrom: '2026-04-01' });
    const order = suggestOffersForNeed(aNeed(), [later, sameDay, sooner], [], TODAY).map((s) => s.offerId);
    expect(order).toEqual(['offer-b', 'offer-c', 'offer-a']);
  });

  it('never suggests again an offer the need’s poster declined', () => {
    const declined = anOffer({ id: 'offer-declined', countries: ['KEN'] });
    const other = anOffer({ id: 'offer-other' });
    const suggestions = suggestOffersForNeed(
      aNeed(),
      [declined, other],
      [{ needId: 'need-1', offerId: 'offer-declined' }],
      TODAY,
    );
    expect(suggestions.map((s) => s.offerId)).toEqual(['offer-other']);
  });

  it('keeps suggesting a declined offer for the other needs', () => {
    const needs = [aNeed({ id: 'need-1' }), aNeed({ id: 'need-2' })];
    const suggestions = suggestMatches(needs, [anOffer()], [{ needId: 'need-1', offerId: 'offer-1' }], TODAY);
    expect(suggestions.map((s) => s.needId)).toEqual(['need-2']);
  });

  it('suggests nothing for a need that is matched, delivered or withdrawn', () => {
    for (const status of ['matched', 'delivered', 'withdrawn'] as const)
      expect(suggestOffersForNeed(aNeed({ status }), [anOffer()], [], TODAY)).toEqual([]);
  });

  it('leaves out withdrawn offers and offers whose last day has passed', () => {
    const withdrawn = anOffer({ id: 'offer-withdrawn', status: 'withdrawn' });
    const ended = anOffer({ id: 'offer-ended', availableUntil: '2026-04-30' });
    const endingToday = anOffer({ id: 'offer-ending-today', availableUntil: TODAY });
    const suggestions = suggestOffersForNeed(aNeed(), [withdrawn, ended, endingToday], [], TODAY);
    expect(suggestions.map((s) => s.offerId)).toEqual(['offer-ending-today']);
  });
});
