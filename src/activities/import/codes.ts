// Reading codes as people type them in files: the code, its English label, or an IATI number. Pure.
import { getCodeListFile } from '../../reference/code-list-data.js';
import { type CodeListName, codesOf } from '../../reference/vocabulary.js';

const lookups = new Map<CodeListName, Map<string, string>>();

/** IATI's numeric codes for the lists that have them, in the lists' order (IATI ActivityStatus, OrganisationRole). */
const NUMBERED_LISTS: ReadonlySet<CodeListName> = new Set([
  'iati_activity_status',
  'iati_organisation_role',
  'gender_marker',
]);

function lookupFor(list: CodeListName): Map<string, string> {
  const cached = lookups.get(list);
  if (cached) return cached;
  const map = new Map<string, string>();
  const file = getCodeListFile(list);
  file.codes.forEach((entry, i) => {
    map.set(entry.code, entry.code);
    map.set(keyOf(entry.labels.en), entry.code);
    // Gender markers count from 0 (OECD DAC), the IATI lists from 1.
    if (NUMBERED_LISTS.has(list)) map.set(String(list === 'gender_marker' ? i : i + 1), entry.code);
  });
  lookups.set(list, map);
  return map;
}

function keyOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The code for what was typed, or null when the list has no such code or label. */
export function readCode(list: CodeListName, typed: string): string | null {
  // A file repeats the same few spellings on row after row: each is normalised once.
  let read = readings.get(list);
  if (!read) {
    read = new Map();
    readings.set(list, read);
  }
  const known = read.get(typed);
  if (known !== undefined) return known;
  const code = lookupFor(list).get(keyOf(typed)) ?? null;
  if (read.size < READINGS_KEPT) read.set(typed, code);
  return code;
}

/** What was typed → its code (null when none), per list, for at most READINGS_KEPT spellings each. */
const readings = new Map<CodeListName, Map<string, string | null>>();
const READINGS_KEPT = 10_000;

/** The sentence a person needs when a code is not known. */
export function unknownCode(list: CodeListName, typed: string): string {
  const some = codesOf(list).slice(0, 4).join(', ');
  return `"${typed}" is not a code of the ${list} list (for example ${some}); see /api/v1/reference/code-lists/${list}`;
}

/** The IATI number of a code in a numbered list ("implementation" → "2"). */
export function iatiNumberOf(list: CodeListName, code: string): string {
  const index = codesOf(list).indexOf(code);
  return String(list === 'gender_marker' ? index : index + 1);
}
