import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/fixtures.js';
import { invalid } from '../../src/model/errors.js';
import type { PodManifest, ReplicationControllerManifest } from '../../src/model/manifest.js';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  validateGracePeriodArg,
  validateImageArg,
  validateNamespace,
  validatePortArg,
  validatePod,
  validateReplicasArg,
  validateReplicationController,
} from '../../src/model/validation.js';

const SUBDOMAIN_MESSAGE =
  "a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a DNS-1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

function rc(overrides: {
  name?: string;
  replicas?: number;
  selector?: Record<string, string>;
  templateLabels?: Record<string, string>;
  image?: string;
  restartPolicy?: string;
}): ReplicationControllerManifest {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: overrides.name ?? 'webserver-rc' },
    spec: {
      replicas: overrides.replicas ?? 1,
      selector: overrides.selector ?? { app: 'webserver' },
      template: {
        metadata: { labels: overrides.templateLabels ?? { app: 'webserver', status: 'serving' } },
        spec: {
          containers: [{ name: 'nginx', image: overrides.image ?? 'nginx:1.9.7', ports: [{ containerPort: 80 }] }],
          ...(overrides.restartPolicy === undefined ? {} : { restartPolicy: overrides.restartPolicy }),
        },
      },
    },
  };
}

function pod(spec: Partial<PodManifest['spec']>, name = 'nginx'): PodManifest {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...spec },
  };
}


