// Every action and kind of record the server writes into the audit trail is named in every language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../access/policy.js';
import { LANGUAGE_INFO } from '../../i18n/languages.js';
import { ACTION_CODES, actionLabelKey, RECORD_KINDS, recordKindKey } from './audit-labels.js';

const SOURCE = fileURLToPath(new URL('../../../', import.meta.url));

function auditCatalogue(language: string): Record<string, string> {
  const url = new URL(`../../messages/audit/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
}

/** Server source files (not the web app, not tests), where audit entries are written. */
function serverSources(folder = SOURCE): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'web' ? [] : serverSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit labels', () => {
  it.each(LANGUAGE_INFO.map((info) => info.code))('names every action of the policy in %s', (language) => {
    const messages = auditCatalogue(language);
    const unnamed = Object.keys(ACTIONS).filter((code) => !messages[`auditAction.${code}`]?.trim());
    expect(unnamed).toEqual([]);
    const showingCode = ACTION_CODES.filter((code) => messages[`auditAction.${code}`]?.includes(code));
    expect(showingCode).toEqual([]);
  });

  it.each(LANGUAGE_INFO.map((info) => info.code))('names every kind of record in %s', (language) => {
    const messages = auditCatalogue(language);
    expect(RECORD_KINDS.filter((kind) => !messages[`auditRecord.${kind}`]?.trim())).toEqual([]);
  });

  it('knows every kind of record the server writes into an audit entry', () => {
    const written = new Set<string>();
    for (const file of serverSources())
      for (const match of readFileSync(file, 'utf8').matchAll(
        /resourceType: (?:[\w ]+\? )?'(\w+)'(?: : '(\w+)')?/g,
      ))
        for (const kind of match.slice(1)) if (kind) written.add(kind);
    expect(written.size).toBeGreaterThan(5);
    expect([...written].filter((kind) => !RECORD_KINDS.includes(kind))).toEqual([]);
  });

  it('gives an action this release does not know a generic label, not its code', () => {
    expect(actionLabelKey('plans.update')).toBe('auditAction.other');
    expect(actionLabelKey('auth.sign_in')).toBe('auditAction.auth.sign_in');
    expect(recordKindKey('vault')).toBe('auditRecord.other');
    expect(recordKindKey('organisation')).toBe('auditRecord.organisation');
  });
});
