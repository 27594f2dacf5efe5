// Message catalogues: English is bundled and defines the keys; the others load on demand.
import activitiesEn from '../messages/activities/en.json' with { type: 'json' };
import assistanceEn from '../messages/assistance/en.json' with { type: 'json' };
import auditEn from '../messages/audit/en.json' with { type: 'json' };
import casesEn from '../messages/cases/en.json' with { type: 'json' };
import commitmentsEn from '../messages/commitments/en.json' with { type: 'json' };
import coverageEn from '../messages/coverage/en.json' with { type: 'json' };
import en from '../messages/en.json' with { type: 'json' };
import followUpEn from '../messages/follow-up/en.json' with { type: 'json' };
import homeEn from '../messages/home/en.json' with { type: 'json' };
import knowledgeEn from '../messages/knowledge/en.json' with { type: 'json' };
import plansEn from '../messages/plans/en.json' with { type: 'json' };
import referralsEn from '../messages/referrals/en.json' with { type: 'json' };
import releasesEn from '../messages/releases/en.json' with { type: 'json' };
import screeningEn from '../messages/screening/en.json' with { type: 'json' };
import statisticsEn from '../messages/statistics/en.json' with { type: 'json' };
import type { Language } from './languages.js';

/** Capabilities keep their messages in their own files (messages/<capability>/<lang>.json), merged here. */
const englishMessages = {
  ...en,
  ...activitiesEn,
  ...statisticsEn,
  ...homeEn,
  ...coverageEn,
  ...auditEn,
  ...casesEn,
  ...referralsEn,
  ...screeningEn,
  ...followUpEn,
  ...releasesEn,
  ...assistanceEn,
  ...plansEn,
  ...knowledgeEn,
  ...commitmentsEn,
};

export type Messages = typeof englishMessages;
/** Every key of en.json; a key missing there is a type error wherever t() is called with it. */
export type MessageKey = keyof Messages;
export type Catalogue = Readonly<Record<MessageKey, string>>;

export const ENGLISH: Catalogue = englishMessages;

