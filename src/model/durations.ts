import { badRequest } from './errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A Go-style duration: one or more number-unit pairs, units ms, s, m, h.
 * @example parseDuration('1h30m') === 5_400_000
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw badRequest(`invalid duration "${text}": use e.g. 13s, 8m, 1h30m`);
  }
  return Math.round(parts.reduce((ms, p) => ms + Number(p[1]) * UNIT_MS[p[2]!]!, 0));
}

/** A moment as users write it: RFC 3339, a duration back from now (`-5m`), or a revision (`rev:N`). */
export type MomentSpec = { readonly time: number } | { readonly revision: number };

export function parseMoment(text: string, now: number): MomentSpec {
  const trimmed = text.trim();
  const rev = /^rev:(\d+)$/.exec(trimmed);
  if (rev) return { revision: Number(rev[1]) };
  if (trimmed.startsWith('-')) return { time: now - parseDuration(trimmed.slice(1)) };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
    const time = Date.parse(trimmed);
    if (!Number.isNaN(time)) return { time };
  }
  throw badRequest(`invalid time "${text}": use RFC 3339 (2015-12-09T10:34:18Z), a duration back from now (-5m, -2h) or rev:N`);
}
