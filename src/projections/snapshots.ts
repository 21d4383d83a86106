import type { KubeObject } from '../model/types.js';
import { MemoryState } from './memory-state.js';

/** Entries between two snapshots: a read in the past folds at most this many after loading one. */
export const DEFAULT_SNAPSHOT_INTERVAL = 1_000;

interface SnapshotBody {
  readonly objects: readonly { readonly object: KubeObject; readonly createdSeq: number }[];
}

export function encodeSnapshot(state: MemoryState): string {
  const body: SnapshotBody = { objects: [...state.held()] };
  return JSON.stringify(body);
}

export function decodeSnapshot(revision: number, body: string): MemoryState {
  return MemoryState.restore(revision, (JSON.parse(body) as SnapshotBody).objects);
}

/** The snapshot interval: KUBELOG_SNAPSHOT_INTERVAL entries, or the default. */
export function snapshotInterval(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env['KUBELOG_SNAPSHOT_INTERVAL']);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_SNAPSHOT_INTERVAL;
}
