// The privacy budget of each dataset, for those who prepare releases: how much is spent and left, as a
// bar with the same figures in a sentence, which releases spent it, and (for coordinators) a new total.
import { type DatasetBudget, useBudgets } from '../../api/releases.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { BudgetTotalForm } from './BudgetTotalForm.js';
import { percentSpent, rhoFormula, roundRho } from './budget-figures.js';
import './releases.css';

type Translate = ReturnType<typeof useI18n>['t'];

/**
 * The dataset as people know it, by its file's name or the organisation whose case data it is: as a heading,
 * or as a phrase inside a sentence.
 */
export function datasetName(
  t: Translate,
  dataset: DatasetBudget['dataset'],
  form: 'heading' | 'phrase' = 'heading',
): string {
  const phrase = form === 'phrase';
  if (dataset.kind === 'file')
    return t(phrase ? 'releases.budgets.fileDatasetPhrase' : 'releases.budgets.fileDataset', {
      name: dataset.fileName ?? '',
    });
  if (!dataset.organisation)
    return t(phrase ? 'releases.budgets.casesDatasetUnnamedPhrase' : 'releases.budgets.casesDatasetUnnamed');
  return t(phrase ? 'releases.budgets.casesDatasetPhrase' : 'releases.budgets.casesDataset', {
    organisation: dataset.organisation.name,
  });
}

export function BudgetsPage() {
  const { t } = useI18n();
  const budgets = useBudgets();
  return (
    <article className="budgets-page">
      <p className="back-link">
        <Link to="/releases">{t('releases.backLink')}</Link>
      </p>
      <PageHeading>{t('releases.budgets.title')}</PageHeading>
      <p className="lede">{t('releases.budgets.intro')}</p>
      <ResourceView resource={budgets}>
        {(body) =>
          body.data.length === 0 ? (
            <p>{t('releases.budgets.none')}</p>
          ) : (
            body.data.map((budget) => (
              <BudgetSection key={budget.id} budget={budget} onChanged={budgets.reload} />
            ))
          )
        }
      </ResourceView>
    </article>
  );
}

function BudgetSection(props: { budget: DatasetBudget; onChanged: () => void }) {
  const { t, formatNumber } = useI18n();
  const { budget } = props;
  const name = datasetName(t, budget.dataset);
  const headingId = `budget-${budget.id}`;
  const rho = (value: number) => rhoFormula(formatNumber(roundRho(value)));
  return (
    <section className="budget" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <dl className="budget-figures">
        <div>
          <dt>{t('releases.budgets.total')}</dt>
          <dd>{rho(budget.totalRho)}</dd>
        </div>
        <div>
          <dt>{t('releases.budgets.spent')}</dt>
          <dd>{rho(budget.spentRho)}</dd>
        </div>
        <div>
          <dt>{t('releases.budgets.left')}</dt>
          <dd>{rho(budget.remainingRho)}</dd>
        </div>
      </dl>
      <BudgetMeter budget={budget} headingId={headingId} />
      {budget.remainingRho <= 0 ? (
        <p className="budget-exhausted">{t('releases.budgets.exhausted')}</p>
      ) : null}
      <BudgetSpending budget={budget} headingId={headingId} />
      {budget.can.setTotal ? (
        <BudgetTotalForm
          budget={budget}
          datasetName={datasetName(t, budget.dataset, 'phrase')}
          onChanged={props.onChanged}
        />
      ) : null}
    </section>
  );
}

/** A bar of what is spent, named by the dataset, whose figures are also said in words beside it. */
function BudgetMeter(props: { budget: DatasetBudget; headingId: string }) {
  const { t, formatNumber } = useI18n();
  const { budget } = props;
  const percent = percentSpent(budget.spentRho, budget.totalRho);
  const text = t('releases.budgets.meterText', {
    percent: formatNumber(percent),
    spent: rhoFormula(formatNumber(roundRho(budget.spentRho))),
    total: formatNumber(roundRho(budget.totalRho)),
    left: rhoFormula(formatNumber(roundRho(budget.remainingRho))),
  });
  const labelId = `${props.headingId}-meter`;
  const textId = `${props.headingId}-meter-text`;
  return (
    <div className="budget-meter-row">
      <span id={labelId} className="visually-hidden">
        {t('releases.budgets.meterLabel')}
      </span>
      <meter
        className="budget-meter"
        aria-labelledby={`${labelId} ${props.headingId}`}
        aria-describedby={textId}
        min={0}
        max={100}
        value={percent}
      >
        {text}
      </meter>
      <p className="budget-meter-text" id={textId}>
        {text}
      </p>
    </div>
  );
}

/** The releases that spent from the budget, linked, and what releases the reader cannot see spent. */
function BudgetSpending(props: { budget: DatasetBudget; headingId: string }) {
  const { t, formatNumber, formatDate } = useI18n();
  const { budget } = props;
  const listId = `${props.headingId}-releases`;
  return (
    <>
      <h3 id={listId}>{t('releases.budgets.spentBy')}</h3>
      {budget.releases.length === 0 ? (
        <p>{t('releases.budgets.noneListed')}</p>
      ) : (
        <ul className="budget-releases" aria-labelledby={listId}>
          {budget.releases.map((release) => (
            <li key={release.id}>
              <Link to={`/releases/${release.id}`}>{release.title}</Link>
              {release.status !== 'published' ? (
                <span className="badge badge-muted">{t(`releases.status.${release.status}`)}</span>
              ) : null}{' '}
              <span className="budget-release-spent">
                {t('releases.budgets.spending', {
                  rho: rhoFormula(formatNumber(roundRho(release.rho))),
                  date: formatDate(release.createdAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {budget.unlistedRho > 0 ? (
        <p>
          {t('releases.budgets.unlisted', { rho: rhoFormula(formatNumber(roundRho(budget.unlistedRho))) })}
        </p>
      ) : null}
    </>
  );
}
