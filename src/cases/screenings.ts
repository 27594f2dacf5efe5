// Screenings kept on a case. The result is recomputed from the stored answers with the stored rule version
// when read, so that it is explained in the reader's language; the outcomes are also kept as given then.
import { desc, eq, sql } from 'drizzle-orm';
import { users } from '../access/schema.js';
import type { Transaction } from '../platform/db.js';
import type { Language } from '../reference/schemas.js';
import { caseScreenings, cases } from './schema.js';
import type { Outcome, ScreeningAnswers, ScreeningResult } from './screening/index.js';
import { screenAnswers } from './screening/index.js';

type StoredAnswers = Omit<ScreeningAnswers, 'description'>;

export async function keepScreening(
  tx: Transaction,
  caseId: string,
  answers: StoredAnswers,
  language: Language,
  userId: string,
): Promise<ScreeningResult & { id: string }> {
  const result = screenAnswers(answers, language, 'body');
  const [row] = await tx
    .insert(caseScreenings)
    .values({
      caseId,
      rulesVersion: result.rulesVersion,
      ageAtRecruitment: answers.ageAtRecruitment ?? null,
      answers: answers.answers ?? {},
      indicators: answers.indicators ?? [],
      outcomes: result.outcomes,
      screenedBy: userId,
    })
    .returning({ id: caseScreenings.id });
  await tx.update(cases).set({ updatedAt: sql`now()` }).where(eq(cases.id, caseId));
  return { id: row?.id ?? '', ...result };
}

export async function listScreenings(tx: Transaction, caseId: string) {
  const rows = await tx
    .select({ screening: caseScreenings, screenedBy: users.displayName })
    .from(caseScreenings)
    .leftJoin(users, eq(users.id, caseScreenings.screenedBy))
    .where(eq(caseScreenings.caseId, caseId))
    .orderBy(desc(caseScreenings.screenedAt));
  return rows.map(({ screening, screenedBy }) => ({
    id: screening.id,
    rulesVersion: screening.rulesVersion,
    outcomes: screening.outcomes as Outcome[],
    screenedBy,
    screenedAt: screening.screenedAt.toISOString(),
  }));
}

/** One kept screening, explained again in the reader's language with the rules it was made with. */
export async function readScreening(
  tx: Transaction,
  caseId: string,
  screeningId: string,
  language: Language,
): Promise<(ScreeningResult & { id: string }) | null> {
  const [row] = await tx.select().from(caseScreenings).where(eq(caseScreenings.id, screeningId));
  if (!row || row.caseId !== caseId) return null;
  const answers = {
    rulesVersion: row.rulesVersion,
    ageAtRecruitment: row.ageAtRecruitment,
    answers: row.answers,
    indicators: row.indicators,
  };
  return { id: row.id, ...screenAnswers(answers, language) };
}
