// An indicator's or a report's status as a word with its own mark and colour: never colour alone.
import { useI18n } from '../../i18n/I18nProvider.js';

type Status = 'on_track' | 'at_risk' | 'off_track' | 'no_data';

/** A shape per status, so that the status reads without colour (and in greyscale print). */
const MARK: Record<Status, string> = { on_track: '✓', at_risk: '!', off_track: '✗', no_data: '–' };

export function ProgressBadge(props: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`progress-badge progress-${props.status}`}>
      <span className="progress-mark" aria-hidden="true">
        {MARK[props.status]}
      </span>
      {t(`plans.progress.${props.status}`)}
    </span>
  );
}
