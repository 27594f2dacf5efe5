// COPY's text format: the escapes of a field, and the shortcut taken for JSON text.
import { describe, expect, it } from 'vitest';
import { copyField, copyJsonField } from './copy-text.js';

describe('copyField', () => {
  it('escapes backslash, tab and line breaks, and writes null as \\N', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField(null)).toBe('\\N');
    expect(copyField('plain')).toBe('plain');
  });
});

describe('copyJsonField', () => {
  it('escapes JSON text exactly as copyField does', () => {
    const values = [
      'plain',
      'tab\there, line\nbreak, return\r',
      'back\\slash and "quotes"',
      'a lone surrogate \ud800 and U+2028 \u2028',
      'control \u0001 and \u001f',
    ];
    for (const value of values) {
      const json = JSON.stringify({ title: value, list: [value], nested: { value } });
      expect(copyJsonField(json)).toBe(copyField(json));
    }
    expect(copyJsonField(JSON.stringify('a\\b'))).toBe('"a\\\\\\\\b"');
  });
});
