import { useI18n } from '../../i18n/i18n-provider';
import type { LiveState } from '../../lib/urql';

export function LiveConnectionIndicator({ state }: { state: LiveState }) {
  const { t } = useI18n();
  return (
    <p className="live" role="status">
      {t['live.label']}{' '}
      <span className="live-state" data-state={state} data-testid="ws-state">
        {t[`live.${state}` as const]}
      </span>
    </p>
  );
}
