import { Anchor, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../../core/schemas/timeline.js';
import { TimelineEventItem } from './timeline-event-item.js';
import classes from './timeline.module.css';

interface YearGroup {
  year: string;
  events: TimelineEvent[];
}

/** Groups events by year, keeping the order the server gave (oldest or newest first). */
function groupByYear(events: readonly TimelineEvent[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const event of events) {
    const year = event.when.date.slice(0, 4);
    const last = groups[groups.length - 1];
    if (last && last.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups;
}

/** The events on a vertical rail, one section per year, with a row of links to jump to a year. */
export function TimelineList({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  const groups = groupByYear(events);

  function jumpTo(year: string) {
    const heading = document.getElementById(`year-${year}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  return (
    <>
      {groups.length > 3 ? (
        <nav
          aria-label={t('timeline.jumpToYear')}
          style={{ marginBottom: 'var(--mantine-spacing-lg)' }}
        >
          <Text size="sm" c="dimmed" mb={4} component="p">
            {t('timeline.jumpToYear')}
          </Text>
          <ul className={classes.jump}>
            {groups.map((group) => (
              <li key={group.year}>
                <Anchor
                  href={`#year-${group.year}`}
                  size="sm"
                  onClick={(e) => {
                    e.preventDefault();
                    jumpTo(group.year);
                  }}
                >
                  {group.year}
                </Anchor>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className={classes.years}>
        {groups.map((group) => (
          <section key={group.year} aria-labelledby={`year-${group.year}`}>
            <Title
              order={2}
              id={`year-${group.year}`}
              className={classes.yearHeading}
              fz={20}
              tabIndex={-1}
            >
              {group.year}
              <Text component="span" size="sm" c="dimmed" fw={400} ml="sm">
                {t('timeline.eventCount', { count: group.events.length })}
              </Text>
            </Title>
            <ol className={classes.rail}>
              {group.events.map((event) => (
                <TimelineEventItem key={event.id} event={event} />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
}
