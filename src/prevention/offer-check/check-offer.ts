// The job-offer check as one pure call: answers and what the server looked up in, flags, "find out" notes,
// a summary, the pay comparison and the contacts out, in the reader's language. Nothing is stored here.

import { describePay, destinationName, explainFinding, findingValues } from './explain.js';
import { resolveContacts } from './resolve-contacts.js';
import type { Finding, OfferCheckResult } from './result-schemas.js';
import { findWarningSigns, gatherFacts } from './rules.js';
import type { OfferAnswers, OfferCheckContext } from './schemas.js';
import { summarise } from './summary.js';

const SEVERITY_ORDER = { serious: 0, warning: 1, find_out: 2 } as const;

/** Serious flags first; within a severity, the order of the warning signs (Array.sort is stable). */
function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

export function checkOffer(answers: OfferAnswers, context: OfferCheckContext): OfferCheckResult {
  const { language } = context;
  const facts = gatherFacts(answers, context);
  const values = findingValues(facts, language);
  const findings = findWarningSigns(answers, facts).map((raw) => explainFinding(raw, language, values));
  const flags = findings.filter((finding) => finding.severity !== 'find_out').sort(bySeverity);
  const findOut = findings.filter((finding) => finding.severity === 'find_out');
  const citizenship = answers.citizenship_country;
  return {
    flags,
    findOut,
    summary: summarise(answers, flags, findOut, language),
    pay:
      facts.pay.kind === 'compared'
        ? describePay(facts.pay, destinationName(facts, language), language)
        : null,
    contacts: resolveContacts(
      facts.contacts,
      citizenship && citizenship !== 'unknown' ? citizenship : null,
      language,
    ),
  };
}
