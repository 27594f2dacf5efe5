// A referral's due date, with "overdue" said in words and marked by an icon, never by colour alone. The
// date is read at noon UTC so that no time zone moves it to the day before or after.
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Referral } from './referral-api.js';

export function DueDate(props: { referral: Pick<Referral, 'dueOn' | 'overdue'> }) {
  const { t, formatDate } = useI18n();
  const { dueOn, overdue } = props.referral;
  if (!dueOn) return <span className="muted">{t('referrals.noDueDate')}</span>;
  return (
    <span className={overdue ? 'due due-overdue' : 'due'}>
      {formatDate(`${dueOn}T12:00:00Z`)}
      {overdue ? (
        <strong className="overdue-flag">
          <span aria-hidden="true">⚠ </span>
          {t('referrals.overdue')}
        </strong>
      ) : null}
    </span>
  );
}
