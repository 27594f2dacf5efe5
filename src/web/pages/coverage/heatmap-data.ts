// Heat-map cells from activities: distinct organisations or activities per pillar × type, or pillar × form. Pure.
import type { Activity } from '../../api/activities.js';

export type Measure = 'organisations' | 'activities';
export type Columns = 'activityType' | 'form';
/** The column of activities that name no form of exploitation: shown, never dropped. */
export const NO_FORM = '';

export type HeatCell = { row: string; column: string; value: number };

function organisationsOf(activity: Activity): string[] {
  const ids = activity.participants.map((p) => p.organisationId).filter((id): id is string => id !== null);
  return [activity.leadOrganisationId, ...ids];
}

export function heatCells(activities: readonly Activity[], columns: Columns, measure: Measure): HeatCell[] {
  const sets = new Map<string, Set<string>>();
  for (const activity of activities) {
    const keys =
      columns === 'activityType'
        ? [activity.activityType]
        : activity.forms.length
          ? activity.forms
          : [NO_FORM];
    for (const column of keys) {
      const key = `${activity.pillar}\u0000${column}`;
      let set = sets.get(key);
      if (!set) {
        set = new Set();
        sets.set(key, set);
      }
      for (const member of measure === 'activities' ? [activity.id] : organisationsOf(activity))
        set.add(member);
    }
  }
  return [...sets.entries()].map(([key, set]) => {
    const [row = '', column = ''] = key.split('\u0000');
    return { row, column, value: set.size };
  });
}
