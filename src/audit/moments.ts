import { type MomentSpec, parseMoment } from '../model/durations.js';
import { badRequest } from '../model/errors.js';
import { type Moment, resolveMoment } from '../projections/state-at.js';
import type { ClusterStore } from '../projections/store.js';

/** `--from`/`--to` as moments of the log; `to` defaults to the head. */
export async function resolveRange(
  store: ClusterStore,
  text: { readonly from: string; readonly to?: string | undefined },
  /** The cluster's reading of now, as Cluster.readNow gives it. */
  now: number,
): Promise<{ from: Moment; to: Moment }> {
  const resolve = (spec: MomentSpec) => resolveMoment(store, spec, now);
  const from = await resolve(parseMoment(text.from, now));
  const to = text.to !== undefined ? await resolve(parseMoment(text.to, now)) : await resolve({ revision: await store.head() });
  if (from.revision > to.revision) {
    throw badRequest(`--from (revision ${from.revision}) is after --to (revision ${to.revision})`);
  }
  return { from, to };
}
