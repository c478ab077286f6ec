import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { commodityName } from '../../ui/commodity-name';
import { alertCategoryWords, distributionWords, outcomeWords } from '../../i18n/codes';
import { defineMessages } from '../../i18n/define-messages';
import { AgencyName } from '../../ui/agency';
import { DateTime } from '../../ui/time';
import type { AlertDetail } from './alert-documents';
import { MarkingLabel, SeverityBadge } from './alert-badges';
import { WithdrawAlertDialog } from './withdraw-alert-dialog';

const words = defineMessages({
  facts: { id: 'alerts.header.facts', defaultMessage: 'About this alert' },
  category: { id: 'alerts.header.category', defaultMessage: 'Category' },
  severity: { id: 'alerts.header.severity', defaultMessage: 'Severity' },
  marking: { id: 'alerts.header.marking', defaultMessage: 'Marking' },
  distribution: { id: 'alerts.header.distribution', defaultMessage: 'Distribution' },
  outcome: { id: 'alerts.header.outcome', defaultMessage: 'Outcome' },
  raised: { id: 'alerts.header.raised', defaultMessage: 'Raised by' },
  version: { id: 'alerts.header.version', defaultMessage: 'Version' },
  amended: { id: 'alerts.header.amended', defaultMessage: 'Version {version}, amended by {person}' },
  commodities: { id: 'alerts.header.commodities', defaultMessage: 'Commodities' },
  withdrawn: { id: 'alerts.header.withdrawn', defaultMessage: 'Withdrawn by {person}' },
  withdrawnReason: { id: 'alerts.header.withdrawnReason', defaultMessage: 'Reason: {reason}' },
  withdrawnNote: {
    id: 'alerts.header.withdrawnNote',
    defaultMessage: 'This alert stays readable, but it is no longer escalated, acknowledged, answered or amended.',
  },
  amend: { id: 'alerts.header.amend', defaultMessage: 'Amend the alert' },
  withdraw: { id: 'alerts.header.withdraw', defaultMessage: 'Withdraw the alert' },
});

interface AlertHeaderProps {
  alert: AlertDetail;
  code: string;
  referenceZone: string;
  mayAmend: boolean;
}

/** The alert at a glance: what it is, how grave, how far it may go, who raised it, and whether it still stands. */
export function AlertHeader({ alert, code, referenceZone, mayAmend }: AlertHeaderProps) {
  const intl = useIntl();
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <div className="alert-header">
      <p className="operation-code">{alert.reference}</p>
      <h2>{alert.title}</h2>
      {alert.withdrawnAt && (
        <div className="alert-withdrawn" role="note">
          <p>
            <strong>
              <FormattedMessage {...words.withdrawn} values={{ person: alert.withdrawnBy?.displayName ?? '—' }} />
            </strong>
            {', '}
            <DateTime value={alert.withdrawnAt} referenceZone={referenceZone} />
          </p>
          {alert.withdrawalReason && (
            <p>
              <FormattedMessage {...words.withdrawnReason} values={{ reason: alert.withdrawalReason }} />
            </p>
          )}
          <p className="muted">
            <FormattedMessage {...words.withdrawnNote} />
          </p>
        </div>
      )}
      <dl className="alert-facts" aria-label={intl.formatMessage(words.facts)}>
        <div>
          <dt>
            <FormattedMessage {...words.severity} />
          </dt>
          <dd>
            <SeverityBadge severity={alert.severity} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage {...words.category} />
          </dt>
          <dd>{intl.formatMessage(alertCategoryWords[alert.category])}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage {...words.marking} />
          </dt>
          <dd>
            <MarkingLabel marking={alert.marking} explained />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage {...words.distribution} />
          </dt>
          <dd>{intl.formatMessage(distributionWords[alert.distribution])}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage {...words.outcome} />
          </dt>
          <dd>{intl.formatMessage(outcomeWords[alert.outcome])}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage {...words.raised} />
          </dt>
          <dd>
            {alert.raisedBy.displayName}, <AgencyName agency={alert.raisedByAgency} />
            {' · '}
            <DateTime value={alert.raisedAt} referenceZone={referenceZone} />
          </dd>
        </div>
        {alert.amendedAt && (
          <div>
            <dt>
              <FormattedMessage {...words.version} />
            </dt>
            <dd>
              <FormattedMessage {...words.amended} values={{ version: alert.version, person: alert.amendedBy?.displayName ?? '—' }} />
              {' · '}
              <DateTime value={alert.amendedAt} referenceZone={referenceZone} />
            </dd>
          </div>
        )}
        {alert.commodities.length > 0 && (
          <div>
            <dt>
              <FormattedMessage {...words.commodities} />
            </dt>
            <dd>{alert.commodities.map((commodity) => commodityName(intl.locale, commodity)).join(', ')}</dd>
          </div>
        )}
      </dl>
      {mayAmend && (
        <div className="toolbar">
          <Link to="/operations/$code/alerts/$alertId/amend" params={{ code, alertId: alert.id }} className="button">
            <FormattedMessage {...words.amend} />
          </Link>
          <button type="button" className="danger" onClick={() => setWithdrawing(true)}>
            <FormattedMessage {...words.withdraw} />
          </button>
        </div>
      )}
      {withdrawing && <WithdrawAlertDialog alertId={alert.id} reference={alert.reference} onClose={() => setWithdrawing(false)} />}
    </div>
  );
}
