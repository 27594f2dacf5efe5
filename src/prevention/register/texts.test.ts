// Every text the register can show exists, non-empty, in all six UN languages, with the same placeholders;
// and every sentence the engine builds finds a value for each of its placeholders.
import { describe, expect, it } from 'vitest';
import { allTexts, gapsIn, placeholderMismatches, type Tree, textAt } from '../text-file-checks.js';
import raw from './data/texts.json' with { type: 'json' };
import {
  LICENCE_STATES,
  LOOKUP_NOTES,
  MATCH_REASONS,
  RISK_SIGNS,
  STANDING_REASONS,
} from './result-schemas.js';
import { AGENCY_KINDS, INSPECTION_OUTCOMES, ISSUED_STATUSES, SANCTION_KINDS } from './schemas.js';
import { RegisterTexts } from './texts.js';

const at = (path: string) => textAt(raw, path);

/** Paths of the texts the engine asks for by name. */
function requiredTexts(): string[] {
  const under = (section: string, keys: readonly string[]) => keys.map((key) => `${section}.${key}`);
  return [
    ...under('kinds', AGENCY_KINDS),
    ...under('states', LICENCE_STATES),
    ...under('issuedStatuses', ISSUED_STATUSES),
    ...under('sanctionKinds', SANCTION_KINDS),
    ...under('inspectionOutcomes', INSPECTION_OUTCOMES),
    ...under('severities', ['serious', 'warning']),
    ...under('reasons', STANDING_REASONS),
    ...under('signs', RISK_SIGNS),
    ...under('matches', MATCH_REASONS),
    ...under('notes', LOOKUP_NOTES),
    'rules.smallCounts',
  ];
}

describe('the texts of the register', () => {
  it('hold every kind, state, reason, sign, match, note and rule in all six languages', () => {
    expect(requiredTexts().flatMap((path) => gapsIn(path, at(path)))).toEqual([]);
  });

  it('leave no text anywhere in the file with a language missing or empty', () => {
    expect(allTexts(raw).flatMap(([path, text]) => gapsIn(path, text))).toEqual([]);
  });

  it('use the same placeholders in every language as in English', () => {
    expect(placeholderMismatches(raw)).toEqual([]);
  });

  it('refuse to load with a language missing, naming the text', () => {
    const broken = structuredClone(raw) as Tree;
    delete ((broken.signs as Tree).complaints as Tree).zh;
    const parsed = RegisterTexts.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['signs', 'complaints', 'zh']);
  });

  it('refuse to load with a sign left without its sentence', () => {
    const broken = structuredClone(raw) as Tree;
    delete (broken.signs as Tree).referrals;
    expect(RegisterTexts.safeParse(broken).success).toBe(false);
  });
});
