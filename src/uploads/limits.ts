// Every limit an upload meets, declared once: the routes, the worker and the README read this table.
const MiB = 1024 * 1024;

export type UploadLimit = {
  /** What is counted, in the words a person sending a file understands. */
  counts: string;
  value: number;
  unit:
    | 'bytes'
    | 'rows'
    | 'columns'
    | 'characters'
    | 'entries'
    | 'levels'
    | 'elements'
    | 'MiB'
    | 'seconds'
    | 'imports';
  /** 413 when the request itself is too big to take in; 422 when the file's content is. */
  status: 413 | 422 | 503;
};

/**
 * Chosen so that a legitimate file (a national 4W register, a UNODC or SDG release) passes with a wide
 * margin while any file within all of them is read in seconds and in bounded memory.
 */
export const UPLOAD_LIMITS = {
  activitiesBodyBytes: {
    counts: 'size of an activities file sent to POST /api/v1/activities/import',
    value: 32 * MiB,
    unit: 'bytes',
    status: 413,
  },
  statisticsBodyBytes: {
    counts: 'size of the JSON request sent to POST /api/v1/statistics/imports (base64 adds a third)',
    value: 64 * MiB,
    unit: 'bytes',
    status: 413,
  },
  rows: {
    counts: 'rows of a CSV or XLSX file (statistics files may have up to the next limit)',
    value: 200_000,
    unit: 'rows',
    status: 422,
  },
  statisticsRows: {
    counts: 'rows of a statistics CSV, XLSX or SDG JSON file',
    value: 2_000_000,
    unit: 'rows',
    status: 422,
  },
  columns: { counts: 'columns in one row of a CSV or XLSX file', value: 1_000, unit: 'columns', status: 422 },
  // Excel itself stores at most 32,767 characters in a cell.
  cellCharacters: {
    counts: 'characters in one cell of a CSV or XLSX file',
    value: 32_767,
    unit: 'characters',
    status: 422,
  },
  xlsxUncompressedBytes: {
    counts: 'size of all parts of an XLSX workbook once unzipped',
    value: 256 * MiB,
    unit: 'bytes',
    status: 422,
  },
  xlsxSharedStringsBytes: {
    counts:
      'size of the shared strings part of an XLSX workbook once unzipped (held in memory while reading)',
    value: 64 * MiB,
    unit: 'bytes',
    status: 422,
  },
  xlsxEntries: { counts: 'parts inside an XLSX workbook', value: 10_000, unit: 'entries', status: 422 },
  xmlDepth: { counts: 'nesting depth of elements in an XML file', value: 64, unit: 'levels', status: 422 },
  xmlElements: { counts: 'elements in an XML file', value: 2_000_000, unit: 'elements', status: 422 },
  workerMemory: {
    counts: 'memory the reader of one upload may use (JavaScript heap of its worker thread)',
    value: 512,
    unit: 'MiB',
    status: 422,
  },
  readingSeconds: {
    counts: 'time the reader of one upload may take',
    value: 300,
    unit: 'seconds',
    status: 422,
  },
  concurrentImports: {
    counts: 'imports the server runs at once (others wait in the queue)',
    value: 2,
    unit: 'imports',
    status: 503,
  },
  queuedImports: {
    counts: 'imports waiting for their turn; beyond it a request is refused with Retry-After',
    value: 4,
    unit: 'imports',
    status: 503,
  },
} as const satisfies Record<string, UploadLimit>;

export type UploadLimitName = keyof typeof UPLOAD_LIMITS;

/** The values the readers enforce; tests pass smaller ones. */
export type ReadLimits = {
  rows: number;
  columns: number;
  cellCharacters: number;
  xlsxUncompressedBytes: number;
  xlsxSharedStringsBytes: number;
  xlsxEntries: number;
  xmlDepth: number;
  xmlElements: number;
};

export function readLimitsFor(kind: 'activities' | 'statistics'): ReadLimits {
  const L = UPLOAD_LIMITS;
  return {
    rows: kind === 'activities' ? L.rows.value : L.statisticsRows.value,
    columns: L.columns.value,
    cellCharacters: L.cellCharacters.value,
    xlsxUncompressedBytes: L.xlsxUncompressedBytes.value,
    xlsxSharedStringsBytes: L.xlsxSharedStringsBytes.value,
    xlsxEntries: L.xlsxEntries.value,
    xmlDepth: L.xmlDepth.value,
    xmlElements: L.xmlElements.value,
  };
}

/** "32 MiB", "200,000 rows": a limit as a sentence shows it. */
export function describeLimit(name: UploadLimitName, value: number = UPLOAD_LIMITS[name].value): string {
  const { unit } = UPLOAD_LIMITS[name];
  if (unit === 'bytes')
    return value >= MiB ? `${(value / MiB).toLocaleString('en')} MiB` : `${value.toLocaleString('en')} bytes`;
  return `${value.toLocaleString('en')} ${unit}`;
}
