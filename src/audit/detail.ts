import type { Entry } from '../model/entries.js';

/** Longer details are cut here: the table stays one line per entry; `-o json` has the rest. */
export const MAX_DETAIL = 120;

/**
 * A few words on what an entry changed, for the DETAIL column: the values a
 * reader would otherwise open the entry's data for.
 *
 * @example entryDetail(scaled) // 'replicas=3'
 * @example entryDetail(recorded) // 'Scheduled: Successfully assigned nginx-abcde to 10.0.3.254'
 */
export function entryDetail(entry: Entry): string {
  return oneLine(detailOf(entry));
}

function detailOf(entry: Entry): string {
  switch (entry.type) {
    case 'NamespaceCreated':
    case 'NamespaceDeletionRequested':
    case 'NamespaceDeleted':
    case 'ReplicationControllerDeleted':
    case 'PodReady':
    case 'PodDeleted':
    case 'EventDeleted':
      return '';
    case 'ClusterInitialized':
      return `clock=${entry.data.object.spec.clock}`;
    case 'ClockAdvanced':
      return `time=${entry.data.time}`;
    case 'NodeRegistered':
      return `maxPods=${entry.data.object.status.capacity['pods'] ?? '?'}`;
    case 'NodeImagePulled':
      return `image=${entry.data.image.names.join(',')}`;
    case 'ReplicationControllerCreated': {
      const rc = entry.data.object;
      return `replicas=${rc.spec.replicas} image=${rc.spec.template.spec.containers.map((c) => c.image).join(',')}`;
    }
    case 'ReplicationControllerScaled':
      return `replicas=${entry.data.replicas}`;
    case 'ReplicationControllerStatusUpdated':
      return `status.replicas=${entry.data.replicas} observedGeneration=${entry.data.observedGeneration}`;
    case 'PodCreated':
      return `image=${entry.data.object.spec.containers.map((c) => c.image).join(',')}`;
    case 'PodAdopted':
      return `owner=${entry.data.ownerReference.kind.toLowerCase()}/${entry.data.ownerReference.name}`;
    case 'PodBound':
      return `node=${entry.data.nodeName}`;
    case 'PodSandboxStarted':
      return `ip=${entry.data.podIP}`;
    case 'ImagePullStarted':
      return `container=${entry.data.container} image=${entry.data.image}`;
    case 'ContainerStarted':
      return `container=${entry.data.status.name}`;
    case 'PodDeletionRequested':
      return `grace=${entry.data.gracePeriodSeconds}s`;
    case 'EventRecorded':
      return `${entry.data.object.reason}: ${entry.data.object.message}`;
    case 'EventRepeated':
      return `count=${entry.data.count}`;
    default: {
      const exhaustive: never = entry;
      return (exhaustive as Entry).type;
    }
  }
}

// Event messages are free text: a newline or tab in one would break the table.
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= MAX_DETAIL ? flat : `${chars.slice(0, MAX_DETAIL - 3).join('')}...`;
}
