import { LOCALES, type Locale } from '@jointops/shared/domain';
import { createContext, use, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';

type Catalogue = Record<string, string>;

// English is the source language: its words are the `defaultMessage`s in the code, so it needs no
// catalogue. Each other language is one catalogue per area of the app (lang/fr/*.json, edited by
// translators), fetched together the first time someone chooses that language.
const frenchParts = import.meta.glob<Catalogue>('../../lang/fr/*.json', { import: 'default' });
export const loaders: Record<Locale, () => Promise<Catalogue>> = {
  en: async () => ({}),
  fr: async () => Object.assign({}, ...(await Promise.all(Object.values(frenchParts).map((load) => load())))),
};

const STORAGE_KEY = 'jointops.locale';

interface LocaleChoice {
  locale: Locale;
  chooseLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleChoice | null>(null);

export function useLocaleChoice(): LocaleChoice {
  const choice = use(LocaleContext);
  if (!choice) throw new Error('useLocaleChoice must be used inside <IntlRoot>');
  return choice;
}

interface IntlRootProps {
  /** The signed-in user's language; the browser's decides until someone signs in. */
  userLocale: string | undefined;
  children: ReactNode;
}

export function IntlRoot({ userLocale, children }: IntlRootProps) {
  const [chosen, setChosen] = useState<Locale | null>(() => toLocale(localStorage.getItem(STORAGE_KEY) ?? undefined));
  const locale = chosen ?? toLocale(userLocale) ?? browserLocale();
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Catalogue } | null>(null);

  useEffect(() => {
    let current = true;
    void loaders[locale]().then((messages) => {
      if (current) setLoaded({ locale, messages });
    });
    document.documentElement.lang = locale;
    return () => {
      current = false;
    };
  }, [locale]);

  const chooseLocale = (next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setChosen(next);
  };

  // Until the catalogue has come, the page keeps the language it had rather than flash English.
  if (!loaded) return null;
  return (
    <LocaleContext value={{ locale: loaded.locale, chooseLocale }}>
      <IntlProvider locale={intlLocale(loaded.locale)} defaultLocale="en-GB" messages={loaded.messages} onError={reportIntlError}>
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}

/** Day-first dates and the 24-hour clock where the language uses them: en-GB, not en-US. */
export const intlLocale = (locale: Locale): string => (locale === 'en' ? 'en-GB' : 'fr-FR');

// A missing translation is a defect to see in the console (the browser tests fail on it), not a
// crash: the reader still gets the English words.
function reportIntlError(error: { code: string; message: string }) {
  console.error(`[intl] ${error.code}: ${error.message}`);
}

export function toLocale(tag: string | undefined): Locale | null {
  const language = tag?.split('-')[0]?.toLowerCase();
  return LOCALES.find((locale) => locale === language) ?? null;
}

function browserLocale(): Locale {
  for (const tag of navigator.languages) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}
