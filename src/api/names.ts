import type { ClusterStore } from '../projections/store.js';
import type { IdSource } from './ids.js';

/**
 * A generateName completed with Kubernetes' 5 random characters, drawn again
 * while the name is taken: 36^5 names make a clash likely once an RC has
 * thousands of pods.
 */
export async function freePodName(
  store: ClusterStore,
  ids: IdSource,
  namespace: string,
  prefix: string,
  taken: ReadonlySet<string>,
): Promise<string> {
  for (;;) {
    const name = prefix + ids.nameSuffix();
    if (!taken.has(name) && !(await store.get({ kind: 'Pod', namespace, name }))) return name;
  }
}
