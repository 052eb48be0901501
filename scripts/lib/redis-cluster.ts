import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// A real Redis Cluster of three nodes on loopback, for the cluster tests and the benchmark: the nodes `.ci/run`
// started (REDIS_CLUSTER_TEST_PORTS and REDIS_CLUSTER_TEST_DIR), else three `redis-server --cluster-enabled yes`
// started here and joined with `redis-cli --cluster create`. Each node keeps an append-only file, so a node
// restarted by a fault test comes back with its data, as a production node would.

const run = promisify(execFile);

export interface LocalCluster {
  nodes: string[];
  ports: number[];
  /** Stops node `i` at once and starts it again with the same files; resolves once the cluster is ok again. */
  restart(i: number): Promise<void>;
  stop(): Promise<void>;
}

/** The arguments every node runs with (the same in .ci/run). */
export function nodeArgs(port: number, dir: string): string[] {
  return ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '2000', '--dir', dir, '--appendonly', 'yes', '--appendfilename', `aof-${port}.aof`, '--appenddirname', `aof-${port}`, '--save', '', '--protected-mode', 'no'];
}

export async function cli(port: number, ...args: string[]): Promise<string> {
  return (await run('redis-cli', ['-p', String(port), ...args])).stdout;
}

async function clusterOk(ports: readonly number[]): Promise<boolean> {
  try {
    for (const p of ports) if (!(await cli(p, 'cluster', 'info')).includes('cluster_state:ok')) return false;
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function spawnNode(port: number, dir: string): ChildProcess {
  mkdirSync(dir, { recursive: true });
  const child = spawn('redis-server', nodeArgs(port, dir), { stdio: 'ignore' });
  child.unref();
  return child;
}

/** `own`: always a cluster of its own (a test that restarts nodes leaves a shared one alone). */
export async function startLocalCluster(opts: { own?: boolean } = {}): Promise<LocalCluster> {
  const children = new Map<number, ChildProcess>();
  const given = opts.own ? undefined : process.env.REDIS_CLUSTER_TEST_PORTS;
  let ports: number[];
  let dir: string;
  if (given && process.env.REDIS_CLUSTER_TEST_DIR) {
    ports = given.split(',').map(Number);
    dir = process.env.REDIS_CLUSTER_TEST_DIR;
  } else {
    dir = mkdtempSync(path.join(tmpdir(), 'rm-cluster-'));
    ports = [await freePort(), await freePort(), await freePort()];
    for (const p of ports) children.set(p, spawnNode(p, dir));
    await until(async () => Promise.all(ports.map((p) => cli(p, 'ping'))).then((r) => r.every((x) => x.trim() === 'PONG')).catch(() => false), 10_000, 'cluster nodes up');
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
  }
  await until(() => clusterOk(ports), 20_000, 'cluster_state:ok');
  return {
    nodes: ports.map((p) => `redis://127.0.0.1:${p}`),
    ports,
    async restart(i) {
      const port = ports[i]!;
      const child = children.get(port);
      if (child) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      } else {
        // A node .ci/run started: no handle on its process, so it is told to stop without saving.
        await cli(port, 'shutdown', 'nosave').catch(() => '');
      }
      children.set(port, spawnNode(port, dir));
      await until(() => clusterOk(ports), 20_000, 'cluster_state:ok after the restart');
    },
    async stop() {
      // A shared cluster (.ci/run's) stays up for the next test, a node restarted here included.
      if (given) return;
      for (const c of children.values()) c.kill('SIGKILL');
    },
  };
}
