import { LOCALES, type Locale } from '@jointops/shared/domain';
import { createContext, use, useEffect, useState, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { fr } from './fr';

const catalogues: Record<Locale, Messages> = { en, fr };

interface I18n {
  locale: Locale;
  t: Messages;
  chooseLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n | null>(null);

interface I18nProviderProps {
  /** The signed-in user's locale; the browser's languages decide until someone signs in. */
  userLocale: string | undefined;
  children: ReactNode;
}

export function I18nProvider({ userLocale, children }: I18nProviderProps) {
  const [chosen, chooseLocale] = useState<Locale | null>(null);
  const locale = chosen ?? toLocale(userLocale) ?? browserLocale();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return <I18nContext value={{ locale, t: catalogues[locale], chooseLocale }}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

function toLocale(tag: string | undefined): Locale | null {
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
