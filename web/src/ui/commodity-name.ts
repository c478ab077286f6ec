/**
 * A catalogue item's name in the language the screen is read in (react-intl's locale), not the
 * account's: the server's `name` follows the account, which a French screen would leave English.
 */
export function commodityName(locale: string, commodity: { nameEn: string; nameFr: string }): string {
  return locale.startsWith('fr') ? commodity.nameFr : commodity.nameEn;
}
