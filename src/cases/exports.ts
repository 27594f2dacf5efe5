// The case exports: HTCDS (JSON or the Excel template's columns) of the cases one may read, and the
// de-identified CTDC microdata of the cases whose person consented to statistics or research. Both read
// only the facts kept in the clear, never the person record; the caller writes the one audit entry.
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Queryable } from '../platform/db.js';
import { CTDC_COLUMNS, ctdcRow } from './htcds/ctdc-columns.js';
import type { ExportCase } from './htcds/export-case.js';
import { HTCDS_COLUMNS, type HtcdsRow, htcdsRow, spreadsheetCell } from './htcds/htcds-columns.js';
import { HTCDS_VERSION } from './htcds/value-sets.js';
import { cases } from './schema.js';
import type { CaseStatus } from './schemas.js';
import { caseFactsOf } from './store.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether the person's consent in force allows statistics or research (asked of the database, now). */
const consentAllowsStatistics = sql`(app_consent_allows(${cases.id}, 'statistics', null)
  or app_consent_allows(${cases.id}, 'research', null))`;

type Filters = { organisationId?: string | undefined };

async function readCases(db: Queryable, filters: Filters, onlyConsented: boolean): Promise<ExportCase[]> {
  const conditions = [
    filters.organisationId ? eq(cases.organisationId, filters.organisationId) : undefined,
    onlyConsented ? consentAllowsStatistics : undefined,
  ].filter((condition) => condition !== undefined);
  const rows = await db
    .select()
    .from(cases)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(cases.code));
  return rows.map((row) => ({
    code: row.code,
    status: row.status as CaseStatus,
    yearOfRegistration: row.createdAt.getUTCFullYear(),
    facts: caseFactsOf(row),
  })) as ExportCase[];
}

async function countCases(db: Queryable, filters: Filters): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(cases)
    .where(filters.organisationId ? eq(cases.organisationId, filters.organisationId) : undefined);
  return row?.count ?? 0;
}

export type HtcdsExport = {
  standard: 'HTCDS';
  version: string;
  exportedAt: string;
  columns: { name: string; label: string; extension: boolean }[];
  cases: HtcdsRow[];
};

export async function exportHtcds(db: Queryable, filters: Filters, now = new Date()): Promise<HtcdsExport> {
  const found = await readCases(db, filters, false);
  return {
    standard: 'HTCDS',
    version: HTCDS_VERSION,
    exportedAt: now.toISOString(),
    columns: HTCDS_COLUMNS.map(({ name, label, extension }) => ({ name, label, extension })),
    cases: found.map(htcdsRow),
  };
}

/**
 * The Excel template's layout: its first row holds the field names (the template hides it, for programs),
 * the second the labels people read, then one case per row.
 */
export async function htcdsWorkbook(exported: HtcdsExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('HTCDS');
  sheet.addRow(exported.columns.map((column) => column.name)).hidden = true;
  sheet.addRow(exported.columns.map((column) => column.label)).font = { bold: true };
  for (const row of exported.cases)
    sheet.addRow(exported.columns.map((column) => spreadsheetCell(row[column.name] ?? null)));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type MicrodataExport = { csv: string; included: number; withoutConsent: number };

/**
 * CTDC microdata of the consented cases. Rows are sorted by their content, not by case or date, so that
 * their order says nothing about when or where a case was opened.
 */
export async function exportMicrodata(db: Queryable, filters: Filters): Promise<MicrodataExport> {
  const consented = await readCases(db, filters, true);
  const total = await countCases(db, filters);
  const lines = consented
    .map((theCase) => {
      const row = ctdcRow(theCase);
      return stringify([CTDC_COLUMNS.map((column) => row[column] ?? '')]);
    })
    .sort();
  return {
    csv: stringify([[...CTDC_COLUMNS]]) + lines.join(''),
    included: consented.length,
    withoutConsent: total - consented.length,
  };
}