// Each loader's `satisfies` makes a catalogue that lacks one of English's keys fail to compile.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  ar: () =>
    Promise.all([
      import('../messages/ar.json', { with: { type: 'json' } }),
      import('../messages/activities/ar.json', { with: { type: 'json' } }),
      import('../messages/statistics/ar.json', { with: { type: 'json' } }),
      import('../messages/home/ar.json', { with: { type: 'json' } }),
      import('../messages/coverage/ar.json', { with: { type: 'json' } }),
      import('../messages/audit/ar.json', { with: { type: 'json' } }),
      import('../messages/cases/ar.json', { with: { type: 'json' } }),
      import('../messages/referrals/ar.json', { with: { type: 'json' } }),
      import('../messages/screening/ar.json', { with: { type: 'json' } }),
      import('../messages/follow-up/ar.json', { with: { type: 'json' } }),
      import('../messages/releases/ar.json', { with: { type: 'json' } }),
      import('../messages/assistance/ar.json', { with: { type: 'json' } }),
      import('../messages/plans/ar.json', { with: { type: 'json' } }),
      import('../messages/knowledge/ar.json', { with: { type: 'json' } }),
      import('../messages/commitments/ar.json', { with: { type: 'json' } }),
    ]).then(
      ([
        main,
        activities,
        statistics,
        home,
        coverage,
        audit,
        cases,
        referrals,
        screening,
        followUp,
        releases,
        assistance,
        plans,
        knowledge,
        commitments,
      ]) =>
        ({
          ...main.default,
          ...activities.default,
          ...statistics.default,
          ...home.default,
          ...coverage.default,
          ...audit.default,
          ...cases.default,
          ...referrals.default,
          ...screening.default,
          ...followUp.default,
          ...releases.default,
          ...assistance.default,
          ...plans.default,
          ...knowledge.default,
          ...commitments.default,
        }) satisfies Catalogue,
    ),
  zh: () =>
    Promise.all([
      import('../messages/zh.json', { with: { type: 'json' } }),
      import('../messages/activities/zh.json', { with: { type: 'json' } }),
      import('../messages/statistics/zh.json', { with: { type: 'json' } }),
      import('../messages/home/zh.json', { with: { type: 'json' } }),
      import('../messages/coverage/zh.json', { with: { type: 'json' } }),
      import('../messages/audit/zh.json', { with: { type: 'json' } }),
      import('../messages/cases/zh.json', { with: { type: 'json' } }),
      import('../messages/referrals/zh.json', { with: { type: 'json' } }),
      import('../messages/screening/zh.json', { with: { type: 'json' } }),
      import('../messages/follow-up/zh.json', { with: { type: 'json' } }),
      import('../messages/releases/zh.json', { with: { type: 'json' } }),
      import('../messages/assistance/zh.json', { with: { type: 'json' } }),
      import('../messages/plans/zh.json', { with: { type: 'json' } }),
      import('../messages/knowledge/zh.json', { with: { type: 'json' } }),
      import('../messages/commitments/zh.json', { with: { type: 'json' } }),
    ]).then(
      ([
        main,
        activities,
        statistics,
        home,
        coverage,
        audit,
        cases,
        referrals,
        screening,
        followUp,
        releases,
        assistance,
        plans,
        knowledge,
        commitments,
      ]) =>
        ({
          ...main.default,
          ...activities.default,
          ...statistics.default,
          ...home.default,
          ...coverage.default,
          ...audit.default,
          ...cases.default,
          ...referrals.default,
          ...screening.default,
          ...followUp.default,
          ...releases.default,
          ...assistance.default,
          ...plans.default,
          ...knowledge.default,
          ...commitments.default,
        }) satisfies Catalogue,
    ),
  fr: () =>
    Promise.all([
      import('../messages/fr.json', { with: { type: 'json' } }),
      import('../messages/activities/fr.json', { with: { type: 'json' } }),
      import('../messages/statistics/fr.json', { with: { type: 'json' } }),
      import('../messages/home/fr.json', { with: { type: 'json' } }),
      import('../messages/coverage/fr.json', { with: { type: 'json' } }),
      import('../messages/audit/fr.json', { with: { type: 'json' } }),
      import('../messages/cases/fr.json', { with: { type: 'json' } }),
      import('../messages/referrals/fr.json', { with: { type: 'json' } }),
      import('../messages/screening/fr.json', { with: { type: 'json' } }),
      import('../messages/follow-up/fr.json', { with: { type: 'json' } }),
      import('../messages/releases/fr.json', { with: { type: 'json' } }),
      import('../messages/assistance/fr.json', { with: { type: 'json' } }),
      import('../messages/plans/fr.json', { with: { type: 'json' } }),
      import('../messages/knowledge/fr.json', { with: { type: 'json' } }),
      import('../messages/commitments/fr.json', { with: { type: 'json' } }),
    ]).then(
      ([
        main,
        activities,
        statistics,
        home,
        coverage,
        audit,
        cases,
        referrals,
        screening,
        followUp,
        releases,
        assistance,
        plans,
        knowledge,
        commitments,
      ]) =>
        ({
          ...main.default,
          ...activities.default,
          ...statistics.default,
          ...home.default,
          ...coverage.default,
          ...audit.default,
          ...cases.default,
          ...referrals.default,
          ...screening.default,
          ...followUp.default,
          ...releases.default,
          ...assistance.default,
          ...plans.default,
          ...knowledge.default,
          ...commitments.default,
        }) satisfies Catalogue,
    ),
  ru: () =>
    Promise.all([
      import('../messages/ru.json', { with: { type: 'json' } }),
      import('../messages/activities/ru.json', { with: { type: 'json' } }),
      import('../messages/statistics/ru.json', { with: { type: 'json' } }),
      import('../messages/home/ru.json', { with: { type: 'json' } }),
      import('../messages/coverage/ru.json', { with: { type: 'json' } }),
      import('../messages/audit/ru.json', { with: { type: 'json' } }),
      import('../messages/cases/ru.json', { with: { type: 'json' } }),
      import('../messages/referrals/ru.json', { with: { type: 'json' } }),
      import('../messages/screening/ru.json', { with: { type: 'json' } }),
      import('../messages/follow-up/ru.json', { with: { type: 'json' } }),
      import('../messages/releases/ru.json', { with: { type: 'json' } }),
      import('../messages/assistance/ru.json', { with: { type: 'json' } }),
      import('../messages/plans/ru.json', { with: { type: 'json' } }),
      import('../messages/knowledge/ru.json', { with: { type: 'json' } }),
      import('../messages/commitments/ru.json', { with: { type: 'json' } }),
    ]).then(
      ([
        main,
        activities,
        statistics,
        home,
        coverage,
        audit,
        cases,
        referrals,
        screening,
        followUp,
        releases,
        assistance,
        plans,
        knowledge,
        commitments,
      ]) =>
        ({
          ...main.default,
          ...activities.default,
          ...statistics.default,
          ...home.default,
          ...coverage.default,
          ...audit.default,
          ...cases.default,
          ...referrals.default,
          ...screening.default,
          ...followUp.default,
          ...releases.default,
          ...assistance.default,
          ...plans.default,
          ...knowledge.default,
          ...commitments.default,
        }) satisfies Catalogue,
    ),
  es: () =>
    Promise.all([
      import('../messages/es.json', { with: { type: 'json' } }),
      import('../messages/activities/es.json', { with: { type: 'json' } }),
      import('../messages/statistics/es.json', { with: { type: 'json' } }),
      import('../messages/home/es.json', { with: { type: 'json' } }),
      import('../messages/coverage/es.json', { with: { type: 'json' } }),
      import('../messages/audit/es.json', { with: { type: 'json' } }),
      import('../messages/cases/es.json', { with: { type: 'json' } }),
      import('../messages/referrals/es.json', { with: { type: 'json' } }),
      import('../messages/screening/es.json', { with: { type: 'json' } }),
      import('../messages/follow-up/es.json', { with: { type: 'json' } }),
      import('../messages/releases/es.json', { with: { type: 'json' } }),
      import('../messages/assistance/es.json', { with: { type: 'json' } }),
      import('../messages/plans/es.json', { with: { type: 'json' } }),
      import('../messages/knowledge/es.json', { with: { type: 'json' } }),
      import('../messages/commitments/es.json', { with: { type: 'json' } }),
    ]).then(
      ([
        main,
        activities,
        statistics,
        home,
        coverage,
        audit,
        cases,
        referrals,
        screening,
        followUp,
        releases,
        assistance,
        plans,
        knowledge,
        commitments,
      ]) =>
        ({
          ...main.default,
          ...activities.default,
          ...statistics.default,
          ...home.default,
          ...coverage.default,
          ...audit.default,
          ...cases.default,
          ...referrals.default,
          ...screening.default,
          ...followUp.default,
          ...releases.default,
          ...assistance.default,
          ...plans.default,
          ...knowledge.default,
          ...commitments.default,
        }) satisfies Catalogue,
    ),
};

export async function loadCatalogue(language: Language): Promise<Catalogue> {
  return language === 'en' ? ENGLISH : loaders[language]();
}
