// What an export reads of a case: its code, status, year of registration and the facts kept in the clear.
// Never anything from the person record.
import type { CaseFacts, CaseStatus } from '../schemas.js';

export type ExportCase = {
  code: string;
  status: CaseStatus;
  yearOfRegistration: number;
  facts: Required<CaseFacts>;
};

/** Age bands of children, for majority status (CTDC: under 18 is a minor). */
export const MINOR_AGE_BANDS: ReadonlySet<string> = new Set(['0-8', '9-17']);

export function majorityStatus(band: string | null): 'Minor' | 'Adult' | '' {
  if (band === null) return '';
  return MINOR_AGE_BANDS.has(band) ? 'Minor' : 'Adult';
}
