// The disclosure-risk report in sentences a coordinator understands without knowing what k means.
import type { RiskReport } from './risk.js';

const number = (value: number) => value.toLocaleString('en-US');

/** "3 %", or one decimal below 10 % so that small shares do not read as zero. */
export function percent(share: number): string {
  const value = share * 100;
  if (value === 0) return '0 %';
  if (value < 0.1) return 'under 0.1 %';
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} %`;
}

export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const plural = (count: number, one: string, many: string) => `${number(count)} ${count === 1 ? one : many}`;

export function describeRisk(report: Omit<RiskReport, 'sentences'>): string[] {
  const combination = listWords(report.quasiIdentifiers);
  const others = report.k - 1;
  const sentences: string[] = [];
  if (report.recordsBelowK === 0) {
    sentences.push(
      `Every one of the ${number(report.recordCount)} records shares its combination of ${combination} with at least ${plural(others, 'other', 'others')}.`,
    );
  } else {
    sentences.push(
      `${number(report.recordsBelowK)} of ${number(report.recordCount)} records (${percent(report.shareBelowK)}) share their combination of ${combination} with fewer than ${plural(others, 'other', 'others')}.`,
    );
  }
  if (report.uniqueRecords > 0) {
    sentences.push(
      `${plural(report.uniqueRecords, 'record is', 'records are')} unique: no other record has the same ${combination}.`,
    );
  }
  for (const diversity of report.diversity) {
    if (diversity.classesBelowL === 0) continue;
    const sameValue =
      report.l === 2
        ? `every record has the same ${diversity.column} (or none recorded)`
        : `${diversity.column} takes fewer than ${report.l} different values`;
    sentences.push(
      `In ${plural(diversity.classesBelowL, 'group', 'groups')} of records alike in ${combination} (${plural(diversity.recordsBelowL, 'record', 'records')}), ${sameValue}: whoever knows a person's ${combination} learns it.`,
    );
  }
  sentences.push(...describeSuggestion(report));
  sentences.push(
    report.verdict === 'safe'
      ? 'Verdict: safe to share at this level of detail.'
      : 'Verdict: at risk. Generalise or remove a column, or leave out these records, before sharing.',
  );
  return sentences;
}

function describeSuggestion(report: Omit<RiskReport, 'sentences'>): string[] {
  const best = report.suggestions[0];
  if (!best || best.recordsBelowK >= report.recordsBelowK) return [];
  const unknown =
    best.unknownValues > 0
      ? ` (${plural(best.unknownValues, 'value', 'values')} of ${best.column} could not be generalised and stay as published)`
      : '';
  return [
    `Generalising ${best.column} to ${best.levelName} helps most: it leaves ${number(best.recordsBelowK)} records below this threshold instead of ${number(report.recordsBelowK)}${unknown}.`,
  ];
}
