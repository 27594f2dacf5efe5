// `concerted cases …`: victim cases. `screen` checks an answers file against the trafficking, smuggling and
// irregular-migration definitions and explains the result, storing nothing; `export` writes the case
// exports (cases-export.ts).
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { KeySources } from '../cases/person/keyring.js';
import { screenAnswers } from '../cases/screening/index.js';
import type { ScreeningResult } from '../cases/screening/schemas.js';
import { loadConfig } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { LANGUAGES, type Language } from '../reference/schemas.js';
import { addExportCommand } from './cases-export.js';
import { addMatchKeysCommand } from './cases-match-keys.js';
import { type OpenDatabase, openConfiguredDatabase } from './database.js';
import { action, printJson } from './output.js';

type ScreenOptions = { language: Language; json?: boolean };

export function casesCommand(
  open: OpenDatabase = openConfiguredDatabase,
  sources: () => KeySources = () => loadConfig(),
): Command {
  const cases = new Command('cases').description('victim cases: screening, consent and referrals');
  cases
    .command('screen')
    .description(
      'screen an answers file (JSON: see docs/screening) and explain the outcome; nothing is stored, and the file must hold no names',
    )
    .argument('<file>', 'the answers, as JSON')
    .addOption(
      new Option('--language <language>', 'language of the explanation').choices(LANGUAGES).default('en'),
    )
    .option('--json', 'print the result as JSON')
    .action(action((file: string, options: ScreenOptions) => runScreen(file, options)));
  addExportCommand(cases, open);
  addMatchKeysCommand(cases, open, sources);
  return cases;
}

async function runScreen(file: string, options: ScreenOptions): Promise<void> {
  const answers = await readAnswers(file);
  let result: ScreeningResult;
  try {
    result = screenAnswers(answers, options.language);
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields?.length) throw error;
    const lines = error.fields.map((field) => `  ${field.path || '(the file)'}: ${field.message}`);
    throw new AppError('validation_failed', `${file}: ${error.message}\n${lines.join('\n')}`);
  }
  if (options.json) return printJson(result);
  process.stdout.write(`${result.summary}\n\n${result.reasons.map((reason) => `- ${reason}`).join('\n')}\n`);
  process.stdout.write(`\n(rules ${result.rulesVersion})\n`);
}

async function readAnswers(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new AppError(
      'validation_failed',
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'unknown error'})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'validation_failed',
      `${file} is not valid JSON (${(error as Error).message}); see docs/screening for the format and examples`,
    );
  }
}
