// The disclosure-risk report in sentences a coordinator understands without knowing what k means.
import type { GeneralisationSuggestion, RiskReport } from './risk.js';

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

/** The generalisation that helps most; and leaving a column out, when that helps more still. */
function describeSuggestion(report: Omit<RiskReport, 'sentences'>): string[] {
  const helps = (s: GeneralisationSuggestion) => s.recordsBelowK < report.recordsBelowK;
  const generalisation = report.suggestions.find((s) => !s.isRemoval && helps(s));
  const removal = report.suggestions.find((s) => s.isRemoval && helps(s));
  const sentences: string[] = [];
  if (generalisation) {
    const unknown =
      generalisation.unknownValues > 0
        ? ` (${plural(generalisation.unknownValues, 'value', 'values')} of ${generalisation.column} could not be generalised and stay as published)`
        : '';
    sentences.push(
      `Generalising ${generalisation.column} to ${generalisation.levelName} helps most: it leaves ${number(generalisation.recordsBelowK)} records below this threshold instead of ${number(report.recordsBelowK)}${unknown}.`,
    );
  }
  if (removal && (!generalisation || removal.recordsBelowK < generalisation.recordsBelowK)) {
    sentences.push(
      `Leaving ${removal.column} out altogether would leave ${number(removal.recordsBelowK)} records below this threshold.`,
    );
  }
  return sentences;
}
