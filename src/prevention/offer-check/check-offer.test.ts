import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../reference/schemas.js';
import { checkOffer } from './check-offer.js';
import { CLEAN_OFFER, exampleContext } from './offer.fixtures.js';
import { QUESTIONS } from './questions.js';
import { FINDINGS, type FindingId, OfferCheckResult } from './result-schemas.js';
import { type OfferAnswers, type OfferCheckContext, WARNING_SIGNS } from './schemas.js';

type Case = {
  name: string;
  answers?: Partial<OfferAnswers>;
  context?: Partial<OfferCheckContext>;
  expected: FindingId;
};

function check(change: Pick<Case, 'answers' | 'context'>, language: OfferCheckContext['language'] = 'en') {
  return checkOffer({ ...CLEAN_OFFER, ...change.answers }, exampleContext({ language, ...change.context }));
}

/** Intl puts no-break spaces and direction marks in amounts; the words around them are what is checked. */
const plain = (text = '') => text.replace(/[\u200e\u200f]/g, '').replace(/\s/g, ' ');

const ids = (findings: { id: FindingId }[]) => findings.map((finding) => finding.id);

describe('an offer with no warning sign', () => {
  it('gives no flag, nothing to find out, and says the check proves nothing', () => {
    const result = check({});
    expect(result.flags).toEqual([]);
    expect(result.findOut).toEqual([]);
    expect(result.summary.verdict).toBe('none');
    expect(result.summary.counts).toEqual({ serious: 0, warning: 0, findOut: 0, skipped: 0 });
    expect(result.summary.limits).toBe(
      'This check looks only at the answers you gave. It cannot prove that an offer is safe.',
    );
    expect(result.pay?.isBelowMinimum).toBe(false);
  });

  it('gives a result of the shape the API promises', () => {
    expect(() => OfferCheckResult.parse(check({}))).not.toThrow();
  });
});

const EACH_SIGN_ALONE: Case[] = [
  { name: 'a fee charged to the worker', answers: { fee_charged: 'yes' }, expected: 'recruitment_fee' },
  { name: 'the passport kept by others', answers: { documents_kept: 'yes' }, expected: 'documents_retained' },
  {
    name: 'pay below the legal minimum',
    answers: { pay: { amount: 1500, currency: 'GBP', period: 'month' } },
    expected: 'pay_below_minimum',
  },
  { name: 'no employer name', answers: { employer_name_known: 'no' }, expected: 'employer_unidentified' },
  {
    name: 'an employer with neither address nor registration',
    answers: { employer_address_known: 'no', employer_registration_known: 'no' },
    expected: 'employer_unidentified',
  },
  {
    name: 'an agency missing from the register',
    context: { agencyLookup: { status: 'not_found' } },
    expected: 'agency_unlicensed',
  },
  {
    name: 'an agency whose licence lapsed',
    context: { agencyLookup: { status: 'lapsed' } },
    expected: 'agency_unlicensed',
  },
  {
    name: 'a suspended licence',
    context: { agencyLookup: { status: 'suspended' } },
    expected: 'agency_unlicensed',
  },
  {
    name: 'a revoked licence',
    context: { agencyLookup: { status: 'revoked' } },
    expected: 'agency_unlicensed',
  },
  { name: 'no written contract', answers: { written_contract: 'no' }, expected: 'no_written_contract' },
  {
    name: 'a contract in a language the person does not read',
    answers: { contract_in_your_language: 'no' },
    expected: 'contract_not_understood',
  },
  { name: 'a debt or an advance to repay', answers: { debt_or_advance: 'yes' }, expected: 'debt_or_advance' },
  { name: 'no freedom to leave', answers: { free_to_leave: 'no' }, expected: 'movement_restricted' },
  { name: 'no phone of their own', answers: { keeps_phone: 'no' }, expected: 'movement_restricted' },
  { name: 'a job that changed', answers: { job_changed: 'yes' }, expected: 'job_changed' },
];