describe('name syntax', () => {
  it('given DNS-1123 labels at and beyond 63 characters, then only 63 passes', () => {
    expect(isDNS1123Label('a'.repeat(63))).toEqual([]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it.each(['Nginx', '-nginx', 'nginx-', 'ngi_nx', ''])('given the label %j, then it is rejected with the regex', (name) => {
    expect(isDNS1123Label(name)).toEqual([LABEL_MESSAGE]);
  });

  it('given a label with dots, then the message says so', () => {
    expect(isDNS1123Label('my.name')).toEqual(['must not contain dots']);
  });

  it('given DNS-1123 subdomains, then dots are allowed, and 253 characters but not 254', () => {
    expect(isDNS1123Subdomain('webserver-rc.example.com')).toEqual([]);
    const long = `${'a'.repeat(63)}.`.repeat(4).slice(0, 253);
    expect(isDNS1123Subdomain(long)).toEqual([]);
    expect(isDNS1123Subdomain(`${long}a`)).toEqual(['must be no more than 253 characters']);
    expect(isDNS1123Subdomain('Webserver')).toEqual([SUBDOMAIN_MESSAGE]);
    expect(isDNS1123Subdomain('-webserver')).toEqual([SUBDOMAIN_MESSAGE]);
    expect(isDNS1123Subdomain('web..server')).toEqual([SUBDOMAIN_MESSAGE]);
  });
});

describe('validateReplicationController', () => {
  it('given the seed RC, then it is valid', () => {
    expect(validateReplicationController(rc({}))).toEqual([]);
  });

  it('given a selector the template labels do not satisfy, then the template labels are invalid', () => {
    // given
    const mismatched = rc({ selector: { app: 'webserver', tier: 'db' } });
    // when
    const causes = validateReplicationController(mismatched);
    // then
    expect(causes).toEqual([
      {
        field: 'spec.template.metadata.labels',
        message: 'Invalid value: {"app":"webserver","status":"serving"}: selector does not match template labels',
      },
    ]);
  });

  it('given an empty selector, then it is required', () => {
    expect(validateReplicationController(rc({ selector: {} }))).toEqual([
      { field: 'spec.selector', message: 'Required value' },
    ]);
  });

  it('given negative replicas, then the message is what kubectl prints', () => {
    // given
    const negative = rc({ replicas: -1 });
    // when
    const error = invalid('ReplicationController', 'webserver-rc', validateReplicationController(negative));
    // then
    expect(error.code).toBe('Invalid');
    expect(error.message).toBe(
      'ReplicationController "webserver-rc" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('given non-integer or huge replicas, then they are invalid', () => {
    expect(validateReplicationController(rc({ replicas: 1.5 }))).toEqual([
      { field: 'spec.replicas', message: 'Invalid value: 1.5: must be an integer' },
    ]);
    expect(validateReplicationController(rc({ replicas: 2 ** 31 }))).toEqual([
      { field: 'spec.replicas', message: 'Invalid value: 2147483648: must be less than or equal to 2147483647' },
    ]);
  });

  it('given zero replicas, then it is valid', () => {
    expect(validateReplicationController(rc({ replicas: 0 }))).toEqual([]);
  });

  it('given an empty image, then the template path names it as required', () => {
    expect(validateReplicationController(rc({ image: '' }))).toEqual([
      { field: 'spec.template.spec.containers[0].image', message: 'Required value' },
    ]);
  });

  it('given a restart policy other than Always, then the RC rejects it', () => {
    expect(validateReplicationController(rc({ restartPolicy: 'Never' }))).toEqual([
      { field: 'spec.template.spec.restartPolicy', message: 'Unsupported value: "Never": supported values: "Always"' },
    ]);
  });

  it('given several problems, then invalid() puts them on one line joined by commas', () => {
    // given
    const bad = rc({ name: 'Web', replicas: -2, image: '' });
    // when
    const error = invalid('ReplicationController', 'Web', validateReplicationController(bad));
    // then
    expect(error.message).toBe(
      `ReplicationController "Web" is invalid: metadata.name: Invalid value: "Web": ${SUBDOMAIN_MESSAGE}, ` +
        'spec.replicas: Invalid value: -2: must be greater than or equal to 0, ' +
        'spec.template.spec.containers[0].image: Required value',
    );
    expect(error.message).not.toContain('\n');
    expect(error.details?.causes).toHaveLength(3);
  });

  it('given invalid label keys or values, then each is reported under its map', () => {
    const causes = validateReplicationController(rc({ selector: { app: 'a b' }, templateLabels: { app: 'a b' } }));
    expect(causes.map((c) => c.field)).toEqual(['spec.selector', 'spec.template.metadata.labels']);
    expect(causes[0]?.message).toMatch(/^Invalid value: "a b": a valid label must be an empty string/);
  });
});

describe('validatePod', () => {
  it('given a minimal pod, then it is valid', () => {
    expect(validatePod(pod({}))).toEqual([]);
  });

  it('given neither name nor generateName, then a name is required', () => {
    expect(validatePod({ ...pod({}), metadata: {} })).toEqual([
      { field: 'metadata.name', message: 'Required value: name or generateName is required' },
    ]);
  });

  it('given a generateName ending in a dash, then it is valid, since the suffix completes it', () => {
    expect(validatePod({ ...pod({}), metadata: { generateName: 'nginx-' } })).toEqual([]);
    expect(validatePod({ ...pod({}), metadata: { generateName: 'Nginx-' } })[0]?.field).toBe('metadata.generateName');
  });

  it('given a bad namespace, then it is reported as a DNS-1123 label', () => {
    expect(validatePod({ ...pod({}), metadata: { name: 'nginx', namespace: 'My_NS' } })).toEqual([
      { field: 'metadata.namespace', message: `Invalid value: "My_NS": ${LABEL_MESSAGE}` },
    ]);
  });

  it('given no containers, then containers are required', () => {
    expect(validatePod(pod({ containers: [] }))).toEqual([{ field: 'spec.containers', message: 'Required value' }]);
  });

  it('given two containers with one name, then the second is a duplicate', () => {
    const causes = validatePod(pod({ containers: [{ name: 'web', image: 'nginx' }, { name: 'web', image: 'redis' }] }));
    expect(causes).toEqual([{ field: 'spec.containers[1].name', message: 'Duplicate value: "web"' }]);
  });

  it('given bad container names, then they are checked as DNS-1123 labels', () => {
    const causes = validatePod(
      pod({
        containers: [
          { name: '', image: 'nginx' },
          { name: 'Web', image: 'nginx' },
          { name: 'a'.repeat(64), image: 'nginx' },
        ],
      }),
    );
    expect(causes).toEqual([
      { field: 'spec.containers[0].name', message: 'Required value' },
      { field: 'spec.containers[1].name', message: `Invalid value: "Web": ${LABEL_MESSAGE}` },
      { field: 'spec.containers[2].name', message: `Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters` },
    ]);
  });

  it('given images with whitespace, then they are invalid', () => {
    const causes = validatePod(
      pod({
        containers: [
          { name: 'a', image: ' nginx' },
          { name: 'b', image: 'ng inx' },
        ],
      }),
    );
    expect(causes).toEqual([
      { field: 'spec.containers[0].image', message: 'Invalid value: " nginx": must not have leading or trailing whitespace' },
      { field: 'spec.containers[1].image', message: 'Invalid value: "ng inx": must not contain whitespace' },
    ]);
  });

  it('given ports out of range or with a bad protocol, then each is reported', () => {
    const causes = validatePod(
      pod({
        containers: [
          {
            name: 'web',
            image: 'nginx',
            ports: [
              { containerPort: 0 },
              { containerPort: 65536 },
              { containerPort: 65535, protocol: 'SCTP' },
              { containerPort: 1, protocol: 'UDP' },
            ],
          },
        ],
      }),
    );
    expect(causes).toEqual([
      { field: 'spec.containers[0].ports[0].containerPort', message: 'Required value' },
      {
        field: 'spec.containers[0].ports[1].containerPort',
        message: 'Invalid value: 65536: must be between 1 and 65535, inclusive',
      },
      {
        field: 'spec.containers[0].ports[2].protocol',
        message: 'Unsupported value: "SCTP": supported values: "TCP", "UDP"',
      },
    ]);
  });

  it('given unknown policies and a negative grace period, then each is reported', () => {
    const causes = validatePod(pod({ restartPolicy: 'Sometimes', dnsPolicy: 'None', terminationGracePeriodSeconds: -1 }));
    expect(causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "None": supported values: "ClusterFirst", "Default"',
      'spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
});

describe('validateNamespace', () => {
  it('given namespace names, then they must be DNS-1123 labels', () => {
    expect(validateNamespace({ metadata: { name: 'kube-system' } })).toEqual([]);
    expect(validateNamespace({ metadata: { name: 'a.b' } })).toEqual([
      { field: 'metadata.name', message: 'Invalid value: "a.b": must not contain dots' },
    ]);
    expect(validateNamespace({ metadata: { name: 'a'.repeat(64) } })[0]?.message).toMatch(/must be no more than 63 characters$/);
  });

  it('given a namespace inside a namespace, then it is forbidden', () => {
    expect(validateNamespace({ metadata: { name: 'team', namespace: 'default' } })).toEqual([
      { field: 'metadata.namespace', message: 'Forbidden: not allowed on this type' },
    ]);
  });
});

describe('validateReplicasArg', () => {
  it.each([
    ['3', 3],
    [3, 3],
    ['0', 0],
    ['+2', 2],
  ])('given %j, then it is the count %d', (value, count) => {
    expect(validateReplicasArg(value)).toBe(count);
  });

  it.each([
    ['-1', 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'],
    [undefined, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'],
    ['1.5', 'invalid argument "1.5" for "--replicas" flag: must be an integer'],
    ['three', 'invalid argument "three" for "--replicas" flag: must be an integer'],
    [Number.NaN, 'invalid argument "NaN" for "--replicas" flag: must be an integer'],
    ['2147483648', 'invalid argument "2147483648" for "--replicas" flag: must be no more than 2147483647'],
  ])('given %j, then it fails with %j', (value, message) => {
    const error = errorOf(() => validateReplicasArg(value));
    expect(error.code).toBe('BadRequest');
    expect(error.message).toBe(message);
  });
});

describe('validatePortArg', () => {
  it('given ports in range, then they are returned as numbers', () => {
    expect(validatePortArg('80')).toBe(80);
    expect(validatePortArg(65535)).toBe(65535);
  });

  it.each([
    ['0', 'invalid argument "0" for "--port" flag: must be between 1 and 65535, inclusive'],
    ['65536', 'invalid argument "65536" for "--port" flag: must be between 1 and 65535, inclusive'],
    ['http', 'invalid argument "http" for "--port" flag: must be an integer'],
  ])('given %j, then it fails with %j', (value, message) => {
    expect(errorOf(() => validatePortArg(value)).message).toBe(message);
  });
});

describe('validateGracePeriodArg', () => {
  it('given a period, then it is seconds; given a negative one, then kubectl ignores it', () => {
    expect(validateGracePeriodArg('30')).toBe(30);
    expect(validateGracePeriodArg('0')).toBe(0);
    expect(validateGracePeriodArg('-1')).toBeUndefined();
  });

  it('given a non-integer, then it fails', () => {
    expect(errorOf(() => validateGracePeriodArg('1s')).message).toBe(
      'invalid argument "1s" for "--grace-period" flag: must be an integer',
    );
  });
});

describe('validateImageArg', () => {
  it.each(['nginx', 'nginx:1.9.7', 'gcr.io/google_containers/pause:0.8.0', 'localhost:5000/team/app:v1', `busybox@sha256:${'a'.repeat(64)}`])(
    'given %j, then it is accepted',
    (image) => {
      expect(validateImageArg(image)).toBe(image);
    },
  );

  it('given no image, then it is required', () => {
    expect(errorOf(() => validateImageArg(undefined)).message).toBe('--image is required');
    expect(errorOf(() => validateImageArg('')).message).toBe('--image is required');
  });

  it.each(['Nginx', 'ng inx', 'nginx:', ':tag', 'nginx::1'])('given %j, then it is an invalid reference', (image) => {
    expect(errorOf(() => validateImageArg(image)).message).toBe(
      `Invalid image name ${JSON.stringify(image)}: invalid reference format`,
    );
  });
});
