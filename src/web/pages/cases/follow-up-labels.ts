// Codes of a case's follow-up in the reader's words: each code has a message under `followUp.`.
import { ENGLISH, type MessageKey } from '../../i18n/messages.js';

function known(key: string): MessageKey {
  return Object.hasOwn(ENGLISH, key) ? (key as MessageKey) : 'cases.unknownValue';
}

export const serviceCategoryKey = (category: string) => known(`followUp.service.${category}`);
export const closureReasonKey = (reason: string) => known(`followUp.closure.${reason}`);
export const reopeningReasonKey = (reason: string) => known(`followUp.reopening.${reason}`);
export const goalStatusKey = (status: string) => known(`followUp.plan.goalStatus.${status}`);
export const actionStatusKey = (status: string) => known(`followUp.plan.actionStatus.${status}`);

/** A calendar day (YYYY-MM-DD) as an instant at its noon, so no time zone moves it to another day. */
export const calendarDay = (day: string) => `${day}T12:00:00`;

/** Today in the reader's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
