import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { LANGUAGES } from '../../reference/schemas.js';
import { CURRENT_RULE_VERSION, type Outcome, rulesFor, screenAnswers } from './index.js';

const examples = new URL('../../../docs/screening/examples/', import.meta.url);
const example = (name: string) => JSON.parse(readFileSync(new URL(name, examples), 'utf8'));

const EXPECTED: Record<string, Outcome[]> = {
  'presumed-trafficking-adult.json': ['presumed_trafficking'],
  'presumed-trafficking-child.json': ['presumed_trafficking'],
  'possible-trafficking.json': ['possible_trafficking'],
  'smuggling-indicated.json': ['smuggling_indicated'],
  'smuggling-turned-trafficking.json': ['presumed_trafficking', 'smuggling_indicated'],
  'irregular-migration.json': ['irregular_migration'],
  'insufficient-information.json': ['insufficient_information'],
};

const rules = rulesFor();
if (!rules) throw new Error('no current rules');
const NO_MEANS = Object.fromEntries(
  rules.questions.filter((question) => question.topic === 'means').map((question) => [question.code, 'no']),
);
const NO_PURPOSE = Object.fromEntries(
  rules.questions.filter((question) => question.topic === 'purpose').map((question) => [question.code, 'no']),
);

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the screening to be refused');
}

