// The editor's copy of an item: sent as the API takes it (particulars only for their kind, lists from lines),
// checked before sending under the server's paths, and read back unchanged.
import { describe, expect, it } from 'vitest';
import type { ItemView } from '../../api/knowledge.js';
import { checkDraft, contentOf, draftOf, emptyDraft, newPersonRow } from './item-draft.js';

const ORG = '00000000-0000-4000-8000-0000000000aa';

describe('a knowledge item in the editor', () => {
  it('asks for the kind, the title and, for case law, the court’s particulars and whole counts', () => {
    const draft = { ...emptyDraft(ORG, 'en'), type: 'case_law', year: '1650' };
    draft.caseLaw.victims = [{ ...newPersonRow(), sex: 'female', ageGroup: 'adult', count: '2.5' }];
    const issues = checkDraft(draft);
    expect([...issues.keys()].sort()).toEqual([
      'body.caseLaw.court',
      'body.caseLaw.decisionDate',
      'body.caseLaw.jurisdiction',
      'body.caseLaw.outcome',
      'body.caseLaw.victims.0.count',
      'body.title',
      'body.year',
    ]);
    expect(checkDraft({ ...emptyDraft(ORG, 'en'), type: 'research', title: 'A study' }).size).toBe(0);
  });

  it('sends a law’s articles one per line, and no case-law particulars for a law', () => {
    const draft = { ...emptyDraft(ORG, 'fr'), type: 'legislation', title: ' Loi ', year: '2021' };
    draft.legislation = {
      country: 'FRA',
      instrument: 'Code pénal',
      articles: 'Art. 225-4-1\n\nArt. 225-4-2\n',
    };
    draft.caseLaw.court = 'left over from another kind';
    const content = contentOf(draft);
    expect(content.title).toBe('Loi');
    expect(content.year).toBe(2021);
    expect(content.legislation?.articles).toEqual(['Art. 225-4-1', 'Art. 225-4-2']);
    expect(content.caseLaw).toBeNull();
  });

  it('reads an item back into the same content', () => {
    const caseLaw = {
      court: 'High Court',
      decisionDate: '2024-03-01',
      jurisdiction: 'KEN',
      charges: ['Trafficking in persons'],
      outcome: 'conviction' as const,
      acts: ['recruitment' as const],
      means: ['deception' as const],
      purposes: ['domestic_servitude'],
      sectors: [],
      victims: [{ sex: 'female', ageGroup: 'adult', nationality: 'UGA', count: 3 }],
      defendants: [{ sex: 'male', ageGroup: 'adult', nationality: null, count: 1 }],
    };
    const item = {
      type: 'case_law',
      language: 'en',
      title: 'A decision',
      summary: 'S',
      body: 'B',
      year: 2024,
      countries: ['KEN'],
      pillars: ['prosecution'],
      forms: ['domestic_servitude'],
      targetGroups: [],
      legislation: null,
      caseLaw,
      organisation: { id: ORG, name: 'Org' },
    } as unknown as ItemView;
    const content = contentOf(draftOf(item));
    expect(content.caseLaw).toEqual(caseLaw);
    expect(content.countries).toEqual(['KEN']);
  });
});
