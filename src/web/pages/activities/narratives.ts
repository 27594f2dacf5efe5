// An activity's title and description in the reader's language when the publisher wrote them in it. Pure.
import type { Activity } from '../../../activities/schemas.js';

type Narrative = { lang: string | null; text: string };

function inLanguage(narratives: readonly Narrative[] | undefined, language: string): string | null {
  return narratives?.find((n) => n.lang === language)?.text ?? null;
}

/** The title in the reader's language, else the one the record shows. */
export function titleIn(activity: Activity, language: string): string {
  return inLanguage(activity.narratives.title, language) ?? activity.title;
}

/** The general description (IATI type 1) in the reader's language, else the one the record shows. */
export function descriptionIn(activity: Activity, language: string): string | null {
  const general = activity.narratives.description?.filter((d) => d.type === '1');
  return inLanguage(general, language) ?? activity.description;
}
