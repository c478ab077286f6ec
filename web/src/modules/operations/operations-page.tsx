import { PHASES, PROGRAMMES, type Phase, type Programme } from '@jointops/shared/domain';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { phaseWords, programmeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { useSession } from '../../shell/viewer-context';
import { SelectField, TextField } from '../../ui/fields';
import { EmptyState } from '../../ui/page-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useStillHere } from '../../ui/use-still-here';
import { InvitationsSection } from './invitations-section';
import { OperationsTable, type OperationFilters } from './operations-list';
import './operations.css';

const words = defineMessages({
  title: { id: 'operations.title', defaultMessage: 'Operations' },
  newOperation: { id: 'operations.new', defaultMessage: 'New operation' },
  yours: { id: 'operations.list.title', defaultMessage: 'Your operations' },
  filters: { id: 'operations.filters', defaultMessage: 'Filter the operations' },
  search: { id: 'operations.filters.search', defaultMessage: 'Search by code or name' },
  phase: { id: 'operations.filters.phase', defaultMessage: 'Phase' },
  allPhases: { id: 'operations.filters.allPhases', defaultMessage: 'All phases' },
  programme: { id: 'operations.filters.programme', defaultMessage: 'Programme' },
  allProgrammes: { id: 'operations.filters.allProgrammes', defaultMessage: 'All programmes' },
  none: { id: 'operations.empty.none', defaultMessage: 'You take part in no operation yet.' },
  noneHint: { id: 'operations.empty.noneHint', defaultMessage: 'Create one, or accept an invitation below.' },
  noneHintAdmin: {
    id: 'operations.empty.noneHintAdmin',
    defaultMessage: 'An administrator keeps the directory of agencies and accounts; planners create the operations.',
  },
  noMatch: { id: 'operations.empty.noMatch', defaultMessage: 'No operation of yours matches these filters.' },
  noMatchHint: {
    id: 'operations.empty.noMatchHint',
    defaultMessage: 'Change the search or the filters, or clear them to see all your operations.',
  },
  clear: { id: 'operations.filters.clear', defaultMessage: 'Clear the filters' },
});

/** Typing waits this long for a pause before the list asks the server. */
const SEARCH_DELAY_MS = 300;

export function OperationsPage() {
  const intl = useIntl();
  const filters: OperationFilters = useSearch({ from: '/operations' });
  const navigate = useNavigate({ from: '/operations' });
  // Administrators keep the directory and may not create operations (the server refuses them).
  const mayCreate = !useSession().viewer.isAdmin;
  useDocumentTitle(intl.formatMessage(words.title));

  const setFilters = (change: OperationFilters) => void navigate({ search: (before) => ({ ...before, ...change }), replace: true });
  const filtered = !!(filters.search || filters.phase || filters.programme);
  const clear = () => void navigate({ search: {}, replace: true });

  return (
    <>
      <div className="page-header page-header-row">
        <h1>
          <FormattedMessage {...words.title} />
        </h1>
        {mayCreate && (
          <Link to="/operations/new" className="button primary">
            <FormattedMessage {...words.newOperation} />
          </Link>
        )}
      </div>
      <section className="panel" aria-labelledby="your-operations">
        <h2 id="your-operations">
          <FormattedMessage {...words.yours} />
        </h2>
        <div className="toolbar operations-filters" role="search" aria-label={intl.formatMessage(words.filters)}>
          <SearchBox value={filters.search ?? ''} onSearch={(search) => setFilters({ search: search || undefined })} />
          <SelectField
            label={intl.formatMessage(words.phase)}
            value={filters.phase ?? ''}
            onChange={(event) => setFilters({ phase: (event.target.value || undefined) as Phase | undefined })}
            options={[
              { value: '', label: intl.formatMessage(words.allPhases) },
              ...PHASES.map((phase) => ({ value: phase, label: intl.formatMessage(phaseWords[phase]) })),
            ]}
          />
          <SelectField
            label={intl.formatMessage(words.programme)}
            value={filters.programme ?? ''}
            onChange={(event) => setFilters({ programme: (event.target.value || undefined) as Programme | undefined })}
            options={[
              { value: '', label: intl.formatMessage(words.allProgrammes) },
              ...PROGRAMMES.map((programme) => ({ value: programme, label: intl.formatMessage(programmeWords[programme]) })),
            ]}
          />
        </div>
        <OperationsTable
          key={JSON.stringify([filters.search, filters.phase, filters.programme])}
          filters={filters}
          label={intl.formatMessage(words.yours)}
          empty={
            filtered ? (
              <EmptyState
                title={<FormattedMessage {...words.noMatch} />}
                hint={<FormattedMessage {...words.noMatchHint} />}
                action={
                  <button type="button" onClick={clear}>
                    <FormattedMessage {...words.clear} />
                  </button>
                }
              />
            ) : (
              <EmptyState
                title={<FormattedMessage {...words.none} />}
                hint={<FormattedMessage {...(mayCreate ? words.noneHint : words.noneHintAdmin)} />}
                action={
                  mayCreate && (
                    <Link to="/operations/new" className="button primary">
                      <FormattedMessage {...words.newOperation} />
                    </Link>
                  )
                }
              />
            )
          }
        />
      </section>
      <InvitationsSection />
    </>
  );
}

/** The search text as typed, sent to the address after a pause; the address wins when it changes otherwise. */
function SearchBox({ value, onSearch }: { value: string; onSearch(search: string): void }) {
  const intl = useIntl();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const search = useRef(onSearch);
  search.current = onSearch;
  const stillHere = useStillHere();

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const wanted = text.trim();
    if (wanted === sent.current) return;
    const timer = setTimeout(() => {
      if (!stillHere()) return;
      sent.current = wanted;
      search.current(wanted);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, stillHere]);

  return (
    <TextField
      label={intl.formatMessage(words.search)}
      type="search"
      value={text}
      onChange={(event) => setText(event.target.value)}
      className="search-field"
    />
  );
}
