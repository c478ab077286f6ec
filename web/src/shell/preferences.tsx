import { LOCALES, type Locale } from '@jointops/shared/domain';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages } from '../i18n/define-messages';
import { useLocaleChoice } from '../i18n/intl-root';

const words = defineMessages({
  language: { id: 'shell.language', defaultMessage: 'Language' },
  display: { id: 'shell.display', defaultMessage: 'Display' },
  light: { id: 'shell.display.light', defaultMessage: 'Desk' },
  wall: { id: 'shell.display.wall', defaultMessage: 'Wall screen' },
});

// Each language is named in itself, so a reader lost in the other one can still find theirs.
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, chooseLocale } = useLocaleChoice();
  return (
    <div className="segmented" role="group" aria-label={intl.formatMessage(words.language)}>
      {LOCALES.map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === locale} onClick={() => chooseLocale(option)}>
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}

type Display = 'desk' | 'wall';
const DISPLAY_KEY = 'jointops.display';

/** The wall screen of an operations centre: dark, large type, read from three metres. */
export function DisplaySwitch() {
  const intl = useIntl();
  const [display, setDisplay] = useState<Display>(() => (localStorage.getItem(DISPLAY_KEY) === 'wall' ? 'wall' : 'desk'));
  useEffect(() => {
    document.documentElement.dataset.display = display;
    localStorage.setItem(DISPLAY_KEY, display);
  }, [display]);
  return (
    <div className="segmented" role="group" aria-label={intl.formatMessage(words.display)}>
      {(['desk', 'wall'] as const).map((option) => (
        <button key={option} type="button" aria-pressed={option === display} onClick={() => setDisplay(option)}>
          {intl.formatMessage(option === 'desk' ? words.light : words.wall)}
        </button>
      ))}
    </div>
  );
}
