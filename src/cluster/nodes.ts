import { createHash } from 'node:crypto';
import { timestamp } from '../api/decide.js';
import { INFRA_IMAGE } from '../controllers/kubelet-stages.js';
import type { Node } from '../model/types.js';

export const DEFAULT_MAX_PODS = 110;
const FIRST_HOST = 3 * 256 + 254;

/**
 * Nodes are named by address, as the seed's node is: the first is
 * 10.0.3.254, and each next one counts down through 10.0.0.0/22, skipping
 * the .0 and .255 of each /24: 10.0.3.254, 10.0.3.253, … 10.0.3.1,
 * 10.0.2.254, … down to 10.0.0.1 (1,016 nodes at most).
 */
export function nodeAddress(index: number): string {
  let host = FIRST_HOST;
  for (let i = 0; i < index; i++) {
    host--;
    if ((host & 255) === 255) host--;
    if ((host & 255) === 0) host -= 2;
  }
  if (host < 1) throw new RangeError(`a cluster has at most ${MAX_NODES} nodes`);
  return `10.0.${host >> 8}.${host & 255}`;
}

export const MAX_NODES = 4 * 254;

/** A Ready node as a v1.1 kubelet registered it, holding the infra image already. */
export function makeNode(name: string, maxPods: number, now: Date, uid: string): Node {
  const time = timestamp(now);
  const machine = createHash('sha256').update(name).digest('hex');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid,
      resourceVersion: '',
      creationTimestamp: time,
      labels: { 'kubernetes.io/hostname': name },
    },
    spec: { externalID: name },
    status: {
      capacity: { cpu: '2', memory: '4046808Ki', pods: String(maxPods) },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: time,
          lastTransitionTime: time,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      addresses: [
        { type: 'LegacyHostIP', address: name },
        { type: 'InternalIP', address: name },
      ],
      nodeInfo: {
        machineID: machine.slice(0, 32),
        systemUUID: machine.slice(32, 64).toUpperCase(),
        bootID: machine.slice(0, 8) + '-' + machine.slice(8, 12) + '-' + machine.slice(12, 16) + '-' + machine.slice(16, 20) + '-' + machine.slice(20, 32),
        kernelVersion: '3.13.0-71-generic',
        osImage: 'Ubuntu 14.04.3 LTS',
        containerRuntimeVersion: 'docker://1.9.1',
        kubeletVersion: 'v1.1.2',
        kubeProxyVersion: 'v1.1.2',
      },
      images: [{ names: [INFRA_IMAGE], sizeBytes: 746888 }],
    },
  };
}
