import { type MomentSpec, parseMoment } from '../model/durations.js';
import { badRequest } from '../model/errors.js';
import { type Moment, resolveMoment } from '../projections/state-at.js';
import type { ClusterStore } from '../projections/store.js';

/**
 * "Now" for a moment such as `-5m`: the cluster's clock (`Cluster.now`, real
 * or virtual), but never before the last entry. The API stamps an entry with
 * the later of its clock and the head's time, so a machine whose clock is
 * behind the one that wrote the log still sees every entry as past.
 */
export async function clusterNow(store: ClusterStore, clock: number): Promise<number> {
  return Math.max(clock, (await store.headTime()) ?? 0);
}

/** `--from`/`--to` as moments of the log; `to` defaults to the head. */
export async function resolveRange(
  store: ClusterStore,
  text: { readonly from: string; readonly to?: string | undefined },
  clock: number,
): Promise<{ from: Moment; to: Moment }> {
  const now = await clusterNow(store, clock);
  const resolve = (spec: MomentSpec) => resolveMoment(store, spec, now);
  const from = await resolve(parseMoment(text.from, now));
  const to = text.to !== undefined ? await resolve(parseMoment(text.to, now)) : await resolve({ revision: await store.head() });
  if (from.revision > to.revision) {
    throw badRequest(`--from (revision ${from.revision}) is after --to (revision ${to.revision})`);
  }
  return { from, to };
}
