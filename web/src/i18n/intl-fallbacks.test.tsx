import { acknowledgementDeadlinesInput } from '@jointops/shared/alerts';
import { advancePhaseInput, updateOperationInput } from '@jointops/shared/operations';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useIntl } from 'react-intl';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { LanguageSwitch } from '../shell/preferences';
import { formatInstant } from '../ui/time';
import { IntlRoot } from './intl-root';
import { describeIssue, problemWords, say, type FieldIssue, type Problem } from './problems';
import { translateServerText } from './server-texts';

// What a reader gets when the words are not all there: the French catalogue as the app loads it,
// English where a translation is missing (and a loud report of it), and, for a refusal no
// sentence is known for, the rule it breaks or a generic refusal, in the reader's language.

/** Defined here only, so never in a catalogue: formatjs extract leaves *.test.tsx out. */
const onlyInEnglish = { id: 'test.onlyInEnglish', defaultMessage: 'Said only in English' };

function Problems({ problems }: { problems: readonly Problem[] }) {
  const intl = useIntl();
  return (
    <>
      <LanguageSwitch />
      <ul>
        {problems.map((problem, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered.
          <li key={index}>{say(intl, problem)}</li>
        ))}
      </ul>
    </>
  );
}

function Figures() {
  const intl = useIntl();
  return (
    <>
      <LanguageSwitch />
      <p>{intl.formatNumber(1250.5)}</p>
      <p>{formatInstant(intl.locale, '2026-05-01T15:30:00Z', 'UTC')}</p>
    </>
  );
}

const shownProblems = () => screen.getAllByRole('listitem').map((item) => item.textContent);
const issuesOf = (result: { success: boolean; error?: { issues: FieldIssue[] } }): FieldIssue[] => result.error?.issues ?? [];

describe('i18n fallbacks', () => {
  let consoleError: MockInstance<typeof console.error>;

  beforeEach(() => {
    localStorage.clear();
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('speaks French to a browser that prefers it, with the French catalogue', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CA', 'en-GB']);
    render(
      <IntlRoot userLocale={undefined}>
        <Problems problems={[{ message: problemWords.required }]} />
      </IntlRoot>,
    );
    expect(await screen.findByText('Obligatoire')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('shows the English words of a message the French catalogue lacks, and reports the missing translation', async () => {
    render(
      <IntlRoot userLocale="fr">
        <Problems problems={[{ message: onlyInEnglish }, { message: problemWords.required }]} />
      </IntlRoot>,
    );
    expect(await screen.findByText('Said only in English')).toBeInTheDocument();
    expect(screen.getByText('Obligatoire')).toBeInTheDocument();
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/^\[intl\] MISSING_TRANSLATION: .*test\.onlyInEnglish/));
  });

  it('says a server sentence it knows in French, and one it does not as the generic refusal', async () => {
    render(
      <IntlRoot userLocale="fr">
        <Problems
          problems={[
            describeIssue({ path: ['input', 'code'], message: 'An operation with this code already exists' }),
            describeIssue({ path: ['input', 'name'], message: 'Names must rhyme' }),
          ]}
        />
      </IntlRoot>,
    );
    await screen.findByRole('list');
    expect(shownProblems()).toEqual(['Une opération porte déjà ce code', 'Le serveur a refusé cette valeur.']);
  });

  it('words a zod issue with no known sentence by the rule it breaks, with its bound in words', async () => {
    const tooLong = issuesOf(advancePhaseInput.safeParse({ operationId: 'T3A=', to: 'CLOSED', overrideJustification: 'x'.repeat(4001) }));
    const tooMany = issuesOf(updateOperationInput.safeParse({ operationId: 'T3A=', targetCommodityIds: Array(101).fill('Q29t') }));
    const tooSmall = issuesOf(acknowledgementDeadlinesInput.safeParse([{ severity: 'LOW', minutes: 0 }]));
    const tooShort: FieldIssue = {
      code: 'too_small',
      origin: 'string',
      minimum: 3,
      path: ['name'],
      message: 'Too small: expected string to have >=3 characters',
    };
    const issues = [...tooLong, ...tooMany, ...tooSmall, tooShort];
    expect(issues.map((issue) => [issue.code, translateServerText(issue.message)])).toEqual([
      ['too_big', null],
      ['too_big', null],
      ['too_small', null],
      ['too_small', null],
    ]);
    render(
      <IntlRoot userLocale="fr">
        <Problems problems={issues.map(describeIssue)} />
      </IntlRoot>,
    );
    await screen.findByRole('list');
    expect(shownProblems()).toEqual([
      '4\u202f000 caractères au plus',
      'Choisissez au plus 100 éléments',
      'Au moins 1',
      'Au moins 3 caractères',
    ]);
  });

  it('re-words a problem already on screen when the reader switches language', async () => {
    const problems = [
      translateServerText('Must not start before OPERATIONAL ends')!,
      describeIssue({ path: ['name'], message: 'Names must rhyme' }),
    ];
    render(
      <IntlRoot userLocale="fr">
        <Problems problems={problems} />
      </IntlRoot>,
    );
    await screen.findByRole('list');
    expect(shownProblems()).toEqual([
      'Ne doit pas commencer avant la fin de la phase «\u00a0Opérationnelle\u00a0»',
      'Le serveur a refusé cette valeur.',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('The server refused this value.')).toBeInTheDocument();
    expect(shownProblems()).toEqual(['Must not start before the Operational phase ends', 'The server refused this value.']);
    expect(localStorage.getItem('jointops.locale')).toBe('en');

    await userEvent.click(screen.getByRole('button', { name: 'Français' }));
    expect(await screen.findByText('Le serveur a refusé cette valeur.')).toBeInTheDocument();
  });

  it('writes numbers and times as each language does: a narrow no-break space in French thousands, a 24-hour clock', async () => {
    render(
      <IntlRoot userLocale="fr">
        <Figures />
      </IntlRoot>,
    );
    // Testing Library matches with spaces normalised; the text itself must hold the narrow one.
    expect((await screen.findByText('1 250,5')).textContent).toBe('1\u202f250,5');
    const frenchTime = screen.getByText(/15:30/).textContent;
    expect(frenchTime).toMatch(/^1 mai 2026/);
    expect(frenchTime).not.toMatch(/AM|PM/i);

    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('1,250.5')).toBeInTheDocument();
    const englishTime = screen.getByText(/15:30/).textContent;
    expect(englishTime).toMatch(/^1 May 2026/);
    expect(englishTime).not.toMatch(/AM|PM/i);
  });
});
