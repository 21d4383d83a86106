import type { EntrySubject } from '../model/entries.js';
import type { KubeObject } from '../model/types.js';

/**
 * How audit output names an object: the lower-case kind as in `-o name`, then
 * the namespace when the kind has one, then the name.
 *
 * @example objectRef({ kind: 'Pod', namespace: 'default', name: 'nginx-abcde' }) // 'pod/default/nginx-abcde'
 * @example objectRef({ kind: 'Node', namespace: '', name: '10.0.3.254' }) // 'node/10.0.3.254'
 */
export function objectRef(subject: Pick<EntrySubject, 'kind' | 'namespace' | 'name'>): string {
  const namespace = subject.namespace ? `${subject.namespace}/` : '';
  return `${subject.kind.toLowerCase()}/${namespace}${subject.name}`;
}

export function objectRefOf(object: KubeObject): string {
  return objectRef({ kind: object.kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name });
}
