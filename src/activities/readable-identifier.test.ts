// Readable identifiers: acronym (or initials), year and the next free number.
import { describe, expect, it } from 'vitest';
import { identifierPrefixOf, nextIdentifier } from './readable-identifier.js';

describe('readable activity identifiers', () => {
  it('use the acronym, else the initials of the name, else ORG', () => {
    expect(identifierPrefixOf({ name: 'Safe Harbour Shelter Network', acronym: 'SHSN' })).toBe('SHSN');
    expect(identifierPrefixOf({ name: 'Safe Harbour Shelter Network', acronym: null })).toBe('SHSN');
    expect(identifierPrefixOf({ name: 'Centre d’écoute', acronym: 'C.É.' })).toBe('CE');
    expect(identifierPrefixOf({ name: 'مركز المساعدة القانونية', acronym: null })).toBe('ORG');
  });

  it('count on from the highest number already taken with the prefix', () => {
    expect(nextIdentifier('SHSN-2026', [])).toBe('SHSN-2026-0001');
    expect(nextIdentifier('SHSN-2026', ['SHSN-2026-0001', 'SHSN-2026-0009', 'SHSN-2025-0050', 'X'])).toBe(
      'SHSN-2026-0010',
    );
    expect(nextIdentifier('SHSN-2026', ['SHSN-2026-12345'])).toBe('SHSN-2026-12346');
  });
});
