// The screening API as the wizard uses it: addresses and the shapes the server declares (types only).
import type { ScreeningAnswers, ScreeningResult } from '../../../cases/screening/index.js';
import type { Questionnaire } from '../../../cases/screening/questionnaire.js';
import { API } from '../../api/access.js';

export type { Questionnaire, ScreeningResult };
export type Answer = 'yes' | 'no' | 'unknown';
export type WizardAnswers = Required<Pick<ScreeningAnswers, 'answers' | 'indicators'>> & {
  ageAtRecruitment: number | null;
};

const lang = (language: string) => `lang=${encodeURIComponent(language)}`;

export const screeningPaths = {
  questions: (language: string) => `${API}/screening/questions?${lang(language)}`,
  screen: (language: string) => `${API}/screening?${lang(language)}`,
  keepOnCase: (caseId: string, language: string) =>
    `${API}/cases/${encodeURIComponent(caseId)}/screenings?${lang(language)}`,
  case: (caseId: string) => `${API}/cases/${encodeURIComponent(caseId)}`,
};
