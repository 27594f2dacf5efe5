// Field problems read as sentences that name the field and say what to do, never the schema's words.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../i18n/format.js';
import { ENGLISH, type MessageKey } from '../i18n/messages.js';
import { fieldIssueKey, fieldIssueSentence } from './field-messages.js';

const t = (key: MessageKey, values?: Record<string, string | number>) =>
  formatMessage(ENGLISH[key], values ?? {}, 'en');

describe('field problem sentences', () => {
  it('asks to fill in an empty required text, naming the field', () => {
    const sentence = fieldIssueSentence(t, { code: 'too_small', origin: 'string', minimum: 1 }, 'Title');
    expect(sentence).toBe('Enter Title.');
  });

  it('says what to do with an attachment the library refused, whatever step refused it', () => {
    expect(fieldIssueKey({ code: 'file_type' })).toBe('knowledge.error.fileType');
    expect(fieldIssueKey({ code: 'attachment_type_unsupported' })).toBe('knowledge.error.fileType');
    expect(fieldIssueKey({ code: 'attachment_too_large' })).toBe('knowledge.error.fileTooLarge');
    expect(fieldIssueSentence(t, { code: 'attachment_unreadable' }, 'PDF or Word file')).toContain(
      'could not be read',
    );
  });

  it('asks to choose from the list instead of listing the accepted codes', () => {
    expect(fieldIssueSentence(t, { code: 'invalid_value' }, 'Activity type')).toBe(
      'Choose Activity type from the list.',
    );
  });

  it('says how long a text may be and how many choices are needed', () => {
    expect(fieldIssueSentence(t, { code: 'too_big', origin: 'string', maximum: 500 }, 'Title')).toBe(
      'Shorten Title to at most 500 characters.',
    );
    expect(fieldIssueSentence(t, { code: 'too_small', origin: 'array', minimum: 1 }, 'Countries')).toBe(
      'Choose at least one option for Countries.',
    );
  });

  it('explains dates, emails and a missing value', () => {
    expect(fieldIssueKey({ code: 'invalid_format', format: 'date' })).toBe('fieldError.dateFormat');
    expect(fieldIssueKey({ code: 'invalid_format', format: 'email' })).toBe('fieldError.emailFormat');
    expect(fieldIssueKey({ code: 'invalid_type', received: 'undefined' })).toBe('fieldError.required');
    expect(fieldIssueKey({ code: 'date_order' })).toBe('fieldError.dateOrder');
  });

  it('asks to keep what identifies the person out of free text on a case, naming the field', () => {
    expect(fieldIssueSentence(t, { code: 'identifying_text' }, 'Notes')).toBe(
      'Notes: leave out names, numbers, contacts and dates of birth — they belong in the person record.',
    );
  });

  it('falls back to a sentence that still names the field for a code it does not know', () => {
    expect(fieldIssueSentence(t, { code: 'something_new' }, 'Mandate')).toBe(
      'Check Mandate: this value was not accepted.',
    );
  });
});
