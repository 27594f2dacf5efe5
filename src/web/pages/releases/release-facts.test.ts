import { describe, expect, it } from 'vitest';
import { columnPhrase, parameterPhrases } from './release-facts.js';

const t = ((key: string, params?: Record<string, string | number>) =>
  params ? `${key}${JSON.stringify(params)}` : key) as never;

describe('a release’s parameters in words', () => {
  it('names the known parameters in a fixed order and leaves out unknown ones', () => {
    const phrases = parameterPhrases(t, { reportingLength: 3, k: 10, engine: 'x' }, String);
    expect(phrases).toHaveLength(2);
    expect(phrases[0]).toContain('releases.param.k');
    expect(phrases[1]).toContain('releases.param.reportingLength');
  });

  it('writes a tiny δ as a power of ten and dimensions as a list', () => {
    const phrases = parameterPhrases(t, { delta: 0.000001, dimensions: ['sex', 'age'] }, String);
    expect(phrases.join(' ')).toContain('1.0e-6');
    expect(phrases.join(' ')).toContain('sex, age');
  });
});

describe('a column in words', () => {
  it('says the role and the generalisation', () => {
    const phrase = columnPhrase(t, {
      name: 'age',
      role: 'quasi_identifier',
      generalise: { hierarchy: 'age', level: 2 },
    });
    expect(phrase).toContain('releases.role.quasiIdentifier, releases.generalise.childrenAdults');
  });

  it('says only the role when the column is kept as recorded', () => {
    expect(columnPhrase(t, { name: 'form', role: 'sensitive' })).toContain(
      '"role":"releases.role.sensitive"',
    );
  });
});
