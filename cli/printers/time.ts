// kubectl's renderings of time. Every function takes "now" from its caller, so
// that output at a past revision is the output printed then.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * kubectl's shortHumanDuration. Go truncates each unit toward zero, and
 * tolerates a clock skew of under two seconds as "now".
 *
 * @example shortHumanDuration(59_999) // '59s'
 * @example shortHumanDuration(60_000) // '1m'
 */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 364) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

/** The age of `timestamp` at `now`, as the AGE and *SEEN columns print it. */
export function translateTimestamp(timestamp: string | undefined, now: Date): string {
  if (!timestamp) return '<unknown>';
  return shortHumanDuration(now.getTime() - Date.parse(timestamp));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// What Go prints for time.Time{}, the value of a timestamp the object lacks.
const GO_ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

/**
 * Go's `t.Format(time.RFC1123Z)` in UTC; an absent timestamp prints as Go's
 * zero time, as describe does for a container that never started.
 *
 * @example rfc1123z('2015-12-09T10:34:18Z') // 'Wed, 09 Dec 2015 10:34:18 +0000'
 */
export function rfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return GO_ZERO_TIME;
  const t = new Date(timestamp);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${DAYS[t.getUTCDay()]}, ${two(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ` +
    `${String(t.getUTCFullYear()).padStart(4, '0')} ` +
    `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} +0000`
  );
}
