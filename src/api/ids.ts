import { randomBytes, randomUUID } from 'node:crypto';
import { customAlphabet } from 'nanoid';

/** The random choices actors make; injected so that tests can make them predictable. */
export interface IdSource {
  uid(): string;
  /** The 5 characters Kubernetes appends to a generateName. */
  nameSuffix(): string;
  /** A 64-hex-digit container id, as Docker makes. */
  containerID(): string;
}

const suffix = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 5);

export const randomIds: IdSource = {
  uid: () => randomUUID(),
  nameSuffix: () => suffix(),
  containerID: () => randomBytes(32).toString('hex'),
};
