import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigError, parseConfig } from '../src/config/load.js';

// The Kubernetes manifests, checked offline against the API's own schemas (the kubernetes-models package
// vendors them, compiled) and against the "restricted" Pod Security Standard.

const DIR = 'deploy/k8s';
type Doc = { apiVersion: string; kind: string; metadata: { name: string }; spec?: Record<string, unknown> } & Record<string, unknown>;

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

const kustomization = parse(readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[]; images: { name: string; newName?: string; newTag?: string }[] };
const docs: Doc[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((d) => {
    if (d.errors.length) throw new Error(`${file}: ${d.errors[0]!.message}`);
    return d.toJS() as Doc;
  }),
);
type PodSpec = { securityContext?: Record<string, unknown>; containers: Container[]; volumes?: { name: string; emptyDir?: unknown }[] };
type Container = { name: string; image: string; args?: string[]; securityContext?: Record<string, unknown>; ports?: { name?: string; containerPort: number }[]; volumeMounts?: { name: string; mountPath: string }[]; resources?: { limits?: { memory?: string } }; livenessProbe?: { httpGet?: { port: number | string } }; readinessProbe?: { httpGet?: { port: number | string } }; env?: { name: string; value?: string }[] };
const workloads = docs.filter((d) => d.kind === 'Deployment' || d.kind === 'StatefulSet');
const podOf = (d: Doc): PodSpec => (d.spec as { template: { spec: PodSpec } }).template.spec;

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('every resource the kustomization lists is valid against the Kubernetes API schemas', () => {
    expect(docs.length).toBeGreaterThanOrEqual(10);
    for (const d of docs) {
      const Model = MODELS[`${d.apiVersion}/${d.kind}`];
      expect(Model, `${d.apiVersion}/${d.kind} ${d.metadata.name}`).toBeDefined();
      expect(() => new Model!(d as never).validate(), `${d.kind} ${d.metadata.name}`).not.toThrow();
    }
  });

  it('every pod passes the "restricted" Pod Security Standard, with a writable /tmp on a read-only root', () => {
    expect(workloads.map((w) => w.metadata.name).sort()).toEqual(['redis', 'review-monitor-api', 'review-monitor-scheduler', 'review-monitor-worker']);
    for (const w of workloads) {
      const pod = podOf(w);
      expect(pod.securityContext, w.metadata.name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext?.runAsUser, w.metadata.name).not.toBe(0);
      for (const c of pod.containers) {
        const at = `${w.metadata.name}/${c.name}`;
        expect(c.securityContext, at).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(c.securityContext?.privileged, at).not.toBe(true);
        expect((c.securityContext?.capabilities as { add?: unknown[] }).add, at).toBeUndefined();
        const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
        expect(tmp, `${at} mounts /tmp`).toBeDefined();
        expect(pod.volumes?.find((v) => v.name === tmp!.name)?.emptyDir, `${at} /tmp is an emptyDir`).toBeDefined();
        // Probes point at a port the container declares (or the API's literal port).
        for (const probe of [c.livenessProbe, c.readinessProbe]) {
          const port = probe?.httpGet?.port;
          if (port === undefined) continue;
          expect(c.ports?.some((p) => p.name === port || p.containerPort === port), `${at} probe port ${port}`).toBe(true);
        }
      }
    }
  });

  it('keeps an API replica and a worker up through voluntary disruptions', () => {
    const pdbs = docs.filter((d) => d.kind === 'PodDisruptionBudget');
    for (const role of ['api', 'worker']) {
      const deployment = workloads.find((w) => w.metadata.name === `review-monitor-${role}`)!;
      const labels = (deployment.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
      expect(pdbs.some((p) => JSON.stringify((p.spec as { selector: { matchLabels: unknown } }).selector.matchLabels) === JSON.stringify(labels) && (p.spec as { minAvailable?: number }).minAvailable! >= 1), role).toBe(true);
    }
  });

  it('gives Redis a maxmemory under its container limit, with noeviction', () => {
    const redis = podOf(workloads.find((w) => w.kind === 'StatefulSet')!).containers[0]!;
    const args = redis.args ?? [];
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    const bytes = (v: string): number => Number(/^(\d+)/.exec(v)![1]) * ({ mb: 2 ** 20, gb: 2 ** 30, Mi: 2 ** 20, Gi: 2 ** 30 } as Record<string, number>)[/[a-zA-Z]+$/.exec(v)![0]]!;
    const maxmemory = bytes(args[args.indexOf('--maxmemory') + 1]!);
    const limit = bytes(redis.resources!.limits!.memory!);
    expect(maxmemory).toBeLessThan(limit * 0.9);
  });

  it('names the image by a registry placeholder and the service refuses the placeholder secrets shipped', () => {
    const image = kustomization.images.find((i) => i.name === 'review-monitor');
    expect(image?.newName).toMatch(/^[a-z0-9.-]+\.[a-z]+\/.+\/review-monitor$/);
    expect(image?.newTag).not.toBe('latest');
    const config = parse(readFileSync(path.join(DIR, 'config.yaml'), 'utf8')) as unknown;
    // The shapes are fine (what check-config --no-secrets checks)…
    expect(() => parseConfig(config, { env: {}, secrets: false })).not.toThrow();
    // …but with the Secret's shipped values the service does not start.
    const secret = docs.find((d) => d.kind === 'Secret') as unknown as { stringData: Record<string, string> };
    const err = (() => {
      try {
        parseConfig(config, { env: secret.stringData });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected the placeholder secrets to be refused');
    })();
    expect(err.problems).toEqual(expect.arrayContaining([expect.stringMatching(/OPS_API_KEY still holds a placeholder value/), expect.stringMatching(/ALERT_WEBHOOK_SECRET still holds a placeholder value/)]));
    // Real values pass.
    expect(() => parseConfig(config, { env: { OPS_API_KEY: 'a-real-random-key-0123456789', ALERT_WEBHOOK_SECRET: 'a-real-random-secret-0123456789' } })).not.toThrow();
  });

  it('lists every manifest file in the kustomization', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && !['kustomization.yaml', 'config.yaml'].includes(f));
    expect(files.sort()).toEqual([...kustomization.resources].sort());
  });
});
