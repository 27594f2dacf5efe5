// The import page's state: the file as the API takes it, and the mapping as the form holds it (text for every
// control), turned into the request body; with the page's own checks, filed under the paths the server uses.
import type { PlanFile, PlanImportMapping, PlanImportPreview } from '../../../plans/plan-import-schemas.js';
import type { FieldIssue } from '../../components/field-messages.js';

export type { PlanImportPreview };
export type ImportFormat = PlanFile['format'];

const FORMAT_OF_EXTENSION: Record<string, ImportFormat> = { xml: 'iati', csv: 'csv', xlsx: 'xlsx' };

export function formatOfFile(name: string): ImportFormat | null {
  return FORMAT_OF_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''] ?? null;
}

/** The file as the API takes it: text for XML and CSV, base64 for a workbook. */
export async function planFileOf(file: File, format: ImportFormat): Promise<PlanFile> {
  if (format !== 'xlsx') return { format, fileName: file.name, content: await file.text(), encoding: 'utf8' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: one call with every byte would exceed the engine's limit on arguments.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format, fileName: file.name, content: btoa(binary), encoding: 'base64' };
}

export type MappingDraft = {
  title: string;
  scope: NonNullable<PlanImportMapping['scope']>;
  countries: string[];
  start: string;
  end: string;
  coordinator: string;
  pillars: string[];
  owners: string[][];
};

export function mappingDraftOf(
  preview: PlanImportPreview,
  canCoordinate: (id: string) => boolean,
): MappingDraft {
  const { mapping } = preview;
  const coordinator = mapping.coordinatorOrganisationId ?? '';
  return {
    title: mapping.title ?? preview.plan.title,
    scope: mapping.scope ?? preview.plan.scope,
    countries: mapping.countries ?? preview.plan.countries,
    start: mapping.period?.start ?? '',
    end: mapping.period?.end ?? '',
    // A suggestion the person may not coordinate for is no suggestion: the server would refuse it.
    coordinator: coordinator && canCoordinate(coordinator) ? coordinator : '',
    pillars: mapping.objectives.map((objective) => objective.pillar ?? ''),
    owners: mapping.objectives.map((objective) => objective.measures.map((m) => m.ownerOrganisationId ?? '')),
  };
}

export function mappingOf(draft: MappingDraft): PlanImportMapping {
  return {
    title: draft.title.trim(),
    scope: draft.scope,
    countries: draft.countries,
    period: { start: draft.start, end: draft.end },
    coordinatorOrganisationId: draft.coordinator || null,
    objectives: draft.pillars.map((pillar, o) => ({
      pillar: (pillar || null) as PlanImportMapping['objectives'][number]['pillar'],
      measures: (draft.owners[o] ?? []).map((owner) => ({ ownerOrganisationId: owner || null })),
    })),
  };
}

export function checkMappingDraft(draft: MappingDraft): Map<string, FieldIssue[]> {
  const issues = new Map<string, FieldIssue[]>();
  const add = (path: string, code: string) => issues.set(path, [...(issues.get(path) ?? []), { code, path }]);
  if (draft.title.trim() === '') add('mapping.title', 'required');
  if (draft.countries.length === 0) add('mapping.countries', 'choose');
  if (!draft.start) add('mapping.period.start', 'required');
  if (!draft.end) add('mapping.period.end', 'required');
  if (draft.start && draft.end && draft.end < draft.start) add('mapping.period.end', 'date_order');
  if (!draft.coordinator) add('mapping.coordinatorOrganisationId', 'choose');
  draft.pillars.forEach((pillar, o) => {
    if (!pillar) add(`mapping.objectives.${o}.pillar`, 'choose');
  });
  draft.owners.forEach((owners, o) => {
    owners.forEach((owner, m) => {
      if (!owner) add(`mapping.objectives.${o}.measures.${m}.ownerOrganisationId`, 'choose');
    });
  });
  return issues;
}
