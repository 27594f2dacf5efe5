// Our codes to HTCDS values and back, read from the value sets; countries between ISO alpha-3 (ours) and
// the alpha-2 codes HTCDS asks for. Pure: no I/O.
import isoCountries from 'i18n-iso-countries';
import type { ValueSet } from './value-sets.js';

/** The HTCDS value our code is exported as; an unknown code is a bug in the value sets, so it throws. */
export function toHtcds(set: ValueSet, code: string): string {
  const value = set.fromCode[code];
  if (value === undefined) throw new Error(`${set.field}: no HTCDS value for the code "${code}"`);
  return value;
}

/** Our code for an HTCDS value (null when the value has none, such as "not specified"); undefined when unknown. */
export function fromHtcds(set: ValueSet, value: string): string | null | undefined {
  return set.values.find((entry) => entry.value === value)?.code;
}

/** Several codes to their HTCDS values, each value once, in the order of the value set. */
export function manyToHtcds(set: ValueSet, codes: readonly string[]): string[] {
  const wanted = new Set(codes.map((code) => toHtcds(set, code)));
  return set.values.map((entry) => entry.value).filter((value) => wanted.has(value));
}

export function toAlpha2(iso3: string): string {
  const alpha2 = isoCountries.alpha3ToAlpha2(iso3);
  if (!alpha2) throw new Error(`no ISO alpha-2 code for ${iso3}`);
  return alpha2;
}

export function fromAlpha2(alpha2: string): string | undefined {
  return isoCountries.alpha2ToAlpha3(alpha2) ?? undefined;
}
