// The check's public pages as HTML strings: the questionnaire as a plain form, the result, the printable
// checklist and the report's thanks. Pure, so that the server renders them and the browser renders a result
// with the same code when it is offline. Every value from outside goes through `html`.
import type { Language } from '../../../reference/schemas.js';
import type {
  ChecklistItem,
  Finding,
  OfferCheckResult,
  Questionnaire,
  QuestionnaireQuestion,
  ResolvedContact,
} from '../result-schemas.js';
import { answerFieldNames, type FormFields } from './form-answers.js';
import { isPageLanguage, PAGE_LANGUAGES, pageText, SECTORS, sectorName } from './page-texts.js';

export type CountryOption = { code: string; name: string };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function html(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Where the check's files are served; the script is one per language, with only that language's words. */
export const ASSETS = {
  css: '/check/assets/check.css',
  script: (language: Language) => `/check/assets/check.${language}.js`,
  serviceWorker: '/check-sw.js',
} as const;

export function direction(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

function languageSwitcher(language: Language, path: string): string {
  const links = PAGE_LANGUAGES.map(({ code, name }) => {
    const current = code === language ? ' aria-current="page"' : '';
    return `<li><a href="${path}?lang=${code}" lang="${code}" hreflang="${code}"${current}>${html(name)}</a></li>`;
  }).join('');
  return `<nav aria-label="${html(pageText('language', language))}"><ul class="langs">${links}</ul></nav>`;
}

type Layout = { language: Language; title: string; body: string; switchTo: string };

function layout({ language, title, body, switchTo }: Layout): string {
  return (
    `<!doctype html><html lang="${language}" dir="${direction(language)}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${html(title)}</title><meta name="description" content="${html(pageText('lead', language))}">` +
    `<link rel="icon" href="data:,"><link rel="stylesheet" href="${ASSETS.css}">` +
    `<script src="${ASSETS.script(language)}" defer></script></head>` +
    `<body><header>${languageSwitcher(language, switchTo)}</header><main id="main">${body}</main></body></html>`
  );
}

function optionalMark(question: QuestionnaireQuestion, language: Language): string {
  return question.isOptional ? ` <span class="opt">(${html(pageText('optional', language))})</span>` : '';
}

function helpOf(question: QuestionnaireQuestion): string {
  return question.help ? `<p class="help" id="${question.id}-help">${html(question.help)}</p>` : '';
}

function describedBy(question: QuestionnaireQuestion): string {
  return question.help ? ` aria-describedby="${question.id}-help"` : '';
}

const checked = (isChecked: boolean) => (isChecked ? ' checked' : '');
const selected = (isSelected: boolean) => (isSelected ? ' selected' : '');

function choiceQuestion(question: QuestionnaireQuestion, fields: FormFields, language: Language): string {
  const options = question.options
    .map(
      (option) =>
        `<label><input type="radio" name="${question.id}" value="${html(option.value)}"${checked(fields[question.id] === option.value)}> ${html(option.label)}</label>`,
    )
    .join('');
  return `<fieldset${describedBy(question)}><legend>${html(question.text)}${optionalMark(question, language)}</legend>${helpOf(question)}<div class="choices">${options}</div></fieldset>`;
}

function labelOf(question: QuestionnaireQuestion, language: Language): string {
  return `<label for="q-${question.id}">${html(question.text)}${optionalMark(question, language)}</label>`;
}

function countryQuestion(
  question: QuestionnaireQuestion,
  fields: FormFields,
  language: Language,
  countries: readonly CountryOption[],
): string {
  const value = fields[question.id] ?? '';
  const unknown = question.options[0]?.label ?? '';
  const options = [
    `<option value="">${html(pageText('notAnswered', language))}</option>`,
    `<option value="unknown"${selected(value === 'unknown')}>${html(unknown)}</option>`,
    ...countries.map(
      (country) =>
        `<option value="${country.code}"${selected(value === country.code)}>${html(country.name)}</option>`,
    ),
  ].join('');
  return `<div class="q">${labelOf(question, language)}${helpOf(question)}<select id="q-${question.id}" name="${question.id}"${describedBy(question)}>${options}</select></div>`;
}

function textQuestion(question: QuestionnaireQuestion, fields: FormFields, language: Language): string {
  const value = html(fields[question.id] ?? '');
  const limit = question.id === 'agency_licence_number' ? 100 : 200;
  return `<div class="q">${labelOf(question, language)}${helpOf(question)}<input type="text" id="q-${question.id}" name="${question.id}" value="${value}" maxlength="${limit}" autocomplete="off"${describedBy(question)}></div>`;
}

function dontKnowBox(name: string, fields: FormFields, language: Language): string {
  return `<label class="dk"><input type="checkbox" name="${name}" value="unknown"${checked(fields[name] === 'unknown')}> ${html(pageText('dontKnow', language))}</label>`;
}

function numberQuestion(question: QuestionnaireQuestion, fields: FormFields, language: Language): string {
  const value = html(fields[question.id] ?? '');
  const bounds = `min="${question.min ?? 0}" max="${question.max ?? ''}" step="${question.step ?? 'any'}"`;
  return `<div class="q">${labelOf(question, language)}${helpOf(question)}<input type="number" inputmode="decimal" id="q-${question.id}" name="${question.id}" value="${value}" ${bounds}${describedBy(question)}>${dontKnowBox(`${question.id}_unknown`, fields, language)}</div>`;
}

function payQuestion(question: QuestionnaireQuestion, fields: FormFields, language: Language): string {
  const periods = question.periods
    .map(
      (period) =>
        `<option value="${period.value}"${selected(fields.pay_period === period.value)}>${html(period.label)}</option>`,
    )
    .join('');
  const amount = html(fields.pay_amount ?? '');
  const currency = html(fields.pay_currency ?? '');
  return (
    `<fieldset${describedBy(question)}><legend>${html(question.text)}${optionalMark(question, language)}</legend>${helpOf(question)}<div class="pay">` +
    `<label>${html(pageText('payAmount', language))} <input type="number" inputmode="decimal" name="pay_amount" value="${amount}" min="0" step="any"></label>` +
    `<label>${html(pageText('payCurrency', language))} <input type="text" name="pay_currency" value="${currency}" maxlength="3" pattern="[A-Za-z]{3}" autocapitalize="characters" autocomplete="off"></label>` +
    `<label>${html(pageText('payPeriod', language))} <select name="pay_period">${periods}</select></label></div>` +
    `${dontKnowBox('pay_unknown', fields, language)}</fieldset>`
  );
}

function questionHtml(
  question: QuestionnaireQuestion,
  fields: FormFields,
  language: Language,
  countries: readonly CountryOption[],
): string {
  switch (question.kind) {
    case 'yes_no':
    case 'choice':
      return choiceQuestion(question, fields, language);
    case 'country':
      return countryQuestion(question, fields, language, countries);
    case 'text':
      return textQuestion(question, fields, language);
    case 'number':
      return numberQuestion(question, fields, language);
    case 'money':
      return payQuestion(question, fields, language);
  }
}

export type FormPage = {
  questionnaire: Questionnaire;
  countries: readonly CountryOption[];
  fields?: FormFields;
  /** Answers the form could not read, so the page asks again instead of guessing. */
  hasUnreadable?: boolean;
};

export function formPage({ questionnaire, countries, fields = {}, hasUnreadable }: FormPage): string {
  const { language } = questionnaire;
  const questions = questionnaire.questions
    .map((question) => questionHtml(question, fields, language, countries))
    .join('');
  const problem = hasUnreadable
    ? `<p class="problem" role="alert">${html(pageText('invalid', language))}</p>`
    : '';
  const body =
    `<h1>${html(pageText('title', language))}</h1><p class="lead">${html(pageText('lead', language))}</p>` +
    `<p class="privacy">${html(questionnaire.privacy)}</p>${problem}` +
    `<form method="post" action="/check?lang=${language}" class="check" data-offline="result">` +
    `${questions}<button type="submit">${html(pageText('submit', language))}</button></form>`;
  return layout({ language, title: pageText('title', language), body, switchTo: '/check' });
}

/** The person's answers carried on in hidden fields, for the checklist and the report; nothing is kept. */
function carriedAnswers(fields: FormFields): string {
  return answerFieldNames()
    .filter((name) => (fields[name] ?? '') !== '')
    .map((name) => `<input type="hidden" name="${name}" value="${html(fields[name] ?? '')}">`)
    .join('');
}

function findingHtml(finding: Finding, language: Language): string {
  return (
    `<li class="finding ${finding.severity}"><h3><span class="sev">${html(finding.severityLabel)}</span> ${html(finding.title)}</h3>` +
    `<p>${html(finding.explanation)}</p><h4>${html(pageText('whatToDo', language))}</h4><p>${html(finding.whatToDo)}</p>` +
    `<p class="basis"><strong>${html(pageText('basis', language))}:</strong> ${html(finding.basis)}</p></li>`
  );
}

function findingsSection(heading: string, findings: readonly Finding[], language: Language): string {
  if (findings.length === 0) return '';
  const items = findings.map((finding) => findingHtml(finding, language)).join('');
  return `<section><h2>${html(heading)}</h2><ol class="findings">${items}</ol></section>`;
}

function contactLine(label: string, content: string): string {
  return `<br>${html(label)}: ${content}`;
}

function contactHtml(contact: ResolvedContact, language: Language): string {
  const lines = [
    contact.phone &&
      contactLine(
        pageText('phone', language),
        `<a href="tel:${html(contact.phone.replace(/[^\d+]/g, ''))}" dir="ltr">${html(contact.phone)}</a>`,
      ),
    contact.email &&
      contactLine(
        pageText('email', language),
        `<a href="mailto:${html(contact.email)}" dir="ltr">${html(contact.email)}</a>`,
      ),
    contact.website &&
      contactLine(
        pageText('website', language),
        `<a href="${html(contact.website)}" dir="ltr">${html(contact.website)}</a>`,
      ),
    contact.hours && contactLine(pageText('hours', language), html(contact.hours)),
  ].filter(Boolean);
  return `<li><strong>${html(contact.name)}</strong> (${html(contact.kindLabel)})${lines.join('')}</li>`;
}

function contactsSection(result: OfferCheckResult, language: Language): string {
  const { contacts } = result;
  const demo = contacts.demoNotice
    ? `<p class="demo"><strong>${html(pageText('demoContacts', language))}:</strong> ${html(contacts.demoNotice)}</p>`
    : '';
  const list = contacts.contacts.length
    ? `<ul class="contacts">${contacts.contacts.map((contact) => contactHtml(contact, language)).join('')}</ul>`
    : '';
  const fallback = contacts.fallback.map((line) => `<li>${html(line)}</li>`).join('');
  return `<section><h2>${html(pageText('contacts', language))}</h2>${demo}${list}<ul class="fallback">${fallback}</ul></section>`;
}

function paySection(result: OfferCheckResult, language: Language): string {
  if (!result.pay) return '';
  const assumptions = result.pay.assumptions.map((line) => `<li>${html(line)}</li>`).join('');
  return `<section><h2>${html(pageText('pay', language))}</h2><p>${html(result.pay.text)}</p>${assumptions ? `<ul>${assumptions}</ul>` : ''}</section>`;
}

function reportForm(fields: FormFields, language: Language): string {
  const sectors = SECTORS.map(
    (sector) => `<option value="${sector}">${html(sectorName(sector, language))}</option>`,
  ).join('');
  return (
    `<section class="report"><h2>${html(pageText('reportTitle', language))}</h2><p>${html(pageText('reportLead', language))}</p>` +
    `<form method="post" action="/check/report?lang=${language}">${carriedAnswers(fields)}` +
    `<div class="q"><label for="report-sector">${html(pageText('sector', language))} <span class="opt">(${html(pageText('optional', language))})</span></label>` +
    `<select id="report-sector" name="sector"><option value="">${html(pageText('notAnswered', language))}</option>${sectors}</select></div>` +
    `<button type="submit" class="secondary">${html(pageText('reportSubmit', language))}</button></form></section>`
  );
}

export type ResultView = {
  language: Language;
  result: OfferCheckResult;
  fields: FormFields;
  /** Checked in the browser without a connection: the register could not be asked, and no report can go. */
  isOffline?: boolean;
};

export function resultBody({ language, result, fields, isOffline }: ResultView): string {
  const { summary } = result;
  const offline = isOffline ? `<p class="note" role="status">${html(pageText('offline', language))}</p>` : '';
  const skipped = summary.skippedNote ? `<p>${html(summary.skippedNote)}</p>` : '';
  return (
    `<h1>${html(pageText('resultTitle', language))}</h1>${offline}` +
    `<section class="summary ${summary.verdict}"><h2>${html(summary.headline)}</h2><p>${html(summary.advice)}</p>${skipped}<p class="limits">${html(summary.limits)}</p></section>` +
    findingsSection(pageText('flags', language), result.flags, language) +
    findingsSection(pageText('findOut', language), result.findOut, language) +
    paySection(result, language) +
    contactsSection(result, language) +
    `<form method="post" action="/check/checklist?lang=${language}" data-offline="checklist">${carriedAnswers(fields)}<button type="submit">${html(pageText('checklistButton', language))}</button></form>` +
    (isOffline ? '' : reportForm(fields, language)) +
    `<p class="again"><a href="/check?lang=${language}">${html(pageText('again', language))}</a></p>`
  );
}

export function resultPage(view: ResultView): string {
  const { language } = view;
  return layout({
    language,
    title: `${pageText('resultTitle', language)} · ${pageText('title', language)}`,
    body: resultBody(view),
    switchTo: '/check',
  });
}

export type ChecklistView = { language: Language; items: readonly ChecklistItem[]; isGeneral: boolean };

export function checklistBody({ language, items, isGeneral }: ChecklistView): string {
  const urgent = html(pageText('urgent', language));
  const list = items
    .map(
      (item) =>
        `<li><label><input type="checkbox"> ${html(item.text)}</label>${item.because.length ? ` <strong class="urgent">${urgent}</strong>` : ''}</li>`,
    )
    .join('');
  const general = isGeneral ? `<p>${html(pageText('checklistGeneral', language))}</p>` : '';
  return (
    `<h1>${html(pageText('checklistTitle', language))}</h1><p>${html(pageText('checklistLead', language))}</p>${general}` +
    `<ul class="checklist">${list}</ul><p class="noprint"><button type="button" data-print hidden>${html(pageText('print', language))}</button> ` +
    `<a href="/check?lang=${language}">${html(pageText('back', language))}</a></p>`
  );
}

export function checklistPage(view: ChecklistView): string {
  const { language } = view;
  return layout({
    language,
    title: pageText('checklistTitle', language),
    body: checklistBody(view),
    switchTo: '/check/checklist',
  });
}

export function reportThanksPage(language: Language): string {
  const body =
    `<h1>${html(pageText('reportTitle', language))}</h1><p role="status">${html(pageText('reportThanks', language))}</p>` +
    `<p><a href="/check?lang=${language}">${html(pageText('again', language))}</a></p>`;
  return layout({ language, title: pageText('reportTitle', language), body, switchTo: '/check' });
}

/** The language of a page: ?lang= when it names one, else the first of Accept-Language the check speaks. */
export function pageLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  if (isPageLanguage(query)) return query;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const quality = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0], q: quality ? Number(quality.split('=')[1]) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .find((entry) => isPageLanguage(entry.base));
  return (wanted?.base as Language | undefined) ?? 'en';
}
