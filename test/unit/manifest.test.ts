import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/fixtures.js';
import { defaultPodSpec, defaultReplicationController, parseManifests } from '../../src/model/manifest.js';
import { validateReplicationController } from '../../src/model/validation.js';

const SEED_RC = readFileSync(new URL('../../../shared/seed/webserver-rc.yaml', import.meta.url), 'utf8');


const nginxPod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
});

describe('parseManifests', () => {
  it('given the seed webserver-rc.yaml, when parsed, then it is the RC with the API server defaults', () => {
    // when
    const objects = parseManifests(SEED_RC, 'webserver-rc.yaml');
    // then
    expect(objects).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: { name: 'webserver-rc', labels: { app: 'webserver', status: 'serving' } },
        spec: {
          replicas: 1,
          selector: { app: 'webserver' },
          template: {
            metadata: { labels: { app: 'webserver', status: 'serving' } },
            spec: {
              containers: [
                {
                  name: 'nginx',
                  image: 'nginx:1.9.7',
                  imagePullPolicy: 'IfNotPresent',
                  ports: [{ containerPort: 80, protocol: 'TCP' }],
                },
              ],
              restartPolicy: 'Always',
              dnsPolicy: 'ClusterFirst',
              terminationGracePeriodSeconds: 30,
            },
          },
        },
      },
    ]);
    const [rc] = objects;
    expect(rc?.kind === 'ReplicationController' && validateReplicationController(rc)).toEqual([]);
  });

  it('given several documents with empty ones between, when parsed, then each object is returned in order', () => {
    // given
    const text = `---\n# nothing here\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n---\n---\n${SEED_RC}\n...\n`;
    // when
    const objects = parseManifests(text, 'all.yaml');
    // then
    expect(objects.map((o) => `${o.kind}/${o.metadata.name ?? ''}`)).toEqual(['Namespace/team', 'ReplicationController/webserver-rc']);
    expect(objects[0]).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  });

  it('given a List, including a nested one, when parsed, then its items are expanded', () => {
    // given
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [nginxPod('a'), { apiVersion: 'v1', kind: 'PodList', items: [nginxPod('b')] }, nginxPod('c')],
    };
    // when
    const objects = parseManifests(JSON.stringify(list), 'list.json');
    // then
    expect(objects.map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
  });

  it('given JSON indented with tabs, when parsed, then it reads as YAML does', () => {
    // when
    const [pod] = parseManifests(JSON.stringify(nginxPod('web'), null, '\t'), 'pod.json');
    // then
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent' }],
        restartPolicy: 'Always',
        dnsPolicy: 'ClusterFirst',
        terminationGracePeriodSeconds: 30,
      },
    });
  });

  it('given an empty file or only comments, when parsed, then there are no objects', () => {
    expect(parseManifests('', 'empty.yaml')).toEqual([]);
    expect(parseManifests('# just a comment\n', 'empty.yaml')).toEqual([]);
  });

  it('given fields the model does not know and server-set metadata, when parsed, then they are dropped', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  uid: abc\n  resourceVersion: "7"\nspec:\n  volumes: []\n  containers:\n  - name: c\n    image: busybox\n    resources: {}\nstatus:\n  phase: Running\n`;
    const [pod] = parseManifests(text, 'pod.yaml');
    expect(pod?.metadata).toEqual({ name: 'p' });
    expect(pod && 'status' in pod).toBe(false);
    expect(pod?.kind === 'Pod' && pod.spec.containers).toEqual([{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent' }]);
  });

  it('given malformed YAML, when parsed, then the error is one line naming the file', () => {
    // given
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n';
    // when
    const error = errorOf(() => parseManifests(text, 'nginx.yaml'));
    // then
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/^error parsing nginx\.yaml: \S.* at line \d+, column \d+$/);
    expect(error.message).not.toContain('\n');
  });

  it('given duplicate keys or an unknown alias, when parsed, then it is a parse error', () => {
    expect(errorOf(() => parseManifests('kind: Pod\nkind: Pod\n', 'dup.yaml')).message).toBe(
      'error parsing dup.yaml: Map keys must be unique at line 2, column 1',
    );
    expect(errorOf(() => parseManifests('kind: *missing\n', 'alias.yaml')).message).toMatch(
      /^error parsing alias\.yaml: Unresolved alias/,
    );
  });

  it('given a kind this cluster does not serve, when parsed, then the error names kind and version', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    expect(errorOf(() => parseManifests(text, 'deploy.yaml')).message).toBe(
      'unable to recognize "deploy.yaml": no matches for kind "Deployment" in version "apps/v1"',
    );
    expect(errorOf(() => parseManifests('apiVersion: v1\nkind: Service\n', 's.yaml')).message).toBe(
      'unable to recognize "s.yaml": no matches for kind "Service" in version "v1"',
    );
    expect(errorOf(() => parseManifests('apiVersion: v2\nkind: Pod\n', 'p.yaml')).message).toBe(
      'unable to recognize "p.yaml": no matches for kind "Pod" in version "v2"',
    );
  });

  it('given a document without apiVersion or kind, when parsed, then both are named', () => {
    expect(errorOf(() => parseManifests('metadata:\n  name: x\n', 'x.yaml')).message).toBe(
      'error validating "x.yaml": error validating data: apiVersion not set, kind not set',
    );
  });

  it.each([
    ['spec:\n  replicas: "3"\n', 'expected type integer, for field spec.replicas, got string "3"'],
    ['spec:\n  replicas: 1.5\n', 'expected type integer, for field spec.replicas, got number 1.5'],
    ['spec:\n  template:\n    spec:\n      containers: nginx\n', 'expected type array, for field spec.template.spec.containers, got string "nginx"'],
    ['spec:\n  template:\n    spec:\n      containers:\n      - nginx\n', 'expected type object, for field spec.template.spec.containers[0], got string "nginx"'],
    ['spec:\n  selector:\n    version: 1\n', 'expected type string, for field spec.selector.version, got number 1'],
    ['metadata: [a]\n', 'expected type object, for field metadata, got array'],
    ['spec:\n  template:\n    spec:\n      containers:\n      - ports:\n        - containerPort: http\n', 'expected type integer, for field spec.template.spec.containers[0].ports[0].containerPort, got string "http"'],
  ])('given a badly typed RC %j, when parsed, then it fails with a one-line type error', (body, detail) => {
    const text = `apiVersion: v1\nkind: ReplicationController\n${body}`;
    expect(errorOf(() => parseManifests(text, 'rc.yaml')).message).toBe(
      `error validating "rc.yaml": error validating data: ${detail}`,
    );
  });

  it('given a document that is not an object, or a List item that is wrong, then the path says where', () => {
    expect(errorOf(() => parseManifests('hello', 'h.yaml')).message).toBe(
      'error validating "h.yaml": error validating data: expected type object, got string "hello"',
    );
    const list = { apiVersion: 'v1', kind: 'List', items: [nginxPod('a'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 7 } }] };
    expect(errorOf(() => parseManifests(JSON.stringify(list), 'l.json')).message).toBe(
      'error validating "l.json": error validating data: expected type string, for field items[1].metadata.name, got number 7',
    );
  });

  it('given an RC missing its required parts, when parsed, then it decodes to zero values that validation reports', () => {
    // given
    const text = 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: empty\n';
    // when
    const [rc] = parseManifests(text, 'rc.yaml');
    // then
    expect(rc?.kind === 'ReplicationController' && validateReplicationController(rc)).toEqual([
      { field: 'spec.selector', message: 'Required value' },
      { field: 'spec.template.spec.containers', message: 'Required value' },
    ]);
  });
});

describe('defaultReplicationController', () => {
  it('given what kubectl run builds, then replicas, selector and labels follow the template', () => {
    // given
    const input = {
      metadata: { name: 'nginx' },
      spec: { template: { metadata: { labels: { run: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    };
    // when
    const rc = defaultReplicationController(input);
    // then
    expect(rc.metadata).toEqual({ name: 'nginx', labels: { run: 'nginx' } });
    expect(rc.spec.replicas).toBe(1);
    expect(rc.spec.selector).toEqual({ run: 'nginx' });
    expect(rc.spec.template.spec.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
  });

  it('given explicit replicas, selector and labels, then they are kept', () => {
    const rc = defaultReplicationController({
      metadata: { name: 'web', labels: { owner: 'me' } },
      spec: {
        replicas: 0,
        selector: { app: 'web' },
        template: { metadata: { labels: { app: 'web', v: '2' } }, spec: { containers: [{ name: 'c', image: 'web' }] } },
      },
    });
    expect(rc.metadata.labels).toEqual({ owner: 'me' });
    expect(rc.spec.replicas).toBe(0);
    expect(rc.spec.selector).toEqual({ app: 'web' });
  });
});

describe('defaultPodSpec', () => {
  it.each([
    ['nginx', 'IfNotPresent'],
    ['nginx:1.9.7', 'IfNotPresent'],
    ['nginx:latest', 'Always'],
    ['localhost:5000/nginx:latest', 'Always'],
    ['localhost:5000/nginx', 'IfNotPresent'],
  ])('given the image %j and no pull policy, then the policy is %s, as Kubernetes v1.1 defaulted it', (image, policy) => {
    const spec = defaultPodSpec({ containers: [{ name: 'c', image }] });
    expect(spec.containers[0]?.imagePullPolicy).toBe(policy);
  });

  it('given values the user chose, then defaulting keeps them', () => {
    const spec = defaultPodSpec({
      containers: [{ name: 'c', image: 'nginx:latest', imagePullPolicy: 'Never', ports: [{ containerPort: 53, protocol: 'UDP' }] }],
      restartPolicy: 'OnFailure',
      dnsPolicy: 'Default',
      terminationGracePeriodSeconds: 0,
    });
    expect(spec).toEqual({
      containers: [{ name: 'c', image: 'nginx:latest', imagePullPolicy: 'Never', ports: [{ containerPort: 53, protocol: 'UDP' }] }],
      restartPolicy: 'OnFailure',
      dnsPolicy: 'Default',
      terminationGracePeriodSeconds: 0,
    });
  });
});
