// The check's pages: every outside value escaped, Arabic right to left, the six languages in the switcher, and
// each page's words complete in all six languages.
import { describe, expect, it } from 'vitest';
import { allTexts, gapsIn, placeholderMismatches } from '../../text-file-checks.js';
import { checkOffer } from '../check-offer.js';
import { questionnaireOf } from '../questions.js';
import { formPage, html, pageLanguage, resultPage } from './render.js';
import raw from './texts.json' with { type: 'json' };

describe('the check’s pages', () => {
  it('has every page text in the six UN languages', () => {
    expect(allTexts(raw.texts).flatMap(([path, text]) => gapsIn(path, text))).toEqual([]);
    expect(placeholderMismatches(raw.texts)).toEqual([]);
  });

  it('escapes what comes from outside', () => {
    expect(html('<script>"x" & \'y\'</script>')).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;',
    );
    const page = formPage({
      questionnaire: questionnaireOf('en'),
      countries: [{ code: 'GBR', name: 'United Kingdom' }],
      fields: { agency_name: '"><script>alert(1)</script>' },
    });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('sets the language and direction, and offers all six languages', () => {
    const page = formPage({ questionnaire: questionnaireOf('ar'), countries: [] });
    expect(page).toContain('<html lang="ar" dir="rtl">');
    for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es'])
      expect(page).toContain(`href="/check?lang=${language}" lang="${language}"`);
    expect(page).toContain('src="/check/assets/check.ar.js"');
  });

  it('carries the answers on to the checklist and report forms, and offers no report offline', () => {
    const result = checkOffer({ fee_charged: 'yes' }, { language: 'en' });
    const fields = { fee_charged: 'yes' };
    const online = resultPage({ language: 'en', result, fields });
    expect(online).toContain('action="/check/report?lang=en"');
    expect(online.match(/<input type="hidden" name="fee_charged" value="yes">/g)).toHaveLength(2);
    const offline = resultPage({ language: 'en', result, fields, isOffline: true });
    expect(offline).not.toContain('/check/report');
    expect(offline).toContain('role="status"');
  });

  it('picks the page language from ?lang=, else the browser’s preference, else English', () => {
    expect(pageLanguage('ru', 'ar')).toBe('ru');
    expect(pageLanguage('xx', 'de-DE, fr-CA;q=0.8, ar;q=0.9')).toBe('ar');
    expect(pageLanguage(undefined, 'zh-Hans-CN')).toBe('zh');
    expect(pageLanguage(undefined, 'de, it;q=0.5')).toBe('en');
    expect(pageLanguage(undefined, 'es;q=0')).toBe('en');
  });
});
