// Use case: measures that check themselves. For every indicator whose data source is a statistics query or a
// count of 4W activities, and each of its target periods that has begun, the actual is read again and written as
// an approved report that says where it came from, replacing the previous automatic report for the same period
// and people only when it says something else: running it twice changes nothing. Automatic reports have no
// submitter, so this runs as the system (the owner's connection, through the plans tables' upkeep policies).
import { inArray, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { textArray } from '../platform/sql-arrays.js';
import {
  type AutomaticReport,
  automaticReport,
  isAutomaticReport,
  keyOf,
  SOURCE_KINDS,
  type SourceKind,
  saysTheSame,
  type WantedActual,
  wantedActuals,
} from './engine/automatic-actuals.js';
import { newReadingMemo, type ReadingMemo, readActuals } from './indicator-readings.js';
import { type ReportRow, readPlan } from './read-plan.js';
import { planProgressReports } from './schema.js';

export type RefreshOptions = {
  /** The day the readings are for: periods begun by then are read, and counts are dated with it. */
  today: string;
  /** One plan; every plan with a self-checking indicator otherwise. */
  planId?: string | undefined;
  /** Only indicators with these sources (after an activities change, the counts alone). */
  kinds?: readonly SourceKind[];
  /** Told after each plan, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
};

export type RefreshSummary = {
  plans: number;
  /** Actuals asked of their sources. */
  read: number;
  /** Reports written (new, or replacing one that said something else). */
  written: number;
  unchanged: number;
  /** Actuals whose source has no figure (yet): nothing is written for them. */
  withoutFigure: number;
};

export async function refreshIndicators(db: Queryable, options: RefreshOptions): Promise<RefreshSummary> {
  const kinds = options.kinds ?? SOURCE_KINDS;
  const planIds = options.planId ? [options.planId] : await plansWithSources(db, kinds);
  const summary: RefreshSummary = {
    plans: planIds.length,
    read: 0,
    written: 0,
    unchanged: 0,
    withoutFigure: 0,
  };
  const memo = newReadingMemo();
  for (const [index, planId] of planIds.entries()) {
    await refreshPlan(db, planId, options.today, kinds, memo, summary);
    options.onProgress?.(index + 1, planIds.length);
  }
  return summary;
}

/** The plans that have an indicator reading one of these sources, in a stable order. */
async function plansWithSources(db: Queryable, kinds: readonly SourceKind[]): Promise<string[]> {
  const rows = await rowsOf<{ planId: string }>(
    db,
    sql`SELECT DISTINCT plan_id AS "planId" FROM plan_indicators
        WHERE source->>'kind' = ANY(${textArray(kinds)}::text[]) ORDER BY plan_id`,
  );
  return rows.map((row) => row.planId);
}

async function refreshPlan(
  db: Queryable,
  planId: string,
  today: string,
  kinds: readonly SourceKind[],
  memo: ReadingMemo,
  summary: RefreshSummary,
): Promise<void> {
  const stored = await readPlan(db, planId);
  const wanted = wantedActuals(stored.plan, today, kinds);
  if (wanted.length === 0) return;
  const readings = await readActuals(db, stored.plan, wanted, today, memo);
  const previous = automaticReportsBySlot(stored.reports.values());
  const replaced: string[] = [];
  const written: AutomaticReport[] = [];
  summary.read += wanted.length;
  for (const [index, item] of wanted.entries()) {
    const reading = readings[index];
    if (!reading) {
      summary.withoutFigure += 1;
      continue;
    }
    const next = automaticReport(item, reading, today);
    const before = previous.get(slotOf(item)) ?? [];
    if (before.length === 1 && before[0] && saysTheSame(before[0], next)) {
      summary.unchanged += 1;
      continue;
    }
    replaced.push(...before.map((row) => row.id));
    written.push(next);
  }
  await writeReports(db, planId, replaced, written);
  summary.written += written.length;
}

function slotOf(item: WantedActual): string {
  return `${item.indicator.id}|${keyOf(item.period, item.disaggregation)}`;
}

function automaticReportsBySlot(rows: Iterable<ReportRow>): Map<string, ReportRow[]> {
  const bySlot = new Map<string, ReportRow[]>();
  for (const row of rows) {
    if (!isAutomaticReport(row)) continue;
    const disaggregation = {
      sex: (row.sex ?? undefined) as AutomaticReport['sex'],
      age: (row.age ?? undefined) as AutomaticReport['age'],
    };
    const slot = `${row.indicatorId}|${keyOf({ start: row.periodStart, end: row.periodEnd }, disaggregation)}`;
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), row]);
  }
  return bySlot;
}

async function writeReports(
  db: Queryable,
  planId: string,
  replaced: readonly string[],
  written: readonly AutomaticReport[],
): Promise<void> {
  if (replaced.length > 0)
    await db.delete(planProgressReports).where(inArray(planProgressReports.id, [...replaced]));
  if (written.length === 0) return;
  await db.insert(planProgressReports).values(
    written.map((report) => ({
      planId,
      indicatorId: report.indicatorId,
      periodStart: report.start,
      periodEnd: report.end,
      sex: report.sex ?? null,
      age: report.age ?? null,
      value: report.value,
      status: report.status,
      sourceNote: report.sourceNote,
      submittedBy: null,
      approvedBy: null,
      approvedAt: sql`now()`,
    })),
  );
}
