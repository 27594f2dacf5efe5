// Privacy budgets as people read them: the dataset named by its file or its organisation (never its key),
// the releases that spent from it, what is spent by releases the reader cannot see, and what they may do.
import { decide, type Principal } from '../access/policy.js';
import type { DatasetBudget } from './schemas.js';
import { type BudgetRecord, type BudgetSpendingRow, budgetView } from './store.js';

/** Below this, a difference of sums is rounding, not spending. */
const ROUNDING = 1e-12;

export function datasetBudgetViews(
  budgets: BudgetRecord[],
  spending: BudgetSpendingRow[],
  principal: Principal,
): DatasetBudget[] {
  const byBudget = new Map<string, BudgetSpendingRow[]>();
  for (const row of spending) byBudget.set(row.budgetId, [...(byBudget.get(row.budgetId) ?? []), row]);
  const maySetTotal = decide(principal, 'releases.budget', { organisationId: null }).allowed;
  return budgets.map((budget) => {
    const releases = (byBudget.get(budget.id) ?? []).map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status as DatasetBudget['releases'][number]['status'],
      rho: row.rho,
      createdAt: row.createdAt.toISOString(),
    }));
    const listed = releases.reduce((sum, release) => sum + release.rho, 0);
    const unlisted = budget.spentRho - listed;
    return {
      ...budgetView(budget),
      dataset: datasetOf(budget),
      releases,
      unlistedRho: unlisted > ROUNDING ? unlisted : 0,
      can: { setTotal: maySetTotal },
    };
  });
}

function datasetOf(budget: BudgetRecord): DatasetBudget['dataset'] {
  const isCases = budget.datasetKey.startsWith('cases:');
  return {
    kind: isCases ? 'cases' : 'file',
    // A file's budget is labelled with the name the file was uploaded under.
    fileName: isCases ? null : budget.label,
    organisation:
      isCases && budget.organisationId && budget.organisationName
        ? { id: budget.organisationId, name: budget.organisationName }
        : null,
  };
}
