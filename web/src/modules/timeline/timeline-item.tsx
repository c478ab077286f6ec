import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { DateTime, RelativeTime } from '../../ui/time';
import { describeEvent } from './describe-event';
import type { EventTag } from './event-description';
import { EventDetails } from './event-details';
import type { TimelineEvent } from './timeline-documents';

const TAG_CLASS: Record<EventTag['tone'], string> = {
  warn: 'badge badge-warn',
  danger: 'badge badge-danger',
  ok: 'badge badge-ok',
  neutral: 'badge',
  tlp: 'timeline-tlp',
};

interface TimelineItemProps {
  event: TimelineEvent;
  referenceZone: string;
  /** The first of a page just loaded: it takes the focus, so the reader continues from there. */
  focus?: boolean;
}

/** One event: what happened in a sentence, its markers and what it carried, then when. */
export function TimelineItem({ event, referenceZone, focus = false }: TimelineItemProps) {
  const intl = useIntl();
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focus) item.current?.focus();
  }, [focus]);
  const { sentence, tags = [], details = [], flagged = false } = describeEvent(intl, event);
  return (
    <li ref={item} tabIndex={focus ? -1 : undefined} className={flagged ? 'timeline-item timeline-flagged' : 'timeline-item'}>
      <p className="timeline-sentence">
        {flagged && (
          <span className="timeline-flag" aria-hidden="true">
            ⚠
          </span>
        )}
        {sentence}
      </p>
      {tags.length > 0 && (
        <p className="timeline-tags">
          {tags.map((tag) => (
            <span key={tag.text} className={TAG_CLASS[tag.tone]} title={tag.title} data-marking={tag.tone === 'tlp' ? tag.text : undefined}>
              {tag.text}
            </span>
          ))}
        </p>
      )}
      <EventDetails details={details} />
      <p className="timeline-when">
        <RelativeTime value={event.occurredAt} referenceZone={referenceZone} />
        <span aria-hidden="true"> · </span>
        <DateTime value={event.occurredAt} referenceZone={referenceZone} />
      </p>
    </li>
  );
}
