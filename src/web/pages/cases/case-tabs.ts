// The tabs of the case view, in one list: a capability adds its tab here (for example the referrals tab),
// and the case view, its address (?tab=) and its keyboard handling follow.
import type { ComponentType } from 'react';
import type { CaseView } from '../../api/cases.js';
import type { MessageKey } from '../../i18n/messages.js';
import { CaseReferralsPanel } from '../referrals/CaseReferralsTab.js';
import { ConsentTab } from './ConsentTab.js';
import { HistoryTab } from './HistoryTab.js';
import { OverviewTab } from './OverviewTab.js';
import { PersonTab } from './PersonTab.js';
import { ScreeningTab } from './ScreeningTab.js';
import { ServicesTab } from './ServicesTab.js';

/** What every tab's panel gets: the case as last read, and a way to read it again after a change. */
export type CaseTabProps = { theCase: CaseView; reloadCase: () => void };

export type CaseTab = { id: string; label: MessageKey; Panel: ComponentType<CaseTabProps> };

export const CASE_TABS: CaseTab[] = [
  { id: 'overview', label: 'cases.tab.overview', Panel: OverviewTab },
  { id: 'person', label: 'cases.tab.person', Panel: PersonTab },
  { id: 'screening', label: 'cases.tab.screening', Panel: ScreeningTab },
  { id: 'consent', label: 'cases.tab.consent', Panel: ConsentTab },
  { id: 'services', label: 'followUp.tab.services', Panel: ServicesTab },
  { id: 'referrals', label: 'cases.tab.referrals', Panel: CaseReferralsPanel },
  { id: 'history', label: 'cases.tab.history', Panel: HistoryTab },
];

/** Adds a tab before the history (which stays last); for capabilities whose tab lives in their own folder. */
export function addCaseTab(tab: CaseTab): void {
  if (CASE_TABS.some((each) => each.id === tab.id)) return;
  CASE_TABS.splice(Math.max(0, CASE_TABS.length - 1), 0, tab);
}
