import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../reference/schemas.js';
import { checkOffer } from './check-offer.js';
import { buildChecklist } from './checklist.js';
import { CLEAN_OFFER, exampleContext } from './offer.fixtures.js';
import { CHECKLIST_ITEM_IDS, type ChecklistItemId } from './result-schemas.js';
import type { OfferAnswers } from './schemas.js';

function checklistFor(answers: OfferAnswers, language: 'en' | 'ar' | 'ru' = 'en') {
  const result = checkOffer(answers, exampleContext({ language }));
  return buildChecklist(answers, [...result.flags, ...result.findOut], language);
}

const ids = (items: { id: ChecklistItemId }[]) => items.map((item) => item.id);

const ALWAYS: ChecklistItemId[] = [
  'keep_contract_copy',
  'keep_passport',
  'copies_of_documents',
  'check_visa',
  'pay_in_writing',
  'employer_details',
  'no_fees_keep_receipts',
  'tell_someone',
  'emergency_numbers',
  'own_phone_and_money',
];

describe('the pre-departure checklist', () => {
  it('lists the steps for everyone going abroad, none urgent, for an offer with no warning sign', () => {
    const items = checklistFor({ ...CLEAN_OFFER, offered_by: 'employer' });
    expect(ids(items)).toEqual(ALWAYS);
    expect(items.every((item) => item.because.length === 0)).toBe(true);
  });

  it('puts clearing up the warning signs first, and says which flag makes an item urgent', () => {
    const items = checklistFor({ ...CLEAN_OFFER, fee_charged: 'yes' });
    expect(items[0]).toMatchObject({ id: 'resolve_warning_signs', because: ['recruitment_fee'] });
    expect(items.find((item) => item.id === 'no_fees_keep_receipts')?.because).toEqual(['recruitment_fee']);
  });

  it('adds written answers and the debt step when debts are unknown', () => {
    const items = checklistFor({ ...CLEAN_OFFER, offered_by: 'employer', debt_or_advance: 'unknown' });
    expect(ids(items)).toEqual([
      'get_answers_in_writing',
      ...ALWAYS.slice(0, 7),
      'no_debt_for_work',
      ...ALWAYS.slice(7),
    ]);
  });

  it('asks to check the licence whenever an agency recruits', () => {
    expect(ids(checklistFor(CLEAN_OFFER))).toContain('check_agency_licence');
    expect(ids(checklistFor({ ...CLEAN_OFFER, offered_by: 'employer' }))).not.toContain(
      'check_agency_licence',
    );
  });

  it('keeps its order whatever the findings', () => {
    const all = checklistFor({
      fee_charged: 'yes',
      debt_or_advance: 'yes',
      offered_by: 'agency',
      pay: 'unknown',
    });
    expect(ids(all)).toEqual(CHECKLIST_ITEM_IDS.filter((id) => ids(all).includes(id)));
    expect(ids(all)).toEqual([...CHECKLIST_ITEM_IDS]);
  });

  it('is written in the reader’s language', () => {
    expect(checklistFor(CLEAN_OFFER, 'en').find((item) => item.id === 'keep_passport')?.text).toBe(
      'Keep your passport and identity papers yourself. Never hand them over for someone else to keep.',
    );
    expect(checklistFor(CLEAN_OFFER, 'ar').find((item) => item.id === 'keep_passport')?.text).toBe(
      'احتفظ بجواز سفرك وأوراقك الثبوتية بنفسك، ولا تسلّمها أبداً لغيرك ليحتفظ بها.',
    );
    expect(checklistFor(CLEAN_OFFER, 'ru').find((item) => item.id === 'keep_passport')?.text).toBe(
      'Держите паспорт и документы при себе. Никогда не отдавайте их никому на хранение.',
    );
    for (const language of LANGUAGES) {
      const items = buildChecklist(
        { offered_by: 'agency' },
        [{ id: 'recruitment_fee' }, { id: 'ask_about_debts' }],
        language,
      );
      expect(items).toHaveLength(CHECKLIST_ITEM_IDS.length);
      for (const item of items) expect(item.text.trim(), `${item.id} in ${language}`).not.toBe('');
    }
  });
});
