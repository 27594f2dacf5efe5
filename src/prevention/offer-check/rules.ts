// One rule per warning sign: each reads the answers (and what the server added) and says which finding, if
// any, they give. A clear bad answer gives a flag; "I don't know" gives a "find out" note; a skipped
// question gives nothing, because the person chose not to say.
import { checkPay, type PayCheck } from './pay.js';
import type { FindingId } from './result-schemas.js';
import type {
  DestinationContacts,
  MinimumWage,
  OfferAnswers,
  OfferCheckContext,
  QuestionId,
  RegisterStatus,
  YesNo,
} from './schemas.js';

export type RawFinding = { id: FindingId; questions: QuestionId[] };

/** The answers' facts joined with the server's: only entries for the destination the person named. */
export type OfferFacts = {
  destination: string | null;
  minimum: MinimumWage | null;
  pay: PayCheck;
  agencyStatus: RegisterStatus | null;
  contacts: DestinationContacts | null;
};

export function gatherFacts(answers: OfferAnswers, context: OfferCheckContext): OfferFacts {
  const named = answers.destination_country;
  const destination = named && named !== 'unknown' ? named : null;
  // The server looks these up by destination; an entry for another country (the person changed their answer)
  // must never be compared with, or a worker would be judged by a law that is not theirs.
  const minimum = context.minimumWage?.country === destination ? (context.minimumWage ?? null) : null;
  const contacts = context.contacts?.country === destination ? (context.contacts ?? null) : null;
  return {
    destination,
    minimum,
    pay: checkPay(answers, minimum),
    agencyStatus: context.agencyLookup?.status ?? null,
    contacts,
  };
}

type YesNoQuestion = {
  [Q in keyof OfferAnswers]-?: NonNullable<OfferAnswers[Q]> extends YesNo ? Q : never;
}[keyof OfferAnswers];

type YesNoSign = {
  flag: FindingId;
  findOut: FindingId;
  /** The answer to each question that shows the sign; the questions are phrased both ways round. */
  warnsOn: Partial<Record<YesNoQuestion, 'yes' | 'no'>>;
};

const YES_NO_SIGNS: Record<'fees' | 'documents' | 'debt' | 'movement' | 'job_change', YesNoSign> = {
  fees: { flag: 'recruitment_fee', findOut: 'ask_about_fees', warnsOn: { fee_charged: 'yes' } },
  documents: {
    flag: 'documents_retained',
    findOut: 'ask_about_documents',
    warnsOn: { documents_kept: 'yes' },
  },
  debt: { flag: 'debt_or_advance', findOut: 'ask_about_debts', warnsOn: { debt_or_advance: 'yes' } },
  movement: {
    flag: 'movement_restricted',
    findOut: 'ask_about_freedom',
    warnsOn: { free_to_leave: 'no', keeps_phone: 'no' },
  },
  job_change: { flag: 'job_changed', findOut: 'ask_about_job_changes', warnsOn: { job_changed: 'yes' } },
};

function checkYesNoSign(answers: OfferAnswers, sign: YesNoSign): RawFinding[] {
  const rules = Object.entries(sign.warnsOn) as [YesNoQuestion, 'yes' | 'no'][];
  const warned = rules.filter(([question, bad]) => answers[question] === bad).map(([question]) => question);
  if (warned.length) return [{ id: sign.flag, questions: warned }];
  const unknown = rules.filter(([question]) => answers[question] === 'unknown').map(([question]) => question);
  return unknown.length ? [{ id: sign.findOut, questions: unknown }] : [];
}

function checkPaySign(answers: OfferAnswers, pay: PayCheck): RawFinding[] {
  switch (pay.kind) {
    case 'not_answered':
      return [];
    case 'unknown':
      return [{ id: 'ask_about_pay', questions: ['pay'] }];
    case 'no_minimum':
      return [{ id: 'find_minimum_wage', questions: ['pay', 'destination_country'] }];
    case 'other_currency':
      return [{ id: 'ask_pay_in_local_currency', questions: ['pay'] }];
    case 'compared': {
      const hours = (['work_days_per_week', 'work_hours_per_day'] as const).filter(
        (question) => typeof answers[question] === 'number',
      );
      return pay.isBelowMinimum ? [{ id: 'pay_below_minimum', questions: ['pay', ...hours] }] : [];
    }
  }
}

const EMPLOYER_QUESTIONS = [
  'employer_name_known',
  'employer_address_known',
  'employer_registration_known',
] as const;

/** With a name, or a way to find and check the employer, it can be identified; with neither it cannot. */
function checkEmployer(answers: OfferAnswers): RawFinding[] {
  if (answers.employer_name_known === 'no')
    return [{ id: 'employer_unidentified', questions: ['employer_name_known'] }];
  if (answers.employer_address_known === 'no' && answers.employer_registration_known === 'no')
    return [
      { id: 'employer_unidentified', questions: ['employer_address_known', 'employer_registration_known'] },
    ];
  const open = EMPLOYER_QUESTIONS.filter(
    (question) => answers[question] === 'unknown' || answers[question] === 'no',
  );
  return open.length ? [{ id: 'ask_about_employer', questions: open }] : [];
}

const UNLICENSED: ReadonlySet<RegisterStatus> = new Set(['not_found', 'lapsed', 'suspended', 'revoked']);

/** The register is another module's; its answer comes in the context, looked up from what the person named. */
function checkAgency(answers: OfferAnswers, status: RegisterStatus | null): RawFinding[] {
  const told = (['offered_by', 'agency_name', 'agency_licence_number'] as const).filter(
    (question) => answers[question] !== undefined,
  );
  if (status && UNLICENSED.has(status)) return [{ id: 'agency_unlicensed', questions: told }];
  if (status === 'licensed') return [];
  const mayUseAgency =
    answers.offered_by === 'agency' ||
    answers.offered_by === 'unknown' ||
    answers.agency_name !== undefined ||
    answers.agency_licence_number !== undefined;
  return mayUseAgency ? [{ id: 'check_agency_licence', questions: told }] : [];
}

/** No contract at all is the graver fact; whether it is readable matters only once there is one. */
function checkContract(answers: OfferAnswers): RawFinding[] {
  if (answers.written_contract === 'no')
    return [{ id: 'no_written_contract', questions: ['written_contract'] }];
  if (answers.contract_in_your_language === 'no')
    return [{ id: 'contract_not_understood', questions: ['contract_in_your_language'] }];
  const unknown = (['written_contract', 'contract_in_your_language'] as const).filter(
    (question) => answers[question] === 'unknown',
  );
  return unknown.length ? [{ id: 'ask_for_written_contract', questions: unknown }] : [];
}

/** Every finding the answers give, in the order of the warning signs. */
export function findWarningSigns(answers: OfferAnswers, facts: OfferFacts): RawFinding[] {
  return [
    ...checkYesNoSign(answers, YES_NO_SIGNS.fees),
    ...checkYesNoSign(answers, YES_NO_SIGNS.documents),
    ...checkPaySign(answers, facts.pay),
    ...checkEmployer(answers),
    ...checkAgency(answers, facts.agencyStatus),
    ...checkContract(answers),
    ...checkYesNoSign(answers, YES_NO_SIGNS.debt),
    ...checkYesNoSign(answers, YES_NO_SIGNS.movement),
    ...checkYesNoSign(answers, YES_NO_SIGNS.job_change),
  ];
}