describe('each warning sign alone', () => {
  it('is covered for every warning sign the issue lists', () => {
    const covered = new Set(EACH_SIGN_ALONE.map((sample) => FINDINGS[sample.expected].sign));
    expect([...covered].sort()).toEqual([...WARNING_SIGNS].sort());
  });

  for (const sample of EACH_SIGN_ALONE)
    it(`gives exactly its flag: ${sample.name} → ${sample.expected}`, () => {
      const result = check(sample);
      expect(ids(result.flags)).toEqual([sample.expected]);
      expect(result.findOut).toEqual([]);
      expect(result.summary.verdict).toBe(FINDINGS[sample.expected].severity);
    });
});

const DONT_KNOW: Case[] = [
  { name: 'fees', answers: { fee_charged: 'unknown' }, expected: 'ask_about_fees' },
  { name: 'documents', answers: { documents_kept: 'unknown' }, expected: 'ask_about_documents' },
  { name: 'pay', answers: { pay: 'unknown' }, expected: 'ask_about_pay' },
  {
    name: 'the employer’s name',
    answers: { employer_name_known: 'unknown' },
    expected: 'ask_about_employer',
  },
  {
    name: 'whether an agency recruits',
    answers: { offered_by: 'unknown' },
    context: { agencyLookup: null },
    expected: 'check_agency_licence',
  },
  {
    name: 'the register could not say',
    context: { agencyLookup: { status: 'unknown' } },
    expected: 'check_agency_licence',
  },
  { name: 'the contract', answers: { written_contract: 'unknown' }, expected: 'ask_for_written_contract' },
  { name: 'debts', answers: { debt_or_advance: 'unknown' }, expected: 'ask_about_debts' },
  { name: 'freedom to go out', answers: { free_to_leave: 'unknown' }, expected: 'ask_about_freedom' },
  { name: 'changes on arrival', answers: { job_changed: 'unknown' }, expected: 'ask_about_job_changes' },
];

describe('"I don’t know"', () => {
  it('is covered for every warning sign', () => {
    const covered = new Set(DONT_KNOW.map((sample) => FINDINGS[sample.expected].sign));
    expect([...covered].sort()).toEqual([...WARNING_SIGNS].sort());
  });

  for (const sample of DONT_KNOW)
    it(`about ${sample.name} gives a "find out" note, not a flag`, () => {
      const result = check(sample);
      expect(result.flags).toEqual([]);
      expect(ids(result.findOut)).toEqual([sample.expected]);
      expect(result.findOut[0]?.severity).toBe('find_out');
      expect(result.summary.verdict).toBe('find_out');
    });

  it('about one side of a two-sided sign does not hide a clear bad answer on the other', () => {
    const result = check({ answers: { free_to_leave: 'unknown', keeps_phone: 'no' } });
    expect(ids(result.flags)).toEqual(['movement_restricted']);
    expect(result.flags[0]?.questions).toEqual(['keeps_phone']);
    expect(result.findOut).toEqual([]);
  });
});

describe('skipped questions', () => {
  it('give nothing to flag or find out, and are counted', () => {
    const result = checkOffer({}, exampleContext());
    expect(result.flags).toEqual([]);
    expect(result.findOut).toEqual([]);
    expect(result.summary.counts.skipped).toBe(QUESTIONS.filter((question) => !question.isOptional).length);
    expect(result.summary.skippedNote).toMatch(/skipped/);
  });

  it('leave out only the optional extras without counting them', () => {
    const { citizenship_country, agency_name, work_days_per_week, work_hours_per_day, ...core } = CLEAN_OFFER;
    expect(checkOffer(core, exampleContext()).summary.counts.skipped).toBe(0);
  });
});

describe('several signs at once', () => {
  it('list serious flags before warnings, each once, in the order of the signs', () => {
    const result = check({
      answers: { written_contract: 'no', fee_charged: 'yes', job_changed: 'yes', documents_kept: 'unknown' },
    });
    expect(ids(result.flags)).toEqual(['recruitment_fee', 'job_changed', 'no_written_contract']);
    expect(ids(result.findOut)).toEqual(['ask_about_documents']);
    expect(result.summary.counts).toMatchObject({ serious: 2, warning: 1, findOut: 1 });
  });

  it('a missing contract is flagged once, not again for its language', () => {
    const result = check({ answers: { written_contract: 'no', contract_in_your_language: 'no' } });
    expect(ids(result.flags)).toEqual(['no_written_contract']);
  });
});

