// The check's one small script, one build per language: it lets the service worker keep the page for offline
// use, shows the print button, and, when there is no connection, runs the check here with the same rules and
// the same page code as the server. Online, forms go to the server as they do without JavaScript.
import type { Language } from '../../../../reference/schemas.js';
import { checkOffer } from '../../check-offer.js';
import { buildChecklist } from '../../checklist.js';
import { findDestinationContacts, minimumWageAt } from '../../resolve-contacts.js';
import type { ContactsDirectory, OfferAnswers } from '../../schemas.js';
import { answersFromForm, type FormFields } from '../form-answers.js';
import { pageText } from '../page-texts.js';
import { ASSETS, checklistBody, resultBody } from '../render.js';

const language = document.documentElement.lang as Language;
const CONTACTS_URL = '/check/contacts.json';

/** What the page needs offline: itself, its style and script, the contacts and the general checklist. */
function offlineCopies(): string[] {
  return [location.pathname + location.search, ASSETS.css, ASSETS.script(language), CONTACTS_URL];
}

function keepForOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register(ASSETS.serviceWorker, { scope: '/check' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ keep: offlineCopies() }))
    .catch(() => undefined);
}

function showPrintButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
    button.hidden = false;
    button.onclick = () => window.print();
  }
}

async function contactsDirectory(): Promise<ContactsDirectory | null> {
  try {
    const response = await fetch(CONTACTS_URL);
    return response.ok ? ((await response.json()) as ContactsDirectory | null) : null;
  } catch {
    return null;
  }
}

function fieldsOf(form: HTMLFormElement): FormFields {
  const fields: Record<string, string> = {};
  new FormData(form).forEach((value, name) => {
    if (typeof value === 'string') fields[name] = value;
  });
  return fields;
}

function show(title: string, body: string): void {
  const main = document.getElementById('main');
  if (!main) return;
  main.innerHTML = body;
  document.title = title;
  showPrintButtons();
  window.scrollTo(0, 0);
  const heading = main.querySelector('h1');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}

/** The check without the server: no register to ask (the result says so), contacts as last fetched. */
async function checkHere(answers: OfferAnswers, fields: FormFields, kind: string): Promise<void> {
  const destination = answers.destination_country;
  const directory = await contactsDirectory();
  const contacts =
    directory && destination && destination !== 'unknown'
      ? findDestinationContacts(directory, destination)
      : null;
  const result = checkOffer(answers, {
    language,
    agencyLookup: null,
    contacts,
    minimumWage: minimumWageAt(contacts),
  });
  if (kind === 'checklist') {
    const items = buildChecklist(answers, [...result.flags, ...result.findOut], language);
    show(pageText('checklistTitle', language), checklistBody({ language, items, isGeneral: false }));
  } else {
    show(pageText('resultTitle', language), resultBody({ language, result, fields, isOffline: true }));
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || navigator.onLine) return;
  const kind = form.dataset.offline;
  if (!kind) return;
  const fields = fieldsOf(form);
  const { answers, unreadable } = answersFromForm(fields);
  // An answer the form cannot read goes to the browser's own checks of the fields, as it would online.
  if (unreadable.length > 0) return;
  event.preventDefault();
  void checkHere(answers, fields, kind);
});

keepForOffline();
showPrintButtons();
