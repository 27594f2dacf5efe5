// The job-offer and contract check's public surface: the routes and the web page import from here.

export { checkOffer } from './check-offer.js';
export { buildChecklist } from './checklist.js';
export {
  DemoContactsRefused,
  findDestinationContacts,
  loadDemoContacts,
  parseContactsDirectory,
  resolveContacts,
} from './contacts.js';
export { STANDARD_WEEK, WEEKS_PER_MONTH } from './pay.js';
export { QUESTIONS, questionnaireOf } from './questions.js';
export * from './result-schemas.js';
export * from './schemas.js';
