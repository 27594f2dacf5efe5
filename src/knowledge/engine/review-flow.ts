// The review flow of a knowledge item, and what a reader may do with one: pure rules, no I/O.
// draft → reviewed → published; a reviewed or published item goes back to draft to be changed.

export const KNOWLEDGE_TYPES = [
  'good_practice',
  'lesson_learned',
  'legislation',
  'case_law',
  'research',
  'training_material',
  'guideline',
] as const;
export type KnowledgeType = (typeof KNOWLEDGE_TYPES)[number];

export const KNOWLEDGE_STATUSES = ['draft', 'reviewed', 'published'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

/** The moves of the flow, named as the routes name them. */
export const REVIEW_MOVES = {
  review: { from: ['draft'], to: 'reviewed', byReviewer: true },
  publish: { from: ['reviewed'], to: 'published', byReviewer: true },
  return_to_draft: { from: ['reviewed', 'published'], to: 'draft', byReviewer: false },
} as const satisfies Record<
  string,
  { from: readonly KnowledgeStatus[]; to: KnowledgeStatus; byReviewer: boolean }
>;
export type ReviewMove = keyof typeof REVIEW_MOVES;

export type MoveCheck = { allowed: true; to: KnowledgeStatus } | { allowed: false; explanation: string };

const STATUS_WORDS: Record<KnowledgeStatus, string> = {
  draft: 'a draft',
  reviewed: 'reviewed',
  published: 'published',
};

/** Whether the item may make this move from where it is, and why not. */
export function checkMove(status: KnowledgeStatus, move: ReviewMove): MoveCheck {
  const rule = REVIEW_MOVES[move];
  if ((rule.from as readonly KnowledgeStatus[]).includes(status)) return { allowed: true, to: rule.to };
  const from = rule.from.map((s) => STATUS_WORDS[s]).join(' or ');
  return {
    allowed: false,
    explanation: `The item is ${STATUS_WORDS[status]}; only an item that is ${from} can be ${describeMove(move)}.`,
  };
}

function describeMove(move: ReviewMove): string {
  if (move === 'review') return 'marked reviewed';
  if (move === 'publish') return 'published';
  return 'returned to draft';
}

/** Who the reader is, as far as the item's actions go. */
export type Reader = {
  isSignedIn: boolean;
  /** Administrator or coordinator: reviews and publishes, and writes for every organisation. */
  isReviewer: boolean;
  /** Organisations whose items the reader writes (organisation administrator or editor there). */
  writesFor: readonly string[];
};

export type ItemActions = {
  edit: boolean;
  attach: boolean;
  review: boolean;
  publish: boolean;
  returnToDraft: boolean;
  translate: boolean;
};

/** What the reader may do next with an item, so that a screen offers only that. */
export function itemActions(
  item: { status: KnowledgeStatus; organisationId: string },
  reader: Reader,
): ItemActions {
  const writes = reader.isReviewer || reader.writesFor.includes(item.organisationId);
  const isDraft = item.status === 'draft';
  return {
    edit: writes && isDraft,
    attach: writes && isDraft,
    review: reader.isReviewer && checkMove(item.status, 'review').allowed,
    publish: reader.isReviewer && checkMove(item.status, 'publish').allowed,
    returnToDraft: writes && checkMove(item.status, 'return_to_draft').allowed,
    translate: reader.isReviewer || reader.writesFor.length > 0,
  };
}