describe('explanations in English, Arabic and Russian', () => {
  it('name the fee and cite ILO Convention No. 181, art. 7', () => {
    const sample = { answers: { fee_charged: 'yes' as const } };
    const [english] = check(sample, 'en').flags;
    const [arabic] = check(sample, 'ar').flags;
    const [russian] = check(sample, 'ru').flags;
    expect(english?.title).toBe('You are asked to pay to get the job');
    expect(arabic?.title).toBe('يُطلب منك الدفع للحصول على العمل');
    expect(russian?.title).toBe('С вас требуют деньги за работу');
    expect(english?.whatToDo).toMatch(/^Do not pay\./);
    expect(arabic?.whatToDo).toMatch(/^لا تدفع\./);
    expect(russian?.whatToDo).toMatch(/^Не платите\./);
    expect(english?.basis).toContain('(No. 181), art. 7');
    expect(arabic?.basis).toContain('(رقم 181)، المادة 7');
    expect(russian?.basis).toContain('(№ 181), ст. 7');
  });

  it('say that nobody may keep the passport', () => {
    const sample = { answers: { documents_kept: 'yes' as const } };
    expect(check(sample, 'en').flags[0]?.explanation).toMatch(/^Nobody, not the employer and not the agency/);
    expect(check(sample, 'ar').flags[0]?.explanation).toMatch(/^لا يحق لأحد، لا صاحب العمل ولا الوكالة/);
    expect(check(sample, 'ru').flags[0]?.explanation).toMatch(/^Никто — ни работодатель, ни агентство/);
  });

  it('say what the register found about the agency', () => {
    const sample = { context: { agencyLookup: { status: 'revoked' as const } } };
    expect(check(sample, 'en').flags[0]?.explanation).toMatch(
      /^The register shows that this agency’s licence was withdrawn\. /,
    );
    expect(check(sample, 'ar').flags[0]?.explanation).toMatch(/^يُظهر السجل أن ترخيص هذه الوكالة قد سُحب\. /);
    expect(check(sample, 'ru').flags[0]?.explanation).toMatch(
      /^Согласно реестру, лицензия этого агентства отозвана\. /,
    );
  });

  it('put the pay and the minimum, per hour, into the pay flag', () => {
    const sample = { answers: { pay: { amount: 1500, currency: 'GBP', period: 'month' as const } } };
    const english = plain(check(sample, 'en').flags[0]?.explanation);
    const arabic = plain(check(sample, 'ar').flags[0]?.explanation);
    const russian = plain(check(sample, 'ru').flags[0]?.explanation);
    // 1,500 a month over 40 × 52 ÷ 12 hours.
    expect(english).toContain('that is about GBP 8.65 an hour');
    expect(english).toContain('The legal minimum (United Kingdom) is GBP 12.00 per hour');
    expect(arabic).toContain('8.65 GBP في الساعة');
    expect(arabic).toContain('(المملكة المتحدة)');
    expect(russian).toContain('около 8,65 GBP в час');
    expect(russian).toContain('(Великобритания)');
  });

  it('have no placeholder left unfilled, whatever the finding, in every language', () => {
    const samples = [...EACH_SIGN_ALONE, ...DONT_KNOW];
    for (const language of LANGUAGES)
      for (const sample of samples) {
        const result = check(sample, language);
        const texts = [...result.flags, ...result.findOut].flatMap((finding) => [
          finding.title,
          finding.explanation,
          finding.whatToDo,
          finding.basis,
        ]);
        for (const text of texts) expect(text, `${sample.name} in ${language}`).not.toMatch(/\{\w+\}/);
      }
  });
});

describe('the context', () => {
  it('is used only for the destination the person named', () => {
    const result = check({ answers: { destination_country: 'FRA' } });
    expect(ids(result.findOut)).toEqual(['find_minimum_wage']);
    expect(result.pay).toBeNull();
    expect(result.contacts.country).toBeNull();
    expect(result.contacts.fallback).toHaveLength(3);
  });

  it('without a minimum wage asks the person to find it out', () => {
    const result = check({ context: { minimumWage: null } });
    expect(result.flags).toEqual([]);
    expect(ids(result.findOut)).toEqual(['find_minimum_wage']);
    expect(result.findOut[0]?.whatToDo).toContain('(United Kingdom)');
  });
});
