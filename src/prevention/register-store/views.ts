// The register's answers as the API gives them: every key the engine returns, and beside it the sentence
// in the reader's language, so that a page, a script or a phone reads the same words.
import type { FastifyRequest } from 'fastify';
import { readerLanguage } from '../../knowledge/engine/reader-language.js';
import type { Language } from '../../reference/schemas.js';
import { say } from '../offer-check/texts.js';
import {
  DEFAULT_RISK_RULES,
  type ImportProblem,
  type PublicEntry,
  REGISTER_TEXTS,
  type RegisterImport,
  sayAnswer,
  sayMatch,
  sayNote,
  saySign,
  saySmallCountRule,
  sayStanding,
  standingOn,
} from '../register/index.js';
import type { AgencyView, ImportPreview, LookupView } from './api-schemas.js';
import type { RegisterSearch } from './lookup.js';
import type { StoredAgency } from './read.js';

/** ?lang, else the first of the six in Accept-Language, else English. */
export function languageOf(request: FastifyRequest, asked: Language | undefined): Language {
  const header = request.headers['accept-language'];
  return readerLanguage(asked, Array.isArray(header) ? header[0] : header) ?? 'en';
}

export function agencyViewOf(
  entry: PublicEntry,
  stored: Pick<StoredAgency, 'id' | 'keeperOrganisationId' | 'version'>,
  language: Language,
): AgencyView {
  const texts = REGISTER_TEXTS;
  return {
    ...entry,
    id: stored.id,
    keeperOrganisationId: stored.keeperOrganisationId,
    version: stored.version,
    sentences: {
      kind: say(texts.kinds[entry.kind], language),
      state: say(texts.states[entry.standing.state], language),
      standing: sayStanding(entry.standing, language),
      signs: entry.signs.map((sign) => saySign(sign, language)),
      lastInspection: entry.lastInspection
        ? say(texts.inspectionOutcomes[entry.lastInspection.outcome], language)
        : null,
      sanctionsInForce: entry.sanctionsInForce.map((sanction) =>
        say(texts.sanctionKinds[sanction.kind], language),
      ),
    },
  };
}

export function lookupViewOf(
  search: RegisterSearch,
  page: { offset: number; limit: number; language: Language },
): LookupView {
  const { answer } = search;
  const { language } = page;
  return {
    answer: {
      status: answer.lookup.status,
      checkedOn: answer.lookup.checkedOn ?? '',
      sentence: sayAnswer(answer.lookup.status, language),
      note: answer.note ? { ...answer.note, sentence: sayNote(answer.note, language) } : null,
      agencyId: answer.agencyId,
    },
    matches: search.matches.map((match) => {
      const id = match.entry.id ?? '';
      const meta = search.stored.get(id) ?? { id, keeperOrganisationId: null, version: 1 };
      return {
        agency: agencyViewOf(match.entry, meta, language),
        strength: match.strength,
        score: match.score,
        why: { ...match.why, sentence: sayMatch(match.why, language) },
      };
    }),
    total: search.total,
    offset: page.offset,
    limit: page.limit,
    language,
    smallCountRule: saySmallCountRule(DEFAULT_RISK_RULES.minimumShownCount, language),
  };
}

export function problemViewOf(problem: ImportProblem) {
  const { row, column, columnName, field, code, problem: what, fix } = problem;
  return { row, column, columnName, field, code, problem: what, fix };
}

/** What a file holds, as the preview shows it: agencies with each licence's state today, problems, notes. */
export function previewOf(fileName: string, imported: RegisterImport, asOf: string): ImportPreview {
  return {
    fileName,
    headerRow: imported.headerRow,
    agencies: imported.agencies.map(({ record, rows }) => ({
      name: record.name,
      kind: record.kind,
      country: record.country,
      registrationNumber: record.registrationNumber,
      rows,
      licences: record.licences.map((licence) => ({
        number: licence.number,
        state: standingOn([licence], asOf).state,
        validUntil: licence.validUntil,
      })),
    })),
    problems: imported.problems.map(problemViewOf),
    notes: imported.notes.map(problemViewOf),
    counts: imported.counts,
  };
}
