// What an IATI activity says beyond its results, for drawing up a new plan from a file: who implements it
// (IATI's participating-org, OrganisationRole 4 Implementing, else 2 Accountable, else the reporting-org),
// its status and planned end, its recipient countries, and our own objective and plan elements. Pure.
import { narrativeOf } from '../../activities/import/narratives.js';
import { child, childrenOf, type XmlNode } from '../../activities/import/xml-tree.js';
import type { MeasureStatus, PlanScope } from './model.js';
import {
  CONCERTED_NS,
  type ImportedMeasureResults,
  type ImportedObjective,
  type ImportedPlanFacts,
  isIsoDate,
  isPillar,
  type NamedOrganisation,
} from './results-vocabulary.js';

/** IATI ActivityStatus codes as a measure's status; 3 (Finalisation) is work done, 6 (Suspended) not over. */
const STATUS_OF_ACTIVITY: Readonly<Record<string, MeasureStatus>> = {
  '1': 'planned',
  '2': 'in_progress',
  '3': 'completed',
  '4': 'completed',
  '5': 'cancelled',
  '6': 'in_progress',
};

const SCOPES: readonly PlanScope[] = ['national', 'regional', 'un_system'];

export type ActivityFacts = Pick<
  ImportedMeasureResults,
  'objective' | 'activityTitle' | 'owner' | 'deadline' | 'status'
>;

export function activityFactsOf(activity: XmlNode, lang: string | null): ActivityFacts {
  const status = STATUS_OF_ACTIVITY[child(activity, 'activity-status')?.attributes.code ?? ''];
  const end = childrenOf(activity, 'activity-date').find((date) => date.attributes.type === '3');
  const deadline = end?.attributes['iso-date']?.trim().slice(0, 10);
  return {
    objective: objectiveOf(child(activity, 'objective', CONCERTED_NS)),
    activityTitle: narrativeOf(child(activity, 'title'), lang) ?? undefined,
    owner: ownerOf(activity, lang),
    deadline: deadline && isIsoDate(deadline) ? deadline : undefined,
    status,
  };
}

function objectiveOf(node: XmlNode | undefined): ImportedObjective | undefined {
  const title = node?.attributes.title?.trim();
  if (!node || !title) return undefined;
  const pillar = node.attributes.pillar ?? '';
  return { id: node.attributes.id ?? null, title, pillar: isPillar(pillar) ? pillar : null };
}

function ownerOf(activity: XmlNode, lang: string | null): NamedOrganisation | undefined {
  const participants = childrenOf(activity, 'participating-org');
  const byRole = (role: string) => participants.find((org) => org.attributes.role === role);
  const node = byRole('4') ?? byRole('2') ?? child(activity, 'reporting-org');
  return node ? organisationOf(node, lang) : undefined;
}

function organisationOf(node: XmlNode, lang: string | null): NamedOrganisation | undefined {
  const ref = node.attributes.ref?.trim() || null;
  const name = narrativeOf(node, lang);
  return ref || name ? { ref, name } : undefined;
}

/** The plan as one activity tells it; the reader joins every activity's. */
export function planFactsOf(activity: XmlNode, lang: string | null): ImportedPlanFacts {
  const ours = child(activity, 'plan', CONCERTED_NS)?.attributes ?? {};
  const start = ours.start ?? '';
  const end = ours.end ?? '';
  const recipients = childrenOf(activity, 'recipient-country').flatMap((country) =>
    country.attributes.code ? [country.attributes.code.trim().toUpperCase()] : [],
  );
  const reporting = child(activity, 'reporting-org');
  return {
    title: ours.title?.trim() || undefined,
    scope: SCOPES.find((scope) => scope === ours.scope),
    period: isIsoDate(start) && isIsoDate(end) && start <= end ? { start, end } : undefined,
    countries: ours.countries ? ours.countries.split(/\s+/).filter(Boolean) : recipients,
    coordinator: reporting ? organisationOf(reporting, lang) : undefined,
  };
}

/** The first activity's facts, with the countries of all of them. */
export function joinPlanFacts(
  known: ImportedPlanFacts | undefined,
  next: ImportedPlanFacts,
): ImportedPlanFacts {
  if (!known) return next;
  const countries = [...new Set([...known.countries, ...next.countries])];
  return {
    title: known.title ?? next.title,
    scope: known.scope ?? next.scope,
    period: known.period ?? next.period,
    countries,
    coordinator: known.coordinator ?? next.coordinator,
  };
}
