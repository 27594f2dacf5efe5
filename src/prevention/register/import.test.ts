import { describe, expect, it } from 'vitest';
import {
  guessDelimiter,
  numberedRows,
  problemAsFieldError,
  readRegisterCsv,
  readRegisterRows,
} from './import.js';
import { readDate } from './import-values.js';
import { lookUpAgency } from './lookup.js';

const AUTHORITY = 'Department of Migrant Workers (example)';
const AS_OF = '2026-03-15';

/** A publisher's export as such files come: titles above the header, its own headings and status words. */
const PUBLISHER_FILE = [
  'Department of Migrant Workers (example) — List of Licensed Land-based Agencies',
  'Status as of 15 March 2026',
  '',
  'No.,Name of Agency,Trade name,Lic. No.,Country,Status,Date Issued,Valid Until,Remarks',
  '1,Atlas Recruitment Ltd,Atlas Manpower,POEA-123-LB,Philippines,Valid,15/01/2024,14/01/2027,',
  '2,"Horizon Overseas Placement, Inc.",,POEA-200-LB,PH,EXPIRED,01/01/2021,31/12/2023,',
  '3,Sunrise Manpower Services,,POEA-301-LB,PHL,Cancelled (by order),01/01/2022,31/12/2027,Order 12-2025',
  ',REGION III,,,,,,,',
  '4,Bad Date Agency,,POEA-400-LB,PHL,Valid,31/02/2024,30/01/2027,',
  '5,,,POEA-401-LB,PHL,Valid,01/02/2024,30/01/2027,',
  '6,Mystery Agency,,POEA-402-LB,Atlantis,Valid,01/02/2024,30/01/2027,',
  '7,Pending Agency,,POEA-403-LB,PHL,For evaluation,,,',
  '8,ATLAS RECRUITMENT LTD.,,POEA-123-LB-R,PHL,Valid - renewed,15/01/2027,14/01/2030,',
  'No.,Name of Agency,Trade name,Lic. No.,Country,Status,Date Issued,Valid Until,Remarks',
  '9,Expired Too Early,,POEA-500-LB,PHL,Expired,01/01/2025,31/12/2027,',
  ',Total: 9 agencies,,,,,,,',
  ',Source: example data,,,,,,,',
  'Page 1 of 1,,,,,,,,',
].join('\r\n');

const PUBLISHER_OPTIONS = {
  defaultKind: 'recruitment',
  defaultAuthority: AUTHORITY,
  statusWords: {
    'Valid - renewed': 'active',
    'Cancelled (by order)': 'revoked',
    'For evaluation': 'pending',
  },
  columnNames: { 'Lic. No.': 'licence_number' },
  asOf: AS_OF,
} as const;

const brief = (list: { row: number; field: string | null; code: string }[]) =>
  list.map(({ row, field, code }) => `${row} ${field ?? '-'} ${code}`);

