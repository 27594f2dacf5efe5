// Reading where a change came from: the web, the API, a file import (with its name), the command line.
import { describe, expect, it } from 'vitest';
import { changeSource } from './change-source.js';

describe('changeSource', () => {
  it('tells the web, the API and the demo loader apart', () => {
    expect(changeSource('web')).toEqual({ channel: 'web', file: null });
    expect(changeSource('api')).toEqual({ channel: 'api', file: null });
    expect(changeSource('demo')).toEqual({ channel: 'demo', file: null });
  });

  it('names the imported file, but not a bare format', () => {
    expect(changeSource('import partners-2026.xlsx')).toEqual({
      channel: 'import',
      file: 'partners-2026.xlsx',
    });
    expect(changeSource('import csv')).toEqual({ channel: 'import', file: null });
    expect(changeSource('cli import 4w march.csv')).toEqual({
      channel: 'command_line',
      file: '4w march.csv',
    });
  });
});
