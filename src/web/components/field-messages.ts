// Field problems as sentences: a server or browser check's stable code, turned into a translated sentence
// that names the field by its label and says what to do. Pure; no React.
import type { FieldError } from '../../platform/errors.js';
import type { MessageKey } from '../i18n/messages.js';

/** One problem with one field, from the server (a FieldError) or from a check in the page. */
export type FieldIssue = Pick<FieldError, 'code'> & Partial<Omit<FieldError, 'code'>>;

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Which sentence explains an issue: by its code and, for sizes, by what kind of value was measured. */
export function fieldIssueKey(issue: FieldIssue): MessageKey {
  const { code, origin, minimum } = issue;
  switch (code) {
    case 'required':
      return 'fieldError.required';
    case 'choose':
    case 'invalid_value':
      return 'fieldError.choose';
    case 'date_order':
      return 'fieldError.dateOrder';
    case 'not_a_number':
      return 'fieldError.number';
    case 'not_a_whole_number':
      return 'fieldError.wholeNumber';
    case 'too_small':
      if (origin === 'string') return minimum === 1 ? 'fieldError.required' : 'fieldError.tooShort';
      if (origin === 'array' || origin === 'set') return 'fieldError.chooseAtLeast';
      if (origin === 'date') return 'fieldError.tooEarly';
      return 'fieldError.tooSmall';
    case 'too_big':
      if (origin === 'string') return 'fieldError.tooLong';
      if (origin === 'array' || origin === 'set') return 'fieldError.tooMany';
      if (origin === 'date') return 'fieldError.tooLate';
      return 'fieldError.tooBig';
    case 'invalid_format':
      if (issue.format === 'date' || issue.format === 'datetime') return 'fieldError.dateFormat';
      if (issue.format === 'email') return 'fieldError.emailFormat';
      if (issue.format === 'uuid' || issue.format === 'guid') return 'fieldError.choose';
      return 'fieldError.format';
    case 'invalid_type':
      return issue.received === 'undefined' || issue.received === 'null'
        ? 'fieldError.required'
        : 'fieldError.format';
    case 'common_password':
      return 'fieldError.weakPassword';
    case 'contains_name':
      return 'fieldError.containsName';
    case 'identifying_text':
      return 'followUp.error.identifyingTextIn';
    case 'value_or_narrative':
      return 'plans.error.valueOrNarrative';
    case 'not_disaggregated':
      return 'plans.error.notDisaggregated';
    case 'unknown_reference':
      return 'plans.error.unknownReference';
    case 'year_range':
      return 'knowledge.error.yearRange';
    case 'count_range':
      return 'knowledge.error.countRange';
    case 'choose_file':
      return 'knowledge.error.chooseFile';
    case 'file_too_large':
    case 'attachment_too_large':
      return 'knowledge.error.fileTooLarge';
    case 'file_type':
    case 'attachment_type_unsupported':
      return 'knowledge.error.fileType';
    case 'attachment_unreadable':
      return 'knowledge.error.unreadable';
    default:
      return 'fieldError.check';
  }
}

/** The sentence a person reads beside the field and in the form's summary. */
export function fieldIssueSentence(t: Translate, issue: FieldIssue, label: string): string {
  return t(fieldIssueKey(issue), {
    field: label,
    minimum: issue.minimum ?? 0,
    maximum: issue.maximum ?? 0,
  });
}
