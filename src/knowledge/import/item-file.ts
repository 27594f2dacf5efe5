// One file of a library import: an item's metadata and text as JSON, its attachments named in it and kept
// beside it. Checking a file is pure: each problem says where it is, what is wrong and how to fix it.
import { z } from 'zod';
import { PlainText } from '../../platform/fields.js';
import { checkParticulars, itemFields, KnowledgeStatus } from '../schemas.js';

export const ItemFile = z
  .object({
    ...itemFields,
    organisation: PlainText(300).describe(
      'The authoring organisation, by its name in the registry (or its id)',
    ),
    status: KnowledgeStatus.default('draft').describe('draft, reviewed or published'),
    translationOf: PlainText(255)
      .nullable()
      .default(null)
      .describe('Another file of the same directory (or an item id) this one is a translation of'),
    attachments: z
      .array(PlainText(255))
      .max(20)
      .default([])
      .describe('PDF or DOCX files beside this one, by their names'),
  })
  .strict()
  .superRefine(checkParticulars);
export type ItemFile = z.infer<typeof ItemFile>;

export type FileProblem = {
  file: string;
  /** Where in the file: a dotted field path, "line 3, column 7" for broken JSON, or "" for the whole file. */
  where: string;
  problem: string;
  fix: string;
};

export type CheckedFile = { ok: true; item: ItemFile } | { ok: false; problems: FileProblem[] };

/** Parses and checks one file's text; every problem is reported, not only the first. */
export function checkItemFile(file: string, text: string): CheckedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [jsonProblem(file, text, error)] };
  }
  const parsed = ItemFile.safeParse(value);
  if (parsed.success) return { ok: true, item: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issueProblem(file, issue)) };
}

function jsonProblem(file: string, text: string, error: unknown): FileProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
  const where = Number.isNaN(position) ? '' : lineAndColumn(text, position);
  return {
    file,
    where,
    problem: `the file is not valid JSON (${message})`,
    fix: 'correct the JSON at that place: a missing comma, quote or bracket is the usual cause',
  };
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function issueProblem(file: string, issue: z.core.$ZodIssue): FileProblem {
  const where = issue.path.map(String).join('.');
  return { file, where, problem: issue.message, fix: fixFor(issue) };
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `remove ${issue.keys.join(', ')}: an item has no such field (and never the name of a person)`;
    case 'invalid_value':
      return `use one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined
        ? `add this field (${issue.expected})`
        : `give a ${issue.expected} here`;
    case 'too_big':
      return `shorten it to at most ${String(issue.maximum)}`;
    case 'too_small':
      return `give at least ${String(issue.minimum)}`;
    case 'invalid_format':
      return `write it as a ${issue.format}`;
    default:
      return 'correct the value as the problem says';
  }
}
