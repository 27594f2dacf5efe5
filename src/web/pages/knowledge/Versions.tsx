// "Also in: Français, العربية": the item's versions in other languages that the reader may see, each named in
// its own language and opened as that version.
import type { ItemView } from '../../api/knowledge.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { versionPath } from './HitCard.js';
import { LanguageName } from './text-language.js';

export function Versions(props: { item: ItemView }) {
  const { t } = useI18n();
  const { translations } = props.item;
  if (translations.length === 0) return null;
  return (
    <nav className="item-versions" aria-label={t('knowledge.item.versions')}>
      <span>{t('knowledge.alsoIn')}</span>{' '}
      <ul className="inline-list">
        {translations.map((version) => (
          <li key={version.id}>
            <Link to={versionPath(version)}>
              <LanguageName language={version.language} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
