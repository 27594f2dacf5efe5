// The declared limits of an uploaded XML file, and the problems that name them when a file goes beyond one.
import { AppError } from '../../platform/errors.js';

/**
 * What an XML upload may hold. Each limit is checked while the file is read, before the work it would cause:
 * a file beyond one is refused at that point, with the limit named (OWASP XML Security Cheat Sheet).
 */
export type XmlLimits = {
  /** Elements open at once, counted from the root; IATI activity files nest about 8 deep. */
  maxDepth: number;
  /** Elements in the whole file. */
  maxElements: number;
  /** Elements inside one record (one `iati-activity`), which is held in memory while it is read. */
  maxRecordElements: number;
  /** Characters of one element's text, one attribute value, one comment or one tag. */
  maxTextLength: number;
  /** Attributes on one element. */
  maxAttributes: number;
};

export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxDepth: 64,
  maxElements: 5_000_000,
  maxRecordElements: 100_000,
  maxTextLength: 200_000,
  maxAttributes: 100,
});

/** The limits to apply: the defaults, with what the caller declares instead. */
export function xmlLimitsOf(overrides: Partial<XmlLimits> = {}): XmlLimits {
  return { ...DEFAULT_XML_LIMITS, ...overrides };
}

const DESCRIPTIONS: Record<keyof XmlLimits, string> = {
  maxDepth: 'elements nested inside each other',
  maxElements: 'elements in one file',
  maxRecordElements: 'elements in one activity',
  maxTextLength: 'characters in one text, attribute, comment or tag',
  maxAttributes: 'attributes on one element',
};

/** A file beyond a declared limit: 413, naming the limit, its value and where the file went beyond it. */
export function xmlLimitExceeded(limit: keyof XmlLimits, value: number, line: number): AppError {
  const message = `The file goes beyond the limit of ${value.toLocaleString('en')} ${DESCRIPTIONS[limit]} (${limit}) at line ${line}; nothing was imported. Split the file or remove what is not IATI data.`;
  return new AppError('xml_limit_exceeded', message, [{ path: 'file', code: limit, message }]);
}

/** A file that is not XML we read: malformed, or with a DOCTYPE (refused: entities can expand without bound). */
export function xmlRefused(reason: 'doctype' | 'malformed', detail: string, line: number): AppError {
  const message =
    reason === 'doctype'
      ? `The file has a DOCTYPE declaration at line ${line}; IATI files have none, and they are refused because their entities can expand without bound. Remove the DOCTYPE and import again.`
      : `The file is not well-formed XML at line ${line}: ${detail}. Check that it is a complete IATI activity file saved as UTF-8.`;
  return new AppError('xml_not_accepted', message, [{ path: 'file', code: reason, message }]);
}