describe('a publisher’s CSV file', () => {
  it('finds the header under the title rows and reads the good rows into agencies', async () => {
    const imported = await readRegisterCsv(PUBLISHER_FILE, PUBLISHER_OPTIONS);
    expect(imported.headerRow).toBe(4);
    expect(imported.agencies.map(({ record, rows }) => [record.name, rows])).toEqual([
      ['ATLAS RECRUITMENT LTD.', [5, 13]],
      ['Horizon Overseas Placement, Inc.', [6]],
      ['Sunrise Manpower Services', [7]],
    ]);
    expect(imported.counts).toEqual({ accepted: 4, rejected: 5, skipped: 5 });
  });

  it('keeps a renewal with its agency, the most recent name first and the others kept', async () => {
    const [atlas] = (await readRegisterCsv(PUBLISHER_FILE, PUBLISHER_OPTIONS)).agencies;
    expect(atlas?.record).toMatchObject({
      name: 'ATLAS RECRUITMENT LTD.',
      otherNames: ['Atlas Manpower'],
      kind: 'recruitment',
      country: 'PHL',
      licences: [
        {
          number: 'POEA-123-LB',
          issuingAuthority: AUTHORITY,
          status: 'active',
          validFrom: '2024-01-15',
          validUntil: '2027-01-14',
        },
        { number: 'POEA-123-LB-R', status: 'active', validFrom: '2027-01-15', validUntil: '2030-01-14' },
      ],
    });
  });

  it('maps the publisher’s status words to ours: expired is a date’s business, cancelled a revocation', async () => {
    const { agencies } = await readRegisterCsv(PUBLISHER_FILE, PUBLISHER_OPTIONS);
    expect(agencies[1]?.record.licences[0]).toMatchObject({ status: 'active', validUntil: '2023-12-31' });
    expect(agencies[2]?.record.licences[0]).toMatchObject({ status: 'revoked', statusSince: null });
  });

  it('reports every bad row with its row, column, what is wrong and how to fix it', async () => {
    const { problems } = await readRegisterCsv(PUBLISHER_FILE, PUBLISHER_OPTIONS);
    expect(brief(problems)).toEqual([
      '9 valid_from invalid_date',
      '10 agency_name missing_value',
      '11 country unknown_country',
      '12 licence_status not_a_licence',
      '15 valid_until expired_not_ended',
    ]);
    expect(problems[0]).toEqual({
      row: 9,
      column: 7,
      columnName: 'Date Issued',
      field: 'valid_from',
      code: 'invalid_date',
      problem: '“31/02/2024” is not a day of the calendar',
      fix: 'Write the date as YYYY-MM-DD, for example 2026-01-31.',
    });
    expect(problems[2]?.fix).toContain('ISO 3166-1 code');
    expect(problems.every((problem) => problem.problem && problem.fix)).toBe(true);
  });

  it('sets aside titles, notes and the repeated header, and says which columns it ignored', async () => {
    const { notes } = await readRegisterCsv(PUBLISHER_FILE, PUBLISHER_OPTIONS);
    expect(brief(notes)).toEqual([
      '4 - column_ignored',
      '4 - column_ignored',
      '8 - row_skipped',
      '14 - row_skipped',
      '16 - row_skipped',
      '17 - row_skipped',
      '18 - row_skipped',
    ]);
    expect(notes.at(-1)?.problem).toBe('This row fills none of the register’s columns: “Page 1 of 1”');
    expect(notes.slice(0, 2).map((note) => note.columnName)).toEqual(['No.', 'Remarks']);
  });

  it('gives the problems as the API’s field errors', async () => {
    const { problems } = await readRegisterCsv(PUBLISHER_FILE, PUBLISHER_OPTIONS);
    expect(problemAsFieldError(problems[1] ?? problems[0]!)).toEqual({
      path: 'file.rows.10.agency_name',
      message: 'The cell for the agency’s name is empty. Fill in the agency’s name.',
      code: 'missing_value',
      row: 10,
      column: 2,
      columnName: 'Name of Agency',
    });
  });

  it('without the publisher’s words, says which status word it does not know and how to teach it', async () => {
    const { problems } = await readRegisterCsv(PUBLISHER_FILE, { ...PUBLISHER_OPTIONS, statusWords: {} });
    const unknown = problems.filter((problem) => problem.code === 'unknown_status');
    expect(unknown.map((problem) => problem.row)).toEqual([7, 12, 13]);
    expect(unknown[0]?.problem).toBe('“Cancelled (by order)” is not a licence status this import knows');
  });

  it('feeds a look-up that finds the licensed agency and reports the lapsed one', async () => {
    const register = (await readRegisterCsv(PUBLISHER_FILE, PUBLISHER_OPTIONS)).agencies.map(
      (agency) => agency.record,
    );
    const licensed = lookUpAgency(register, { licenceNumber: 'poea 123 lb' }, { asOf: AS_OF });
    expect(licensed.answer.lookup).toEqual({ status: 'licensed', checkedOn: AS_OF });
    expect(licensed.matches[0]?.entry.standing).toMatchObject({ since: '2024-01-15', until: '2030-01-14' });
    const lapsed = lookUpAgency(register, { name: 'Horizon Overseas Placement' }, { asOf: AS_OF });
    expect(lapsed.answer.lookup.status).toBe('lapsed');
    expect(
      lookUpAgency(register, { name: 'Sunrise Manpower Services' }, { asOf: AS_OF }).answer.lookup.status,
    ).toBe('revoked');
  });
});

