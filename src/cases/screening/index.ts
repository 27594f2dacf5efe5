// Screening as one call: check the answers against the rules they name, screen, and explain in the
// reader's language. Nothing is stored here; cases keep results through their own routes.
import { AppError, type FieldError, fieldErrorsFromZod } from '../../platform/errors.js';
import type { Language } from '../../reference/schemas.js';
import { explain } from './explain.js';
import { CURRENT_RULE_VERSION, RULE_VERSIONS, rulesFor, type ScreeningRules } from './rules.js';
import { ScreeningAnswers, type ScreeningResult } from './schemas.js';
import { screen } from './screen.js';

export { CURRENT_RULE_VERSION, RULE_VERSIONS, rulesFor } from './rules.js';
export * from './schemas.js';

/** Screens an answers document; every problem in it is reported at once as `validation_failed`. */
export function screenAnswers(input: unknown, language: Language = 'en', prefix = ''): ScreeningResult {
  const at = (path: string) => [prefix, path].filter(Boolean).join('.');
  const parsed = ScreeningAnswers.safeParse(input);
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const version = typeof raw.rulesVersion === 'string' ? raw.rulesVersion : CURRENT_RULE_VERSION;
  const rules = rulesFor(version);
  const problems: FieldError[] = parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues, prefix);
  if (!rules)
    problems.push({
      path: at('rulesVersion'),
      code: 'unknown_rules_version',
      message: `there are no screening rules "${version}"; known versions: ${RULE_VERSIONS.join(', ')}`,
    });
  else problems.push(...unknownCodes(rules, raw, at));
  if (problems.length || !parsed.success || !rules) throw invalid(problems);
  return explain(rules, screen(rules, parsed.data), language);
}

/** Question and indicator codes the rules do not know, looked for even when the rest of the file is malformed. */
const CODE_SHAPE = /^[a-z][a-z0-9_]{0,63}$/;

function looksLikeCode(value: string): boolean {
  return CODE_SHAPE.test(value);
}

/**
 * Codes are echoed so that a typo can be found; anything else is not, because what someone typed in the
 * wrong place may be a name or a document number, and errors end up in logs and screenshots.
 */
function shown(value: string): string {
  return looksLikeCode(value)
    ? `"${value}"`
    : 'A key that is not a code (codes are lowercase words joined by _)';
}

function unknownCodes(
  rules: ScreeningRules,
  raw: Record<string, unknown>,
  at: (path: string) => string,
): FieldError[] {
  const questions = new Set(rules.questions.map((question) => question.code));
  const indicators = new Set(rules.indicators.map((indicator) => indicator.code));
  const answers = typeof raw.answers === 'object' && raw.answers !== null ? Object.keys(raw.answers) : [];
  const observed = Array.isArray(raw.indicators) ? raw.indicators : [];
  return [
    ...answers
      .filter((code) => !questions.has(code))
      .map((code) => ({
        path: at(looksLikeCode(code) ? `answers.${code}` : 'answers'),
        code: 'unknown_question',
        message: `${shown(code)} is not a question of the rules ${rules.version}; see the list of questions in the screening documentation`,
      })),
    ...observed.flatMap((code, index) =>
      typeof code === 'string' && !indicators.has(code)
        ? [
            {
              path: at(`indicators.${index}`),
              code: 'unknown_indicator',
              message: `${shown(code)} is not an indicator of the rules ${rules.version}; see the list of indicators in the screening documentation`,
            },
          ]
        : [],
    ),
  ];
}

function invalid(fields: FieldError[]): AppError {
  return new AppError(
    'validation_failed',
    `the screening answers are not valid: ${fields.length} problem${fields.length === 1 ? '' : 's'}`,
    fields,
  );
}
