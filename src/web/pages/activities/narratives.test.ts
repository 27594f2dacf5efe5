// Titles and descriptions in the reader's language, when the publisher wrote them in it.
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../activities/schemas.js';
import { descriptionIn, titleIn } from './narratives.js';

const activity = {
  title: 'Activity title',
  description: 'General description',
  narratives: {
    title: [
      { lang: 'en', text: 'Activity title' },
      { lang: 'fr', text: "Titre de l'activité" },
    ],
    description: [
      { lang: 'en', text: 'General description', type: '1' },
      { lang: 'fr', text: 'Objectifs', type: '2' },
    ],
  },
} as unknown as Activity;

describe('narratives in the reader’s language', () => {
  it('shows the title the publisher wrote in the reader’s language', () => {
    expect(titleIn(activity, 'fr')).toBe("Titre de l'activité");
  });

  it('falls back to the record’s title and general description when there is none in that language', () => {
    expect(titleIn(activity, 'ar')).toBe('Activity title');
    expect(descriptionIn(activity, 'fr')).toBe('General description');
  });
});
