// The printable pre-departure checklist: the steps everyone going abroad should take, in a fixed order, and
// those the findings call for, each saying which finding put it there.
import type { Language } from '../../reference/schemas.js';
import { FINDINGS } from './constants.js';
import type { ChecklistItem, ChecklistItemId, FindingId } from './result-schemas.js';
import type { OfferAnswers, WarningSign } from './schemas.js';
import { OFFER_TEXTS, say } from './texts.js';

type ItemRule = {
  id: ChecklistItemId;
  isAlwaysListed: boolean;
  /** Findings that make the item urgent, or put it on the list when it is not always there. */
  isRelated: (finding: FindingId) => boolean;
  isCalledForBy?: (answers: OfferAnswers) => boolean;
};

const ofSigns =
  (...signs: WarningSign[]) =>
  (finding: FindingId) =>
    signs.includes(FINDINGS[finding].sign);
const isFlag = (finding: FindingId) => FINDINGS[finding].severity !== 'find_out';
const isFindOut = (finding: FindingId) => FINDINGS[finding].severity === 'find_out';
const none = () => false;

/** The order of the printed list: what to settle first, then what to carry, then whom to tell. */
const ITEMS: readonly ItemRule[] = [
  { id: 'resolve_warning_signs', isAlwaysListed: false, isRelated: isFlag },
  { id: 'get_answers_in_writing', isAlwaysListed: false, isRelated: isFindOut },
  { id: 'keep_contract_copy', isAlwaysListed: true, isRelated: ofSigns('contract', 'job_change') },
  { id: 'keep_passport', isAlwaysListed: true, isRelated: ofSigns('documents') },
  { id: 'copies_of_documents', isAlwaysListed: true, isRelated: ofSigns('documents') },
  { id: 'check_visa', isAlwaysListed: true, isRelated: none },
  { id: 'pay_in_writing', isAlwaysListed: true, isRelated: ofSigns('pay') },
  { id: 'employer_details', isAlwaysListed: true, isRelated: ofSigns('employer') },
  {
    id: 'check_agency_licence',
    isAlwaysListed: false,
    isRelated: ofSigns('agency'),
    isCalledForBy: (answers) => answers.offered_by === 'agency',
  },
  { id: 'no_fees_keep_receipts', isAlwaysListed: true, isRelated: ofSigns('fees') },
  { id: 'no_debt_for_work', isAlwaysListed: false, isRelated: ofSigns('debt') },
  { id: 'tell_someone', isAlwaysListed: true, isRelated: ofSigns('movement') },
  { id: 'emergency_numbers', isAlwaysListed: true, isRelated: ofSigns('movement', 'documents') },
  { id: 'own_phone_and_money', isAlwaysListed: true, isRelated: ofSigns('movement', 'debt') },
];

/** `findings` are the check's flags and "find out" notes (or just their ids). */
export function buildChecklist(
  answers: OfferAnswers,
  findings: readonly { id: FindingId }[],
  language: Language,
): ChecklistItem[] {
  const ids = findings.map((finding) => finding.id);
  return ITEMS.flatMap((item) => {
    const because = ids.filter(item.isRelated);
    const isListed = item.isAlwaysListed || because.length > 0 || (item.isCalledForBy?.(answers) ?? false);
    return isListed ? [{ id: item.id, text: say(OFFER_TEXTS.checklist[item.id], language), because }] : [];
  });
}