describe('a spreadsheet’s rows (XLSX) in other languages', () => {
  const SHEET = [
    ['Реестр частных агентств занятости (пример)'],
    [],
    [
      'Наименование',
      'Регистрационный номер',
      'Номер лицензии',
      'Страна',
      'Вид',
      'Выдавший орган',
      'Статус',
      'Дата выдачи',
      'Действует до',
      'Дата статуса',
    ],
    [
      'ООО «Ромашка»',
      '1027700000001',
      'Л-001',
      'Кыргызстан',
      'кадровое агентство',
      'Министерство труда (пример)',
      'действует',
      '2024-02-01',
      '2027-01-31',
      '',
    ],
    [
      'Ромашка Плюс',
      '1027700000001',
      'Л-002',
      'KGZ',
      'кадровое агентство',
      'Министерство труда (пример)',
      'приостановлена',
      '2025-01-01',
      '',
      '2025-11-01',
    ],
    [
      'Агентство Вектор',
      '',
      'Л-003',
      'KG',
      'брачное агентство',
      'Министерство труда (пример)',
      'отозвана',
      '2023-05-01',
      '2026-04-30',
      '2025-12-01',
    ],
    [
      'Агентство Вектор',
      '',
      'Л-003',
      'KG',
      'брачное агентство',
      'Министерство труда (пример)',
      'отозвана',
      '2023-05-01',
      '2026-04-30',
      '2025-12-01',
    ],
    [
      'Агентство Вектор',
      '',
      'Л-004',
      'KG',
      'модельное агентство',
      'Министерство труда (пример)',
      'действует',
      '2024-05-01',
      '2027-04-30',
      '',
    ],
  ];

  it('reads headings, countries and statuses in Russian, and joins rows by registration number', () => {
    const imported = readRegisterRows(numberedRows(SHEET));
    expect(imported.headerRow).toBe(3);
    expect(imported.notes.filter((note) => note.code === 'column_ignored')).toEqual([]);
    const [romashka, vector] = imported.agencies.map((agency) => agency.record);
    expect(romashka).toMatchObject({
      name: 'Ромашка Плюс',
      otherNames: ['ООО «Ромашка»'],
      country: 'KGZ',
      kind: 'recruitment',
      registrationNumber: '1027700000001',
    });
    expect(romashka?.licences[1]).toMatchObject({
      status: 'suspended',
      statusSince: '2025-11-01',
      validUntil: null,
    });
    expect(vector?.licences).toEqual([
      expect.objectContaining({ status: 'revoked', statusSince: '2025-12-01' }),
    ]);
  });

  it('reads a licence listed twice alike once, and refuses a row that gives the agency another kind', () => {
    const imported = readRegisterRows(numberedRows(SHEET));
    expect(brief(imported.notes)).toContain('7 - licence_repeated');
    expect(imported.problems).toEqual([
      expect.objectContaining({ row: 8, field: 'agency_kind', code: 'agency_mismatch' }),
    ]);
    expect(imported.problems[0]?.problem).toBe('Row 6 gives this agency as marriage, this row as modelling');
  });
});

