// What an IATI activity without Concerted's extension is about: counter-trafficking or not, and hints at a classification. Pure.
import { type CodeListName, codesOf } from '../../reference/vocabulary.js';
import type { ClassificationHintValue } from '../schema.js';
import hints from './iati-hints.json' with { type: 'json' };
import { findKeywordHints, findTraffickingTerm } from './keywords.js';
import type { Narrative } from './narratives.js';
import { childrenOf, type XmlNode } from './xml-tree.js';

type CodeHint = { pillar?: string; activityType?: string; targetGroups?: string[]; forms?: string[] };
const SECTOR_HINTS: Record<string, CodeHint> = hints.sectors;
const SDG_HINTS: Record<string, CodeHint> = hints.sdgTargets;
const PILLAR_DEFAULTS: Record<string, string> = hints.pillarDefaultActivityType;

export type NamedText = { field: 'title' | 'description'; narrative: Narrative };

export type Inferred = {
  /** Some source speaks of trafficking in persons itself (its words, or an SDG target that names it). */
  isTraffickingRelated: boolean;
  pillar: string | null;
  activityType: string | null;
  /** How the activity type was found, to be checked by a person ("assumed" when only the pillar was known). */
  activityTypeSource: string | null;
  isActivityTypeAssumed: boolean;
  forms: string[];
  targetGroups: string[];
  hints: ClassificationHintValue[];
};

/** DAC sectors (vocabulary 1, largest share first) and SDG targets (sector vocabulary 8, tag vocabulary 3). */
function codeHints(activity: XmlNode): ClassificationHintValue[] {
  const sectors = childrenOf(activity, 'sector');
  const dac = sectors
    .filter((s) => (s.attributes.vocabulary ?? '1') === '1')
    .sort((a, b) => Number(b.attributes.percentage ?? 100) - Number(a.attributes.percentage ?? 100))
    .flatMap((s) => {
      const hint = SECTOR_HINTS[s.attributes.code ?? ''];
      return hint ? [{ source: `DAC sector ${s.attributes.code}`, isTraffickingSignal: false, ...hint }] : [];
    });
  const sdg = [
    ...sectors.filter((s) => s.attributes.vocabulary === '8'),
    ...childrenOf(activity, 'tag').filter((t) => t.attributes.vocabulary === '3'),
  ].flatMap((s) => {
    const hint = SDG_HINTS[s.attributes.code ?? ''];
    // The three targets name trafficking in their text (5.2, 8.7, 16.2).
    return hint ? [{ source: `SDG target ${s.attributes.code}`, isTraffickingSignal: true, ...hint }] : [];
  });
  return [...dac, ...sdg];
}

/** Hints from the words of every title and description narrative, in whatever language they are written. */
function wordHints(texts: readonly NamedText[]): ClassificationHintValue[] {
  const found: ClassificationHintValue[] = [];
  for (const { field, narrative } of texts) {
    const where = `${field} (${narrative.lang ?? 'no language'})`;
    const trafficking = findTraffickingTerm(narrative.text);
    if (trafficking) found.push({ source: `${where}: “${trafficking.found}”`, isTraffickingSignal: true });
    for (const { hint, match } of findKeywordHints(narrative.text))
      found.push({
        source: `${where}: “${match.found}”`,
        isTraffickingSignal: false,
        ...(hint.activityType ? { activityType: hint.activityType } : {}),
        ...(hint.form ? { forms: [hint.form] } : {}),
        ...(hint.targetGroup ? { targetGroups: [hint.targetGroup] } : {}),
      });
  }
  return dedupe(found);
}

/** Codes once each, in their list's order: one canonical form, so that a re-import finds nothing changed. */
function inListOrder(list: CodeListName, codes: string[]): string[] {
  const order = codesOf(list);
  return [...new Set(codes)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function dedupe(list: ClassificationHintValue[]): ClassificationHintValue[] {
  const seen = new Set<string>();
  return list.filter((hint) => {
    const key = JSON.stringify({ ...hint, source: hint.source.replace(/^[^:]*: /, '') });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An activity is classified only when something speaks of trafficking itself: then the words, sectors and SDG
 * targets give its type (or, with only a pillar known, that pillar's usual type, to be checked). Otherwise it
 * stays unclassified, with every hint kept for the person who classifies it.
 */
export function inferClassification(
  activity: XmlNode,
  texts: readonly NamedText[],
  pillarOf: (activityType: string) => string | null,
): Inferred {
  const all = [...wordHints(texts), ...codeHints(activity)];
  const isTraffickingRelated = all.some((h) => h.isTraffickingSignal);
  const forms = inListOrder(
    'form_of_exploitation',
    all.flatMap((h) => h.forms ?? []),
  );
  const targetGroups = inListOrder(
    'target_group',
    all.flatMap((h) => h.targetGroups ?? []),
  );
  const none: Inferred = {
    isTraffickingRelated,
    pillar: null,
    activityType: null,
    activityTypeSource: null,
    isActivityTypeAssumed: false,
    forms: [],
    targetGroups: [],
    hints: all,
  };
  if (!isTraffickingRelated) return none;
  const typed = all.find((h) => h.activityType);
  if (typed?.activityType)
    return {
      ...none,
      pillar: pillarOf(typed.activityType),
      activityType: typed.activityType,
      activityTypeSource: typed.source,
      forms,
      targetGroups,
    };
  const withPillar = all.find((h) => h.pillar);
  if (withPillar?.pillar)
    return {
      ...none,
      pillar: withPillar.pillar,
      activityType: PILLAR_DEFAULTS[withPillar.pillar] ?? null,
      activityTypeSource: withPillar.source,
      isActivityTypeAssumed: true,
      forms,
      targetGroups,
    };
  return { ...none, forms, targetGroups };
}
