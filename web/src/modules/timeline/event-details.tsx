import type { EventDetail } from './event-description';

/** What an event or an attempt carried, each under its label: a justification, a reason, a list of criteria. */
export function EventDetails({ details, className }: { details: readonly EventDetail[]; className?: string }) {
  if (!details.length) return null;
  return (
    <dl className={['event-details', className].filter(Boolean).join(' ')}>
      {details.map((detail) => (
        <div key={detail.label}>
          <dt>{detail.label}</dt>
          {typeof detail.text === 'string' ? (
            <dd className="event-detail-text">{detail.text}</dd>
          ) : (
            <dd>
              <ul>
                {detail.text.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
