// Items as the API shows them: dates as ISO strings, attachments without bytes, the other versions the
// reader may see, and what the reader may do next (so that a screen offers only that).
import type { Principal } from '../access/policy.js';
import type { AttachmentRecord } from './attachment-store.js';
import { itemActions, type Reader } from './engine/review-flow.js';
import type { ItemView } from './schemas.js';
import type { ItemRecord } from './store.js';

const REVIEWER_ROLES = new Set(['admin', 'coordinator']);
const WRITER_ROLES = new Set(['org_admin', 'editor']);

export function readerOf(principal: Principal): Reader {
  if (principal.kind === 'anonymous') return { isSignedIn: false, isReviewer: false, writesFor: [] };
  return {
    isSignedIn: true,
    isReviewer: principal.memberships.some((m) => REVIEWER_ROLES.has(m.role)),
    writesFor: principal.memberships.filter((m) => WRITER_ROLES.has(m.role)).map((m) => m.organisationId),
  };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function translationRefs(versions: readonly ItemRecord[], except: string) {
  return versions
    .filter((version) => version.id !== except)
    .map((version) => ({
      id: version.id,
      language: version.language,
      title: version.title,
      status: version.status,
    }));
}

export function itemView(
  item: ItemRecord,
  context: {
    attachments: readonly AttachmentRecord[];
    versions: readonly ItemRecord[];
    requestedLanguageAvailable: boolean;
    principal: Principal;
  },
): ItemView {
  return {
    id: item.id,
    translationGroup: item.translationGroup,
    type: item.type,
    language: item.language,
    title: item.title,
    summary: item.summary,
    body: item.body,
    organisation: { id: item.organisationId, name: item.organisationName },
    year: item.year,
    countries: item.countries,
    pillars: item.pillars,
    forms: item.forms,
    targetGroups: item.targetGroups,
    legislation: item.legislation,
    caseLaw: item.caseLaw,
    status: item.status,
    version: item.version,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    reviewedAt: iso(item.reviewedAt),
    publishedAt: iso(item.publishedAt),
    attachments: context.attachments
      .filter((attachment) => attachment.itemId === item.id)
      .map((attachment) => ({
        id: attachment.id,
        fileName: attachment.fileName,
        mediaType: attachment.mediaType,
        byteSize: attachment.byteSize,
        createdAt: attachment.createdAt.toISOString(),
      })),
    translations: translationRefs(context.versions, item.id),
    requestedLanguageAvailable: context.requestedLanguageAvailable,
    can: itemActions(item, readerOf(context.principal)),
  };
}