describe('a file that cannot be read row by row', () => {
  it('without a header names the columns it needs', () => {
    const imported = readRegisterRows(numberedRows([['Agencies'], ['Atlas', 'POEA-1']]));
    expect(imported).toMatchObject({ headerRow: null, agencies: [] });
    expect(brief(imported.problems)).toEqual(['1 - no_header']);
  });

  it('without a column every row needs stops at the header, saying how to give it', () => {
    const imported = readRegisterRows(
      numberedRows([
        ['agency_name', 'licence_number'],
        ['Atlas', 'POEA-1'],
      ]),
    );
    expect(brief(imported.problems)).toEqual([
      '1 country missing_column',
      '1 agency_kind missing_column',
      '1 issuing_authority missing_column',
      '1 licence_status missing_column',
    ]);
    expect(imported.problems[0]?.fix).toContain('or give one value for the whole file at import');
  });

  it('with one column twice asks which to keep', () => {
    const rows = [
      ['agency_name', 'licence_number', 'licence no'],
      ['Atlas', 'POEA-1', 'POEA-2'],
    ];
    const imported = readRegisterRows(numberedRows(rows), {
      defaultCountry: 'PHL',
      defaultKind: 'travel',
      defaultAuthority: AUTHORITY,
      defaultStatus: 'active',
    });
    expect(imported.problems).toEqual([
      expect.objectContaining({ row: 1, column: 3, columnName: 'licence no', code: 'column_twice' }),
    ]);
  });

  it('a list of licensed agencies without status or end dates reads as active, open-ended, and says so', () => {
    const imported = readRegisterRows(
      numberedRows([
        ['agency_name', 'licence_number'],
        ['Atlas', 'POEA-1'],
      ]),
      {
        defaultCountry: 'PHL',
        defaultKind: 'travel',
        defaultAuthority: AUTHORITY,
        defaultStatus: 'active',
      },
    );
    expect(imported.agencies[0]?.record.licences[0]).toMatchObject({
      status: 'active',
      validFrom: null,
      validUntil: null,
    });
    expect(brief(imported.notes)).toEqual(['1 valid_until no_end_dates']);
  });
});

describe('dates and delimiters as publishers write them', () => {
  it('read the usual orders and month names, and say how to fix the rest', () => {
    const read = (text: string, order: 'day_first' | 'month_first' = 'day_first') => {
      const result = readDate(text, order);
      return 'value' in result ? result.value : result.fix;
    };
    expect(read('2026-01-31')).toBe('2026-01-31');
    expect(read('2026/1/31')).toBe('2026-01-31');
    expect(read('2026-01-31T00:00:00')).toBe('2026-01-31');
    expect(read('31.01.2026')).toBe('2026-01-31');
    expect(read('01/31/2026', 'month_first')).toBe('2026-01-31');
    expect(read('31 Jan 2026')).toBe('2026-01-31');
    expect(read('January 31, 2026')).toBe('2026-01-31');
    expect(read('01/31/2026')).toContain('month first (month_first)');
    expect(read('31/01/26')).toBe('Write the year in full, for example 2026.');
    expect(read('46053')).toContain('Format the column as dates');
    expect(read('2026-02-29')).toBe('Write the date as YYYY-MM-DD, for example 2026-01-31.');
  });

  it('guess a semicolon or a tab, however many commas the title line holds', async () => {
    expect(guessDelimiter('Register, example, 2026\nagency_name;licence_number;country;x\n')).toBe(';');
    expect(guessDelimiter('agency_name\tlicence_number\tcountry\n')).toBe('\t');
    const semicolons = [
      'Register, 2026',
      'agency_name;licence_number;country;agency_kind;issuing_authority;licence_status',
      'Étoile SARL;SN-1;Sénégal;agence de mannequins;Ministère (exemple);en vigueur',
    ].join('\n');
    const imported = await readRegisterCsv(semicolons);
    expect(imported.agencies[0]?.record).toMatchObject({
      name: 'Étoile SARL',
      country: 'SEN',
      kind: 'modelling',
    });
  });
});
