// Writes a synthetic file in the UNODC data file's layout: invented figures, any number of rows.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { buildCountryList } from '../../src/reference/index.js';
import { GLOTIP_COLUMNS } from '../../src/statistics/import/glotip.js';

const INDICATORS = [
  'Detected trafficking victims',
  'Persons prosecuted',
  'Persons convicted',
  'Persons brought into formal contact',
];
const SEXES = ['Total', 'Female', 'Male'];
const AGES = ['Total', 'Adult', 'Minor'];
const FORMS = [
  'Sexual exploitation',
  'Forced labour',
  'Domestic servitude',
  'Forced marriage',
  'Forced criminal activity',
  'Forced begging',
  'Removal of organs',
  'Illegal adoption',
  'Child soldiers',
  'Mixed exploitation',
  'Other purposes',
];

/** Every cell of one country and year: indicator × sex × age × (total, forms, citizenships). */
function breakdowns(citizenships: readonly string[]): [string, string][] {
  return [
    ['Total', 'Total'],
    ...FORMS.map((form): [string, string] => ['by form of exploitation', form]),
    ...citizenships.map((name): [string, string] => ['by citizenship', name]),
  ];
}

/** A fast deterministic generator (xorshift), so two runs write the same file. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export type GeneratedFile = { rows: number; bytes: number; countries: number; years: number[] };

/** Writes `rows` data rows (after one header row; no preamble, so PostgreSQL's COPY can read it too). */
export async function writeGlotipFile(path: string, rows: number): Promise<GeneratedFile> {
  const countries = buildCountryList().filter((c) => c.regionCode !== null);
  const citizenships = countries.slice(0, 50).map((c) => c.names.en.replaceAll(',', ''));
  const cells = breakdowns(citizenships);
  const next = random(20260);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${GLOTIP_COLUMNS.join(',')}\n`);
  let written = 0;
  const years: number[] = [];
  let chunk = '';
  outer: for (let year = 2003; ; year += 1) {
    years.push(year);
    for (const country of countries) {
      const prefix = `${country.iso3},${country.names.en.replaceAll(',', '')},Region,Subregion,`;
      for (const indicator of INDICATORS) {
        for (const sex of SEXES) {
          for (const age of AGES) {
            for (const [dimension, category] of cells) {
              const count = Math.floor(next() * 200);
              chunk += `${prefix}${indicator},${dimension},${category},${sex},${age},${year},Counts,${count < 5 ? '<5' : count},Synthetic benchmark data\n`;
              written += 1;
              if (chunk.length > 1 << 20) {
                await write(chunk);
                chunk = '';
              }
              if (written === rows) break outer;
            }
          }
        }
      }
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return { rows: written, bytes, countries: countries.length, years };
}
