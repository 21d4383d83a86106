import type { Event, EventSource, Labels } from '../../src/model/types.js';

/**
 * Go's labels.FormatLabels: `k=v` pairs sorted as strings (Go sorts the
 * joined pairs, not the keys), comma-joined; `<none>` for no labels.
 *
 * @example formatLabels({ run: 'nginx', app: 'web' }) // 'app=web,run=nginx'
 */
export function formatLabels(labels: Labels | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  // Default sort compares code units, i.e. byte order for the ASCII that label syntax allows.
  return pairs.length === 0 ? '<none>' : pairs.sort().join(',');
}

/**
 * Go's `%v` of an EventSource struct, which is how kubectl prints it.
 *
 * @example formatEventSource({ component: 'scheduler' }) // '{scheduler }'
 */
export function formatEventSource(source: EventSource): string {
  return `{${source.component} ${source.host ?? ''}}`;
}

/**
 * Events in the order kubectl prints them: by lastTimestamp, ties kept in the
 * order given (the log's), where Go's unstable sort would shuffle them.
 */
export function byLastTimestamp(events: readonly Event[]): Event[] {
  return [...events].sort((a, b) => Date.parse(a.lastTimestamp) - Date.parse(b.lastTimestamp));
}
