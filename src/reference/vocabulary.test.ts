// The code lists are data with rules: six labels each, lower_snake_case codes, parents that exist.
import { describe, expect, it } from 'vitest';
import { CODE_LISTS } from './code-list-data.js';
import { LANGUAGES } from './schemas.js';
import {
  ActivityType,
  CODE_LIST_NAMES,
  codesOf,
  FormOfExploitation,
  Iso3,
  isCodeListName,
  isKnownIso3,
  M49Code,
  Pillar,
  parentOf,
  TargetGroup,
} from './vocabulary.js';

describe('the code lists', () => {
  it('ships one data file for every list name, in the same order', () => {
    expect(CODE_LISTS.map((list) => list.name)).toEqual([...CODE_LIST_NAMES]);
  });

  it.each(CODE_LISTS.map((list) => [list.name, list] as const))(
    '%s has every label and description in all six languages',
    (_name, list) => {
      for (const lang of LANGUAGES) {
        expect(list.labels[lang].trim()).not.toBe('');
        expect(list.description[lang].trim()).not.toBe('');
        for (const entry of list.codes)
          expect(entry.labels[lang].trim(), `${entry.code} ${lang}`).not.toBe('');
      }
    },
  );

  it.each(CODE_LISTS.map((list) => [list.name, list] as const))(
    '%s has unique lower_snake_case codes',
    (_name, list) => {
      const codes = list.codes.map((entry) => entry.code);
      for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(new Set(codes).size).toBe(codes.length);
    },
  );

  it('gives no two codes of a list the same English label', () => {
    for (const list of CODE_LISTS) {
      const labels = list.codes.map((entry) => entry.labels.en);
      expect(new Set(labels).size, list.name).toBe(labels.length);
    }
  });

  it('links every parent to a code that exists in the parent list', () => {
    for (const list of CODE_LISTS) {
      for (const entry of list.codes) {
        if (entry.parent)
          expect(codesOf(entry.parent.list), `${list.name}.${entry.code}`).toContain(entry.parent.code);
      }
    }
  });

  it('puts every activity type under a pillar', () => {
    for (const code of codesOf('activity_type')) {
      const parent = parentOf('activity_type', code);
      expect(parent?.list, code).toBe('pillar');
      expect(codesOf('pillar')).toContain(parent?.code);
    }
    expect(parentOf('activity_type', 'shelter')).toEqual({ list: 'pillar', code: 'protection' });
    expect(parentOf('activity_type', 'anti_corruption')).toEqual({ list: 'pillar', code: 'prosecution' });
  });

  it('holds exactly the codes the domain names for pillars and forms of exploitation', () => {
    expect(codesOf('pillar')).toEqual(['prevention', 'protection', 'prosecution', 'partnership']);
    expect(codesOf('form_of_exploitation')).toEqual([
      'sexual_exploitation',
      'forced_labour',
      'domestic_servitude',
      'forced_marriage',
      'forced_criminality',
      'forced_begging',
      'organ_removal',
      'illegal_adoption',
      'child_soldiering',
      'mixed',
      'other',
    ]);
    expect(codesOf('iati_activity_status')).toEqual([
      'pipeline',
      'implementation',
      'finalisation',
      'closed',
      'cancelled',
      'suspended',
    ]);
  });
});

describe('the vocabulary validators', () => {
  it('accept known codes and refuse others', () => {
    expect(Pillar.parse('prevention')).toBe('prevention');
    expect(Pillar.safeParse('Prevention').success).toBe(false);
    expect(FormOfExploitation.safeParse('forced_labour').success).toBe(true);
    expect(TargetGroup.safeParse('labour_inspectors').success).toBe(true);
    expect(ActivityType.safeParse('bake_sale').success).toBe(false);
  });

  it('accept an ISO alpha-3 country code only when the package knows it', () => {
    expect(Iso3.parse('KEN')).toBe('KEN');
    expect(isKnownIso3('ZZZ')).toBe(false);
    expect(Iso3.safeParse('ZZZ').success).toBe(false);
    expect(Iso3.safeParse('ken').success).toBe(false);
    expect(Iso3.safeParse('KE').success).toBe(false);
  });

  it('accept an M49 code only for an area that exists', () => {
    expect(M49Code.safeParse('202').success).toBe(true);
    expect(M49Code.safeParse('999').success).toBe(false);
    expect(M49Code.safeParse('2').success).toBe(false);
  });

  it('tell list names from other words', () => {
    expect(isCodeListName('target_group')).toBe(true);
    expect(isCodeListName('countries')).toBe(false);
  });
});
