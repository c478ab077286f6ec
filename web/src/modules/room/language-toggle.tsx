import { LOCALES, type Locale } from '@jointops/shared/domain';
import { useI18n } from '../../i18n/i18n-provider';

// Each language is named in itself, so a reader lost in the other one can still find theirs.
const NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

export function LanguageToggle() {
  const { t, locale, chooseLocale } = useI18n();
  return (
    <div className="language-toggle" role="group" aria-label={t['language.label']}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          data-testid={`lang-${option}`}
          onClick={() => chooseLocale(option)}
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