describe('the documented vignettes', () => {
  it('cover every outcome, one file each at least', () => {
    const files = readdirSync(examples).filter((name) => name.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    const outcomes = new Set(Object.values(EXPECTED).flat());
    expect([...outcomes].sort()).toEqual(
      [
        'insufficient_information',
        'irregular_migration',
        'possible_trafficking',
        'presumed_trafficking',
        'smuggling_indicated',
      ].sort(),
    );
  });

  for (const [file, outcomes] of Object.entries(EXPECTED)) {
    it(`${file} gives ${outcomes.join(' and ')} with reasons in English and Arabic`, () => {
      const english = screenAnswers(example(file), 'en');
      const arabic = screenAnswers(example(file), 'ar');
      expect(english.outcomes).toEqual(outcomes);
      expect(arabic.outcomes).toEqual(outcomes);
      expect(english.rulesVersion).toBe(CURRENT_RULE_VERSION);
      expect(english.reasons.length).toBeGreaterThanOrEqual(4);
      expect(arabic.reasons.join(' ')).toMatch(/[\u0600-\u06FF]/);
      expect(arabic.reasons.join(' ')).not.toMatch(/[A-Za-z]{3,}/);
    });
  }
});

describe('the legal elements', () => {
  const adultFacts = {
    answers: { recruited: 'yes', forced_labour: 'yes', ...NO_MEANS },
  } as const;

  it('a child needs no means: act and purpose are enough', () => {
    const result = screenAnswers({ ...adultFacts, ageAtRecruitment: 16 });
    expect(result.outcome).toBe('presumed_trafficking');
    expect(result.child).toBe(true);
    expect(result.elements.find((each) => each.element === 'means')?.status).toBe('not_required');
    expect(result.reasons.join(' ')).toContain('no means are needed');
  });

  it('the same facts for an adult with every means answered no are not trafficking', () => {
    const result = screenAnswers({ ...adultFacts, ageAtRecruitment: 18 });
    expect(result.child).toBe(false);
    expect(result.outcomes).not.toContain('presumed_trafficking');
    expect(result.outcomes).not.toContain('possible_trafficking');
    expect(result.missing).toContain('means');
  });

  it('an unknown age with act and purpose says to find out the age', () => {
    const result = screenAnswers({ answers: { recruited: 'yes', forced_labour: 'yes' } });
    expect(result.child).toBeNull();
    expect(result.outcome).toBe('possible_trafficking');
    expect(result.reasons.join(' ')).toContain('Find out the age');
  });

  it('consent is irrelevant once a means is used', () => {
    const result = screenAnswers({
      ageAtRecruitment: 35,
      answers: { recruited: 'yes', deceived: 'yes', forced_labour: 'yes', consented: 'yes' },
    });
    expect(result.outcome).toBe('presumed_trafficking');
    expect(result.reasons.join(' ')).toContain('consent is irrelevant once a means is used');
  });

  it('an adult’s consent without any means found asks about the means', () => {
    const result = screenAnswers({
      ageAtRecruitment: 35,
      answers: { recruited: 'yes', forced_labour: 'yes', consented: 'yes' },
    });
    expect(result.outcome).toBe('possible_trafficking');
    expect(result.reasons.join(' ')).toContain('trafficking needs a means');
  });

  it('exploitation without crossing a border is trafficking', () => {
    const result = screenAnswers({
      ageAtRecruitment: 40,
      answers: { recruited: 'yes', threatened: 'yes', sexual_exploitation: 'yes', crossed_border: 'no' },
    });
    expect(result.outcome).toBe('presumed_trafficking');
    expect(result.reasons.join(' ')).toContain('exploitation within one country is trafficking too');
  });

  it('smuggling that turned into exploitation is trafficking, and the smuggling is said too', () => {
    const result = screenAnswers(example('smuggling-turned-trafficking.json'));
    expect(result.outcomes).toEqual(['presumed_trafficking', 'smuggling_indicated']);
    expect(result.reasons.join(' ')).toContain('Both are reported');
  });

  it('smuggling without exploitation is smuggling only, never irregular migration as well', () => {
    const result = screenAnswers(example('smuggling-indicated.json'));
    expect(result.outcomes).toEqual(['smuggling_indicated']);
  });

  it('a purpose ruled out excludes trafficking even with means found', () => {
    const result = screenAnswers({
      ageAtRecruitment: 30,
      answers: { recruited: 'yes', deceived: 'yes', ...NO_PURPOSE },
    });
    expect(result.outcome).toBe('insufficient_information');
    expect(result.elements.find((each) => each.element === 'purpose')?.status).toBe('ruled_out');
  });

  it('irregular stay with signs of exploitation is not called irregular migration', () => {
    const result = screenAnswers({
      ageAtRecruitment: 30,
      answers: { irregular_entry_or_stay: 'yes' },
      indicators: ['no_pay_or_very_low_pay'],
    });
    expect(result.outcomes).not.toContain('irregular_migration');
  });
});

describe('graded indicators', () => {
  const purposeStatus = (indicators: string[]) =>
    screenAnswers({ ageAtRecruitment: 30, answers: { recruited: 'yes' }, indicators }).elements.find(
      (each) => each.element === 'purpose',
    );

  it('one strong indicator establishes its element', () => {
    expect(purposeStatus(['forced_tasks_or_clients'])?.status).toBe('indicated');
  });

  it('one medium indicator alone does not, and is reported as a sign so far', () => {
    expect(purposeStatus(['excessive_working_hours'])?.status).toBe('unknown');
    const result = screenAnswers({ answers: {}, indicators: ['excessive_working_hours'] });
    expect(result.reasons.join(' ')).toContain('not enough on their own');
  });

  it('a medium and a weak indicator together reach the threshold', () => {
    const status = purposeStatus(['excessive_working_hours', 'hazardous_work']);
    expect(status?.status).toBe('indicated');
    expect(status?.indicatorWeight).toBe(rules.weights.medium + rules.weights.weak);
  });

  it('lists every indicator that weighed, with its strength and label', () => {
    const result = screenAnswers(example('presumed-trafficking-adult.json'), 'fr');
    expect(result.indicators.map((each) => each.code).sort()).toEqual(
      ['confiscation_of_documents', 'debt_bondage', 'excessive_working_hours'].sort(),
    );
    expect(result.indicators.find((each) => each.code === 'debt_bondage')?.label).toContain('dette');
  });
});

describe('languages', () => {
  for (const language of LANGUAGES) {
    it(`${language}: every vignette is explained with every placeholder filled`, () => {
      for (const file of Object.keys(EXPECTED)) {
        const result = screenAnswers(example(file), language);
        expect(result.language).toBe(language);
        expect(result.summary.length).toBeGreaterThan(0);
        for (const reason of result.reasons) expect(reason).not.toMatch(/\{\w+\}/);
      }
    });
  }

  it('every question and indicator is labelled in the six languages', () => {
    for (const item of [...rules.questions, ...rules.indicators])
      for (const language of LANGUAGES)
        expect(item.label[language].trim(), `${item.code} ${language}`).not.toBe('');
  });
});

describe('bad answers', () => {
  it('reports unknown question and indicator codes together with shape problems', () => {
    const error = failure(() =>
      screenAnswers({
        ageAtRecruitment: -3,
        answers: { recruited: 'perhaps', kidnapped: 'yes' },
        indicators: ['passport_taken'],
      }),
    );
    expect(error.code).toBe('validation_failed');
    const paths = error.fields?.map((field) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining(['ageAtRecruitment', 'answers.recruited', 'answers.kidnapped', 'indicators.0']),
    );
    expect(error.fields?.find((field) => field.path === 'answers.kidnapped')?.code).toBe('unknown_question');
    expect(error.fields?.find((field) => field.path === 'indicators.0')?.code).toBe('unknown_indicator');
  });

  it('refuses a rule version that does not exist, naming the known ones', () => {
    const error = failure(() => screenAnswers({ rulesVersion: '1999.1', answers: {} }));
    expect(error.fields?.[0]?.code).toBe('unknown_rules_version');
    expect(error.fields?.[0]?.message).toContain(CURRENT_RULE_VERSION);
  });

  it('refuses fields it does not know, such as a name', () => {
    const error = failure(() => screenAnswers({ name: 'Invented Person', answers: {} }));
    expect(error.fields?.[0]?.code).toBe('unrecognized_keys');
    expect(JSON.stringify(error.fields)).not.toContain('Invented Person');
  });

  it('refuses something that is not an object', () => {
    expect(failure(() => screenAnswers([1, 2])).code).toBe('validation_failed');
  });
});

describe('the documentation', () => {
  it('lists every question and indicator code of the current rules', () => {
    const readme = readFileSync(new URL('../README.md', examples), 'utf8');
    for (const { code } of [...rules.questions, ...rules.indicators])
      expect(readme).toContain(`| \`${code}\` |`);
  });
});
