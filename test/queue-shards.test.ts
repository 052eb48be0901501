import calculateSlot from 'cluster-key-slot';
import { describe, expect, it } from 'vitest';
import { shardOf, shardPrefix } from '../src/queues.js';
import { makeConfig } from './helpers/factories.js';

describe('queue shards', () => {
  it('keeps a business on one shard, spreads many businesses over all of them, and puts shard-less jobs on shard 0', () => {
    const ids = Array.from({ length: 3_000 }, (_, i) => `business-${i}`);
    const counts = [0, 0, 0, 0];
    for (const id of ids) {
      expect(shardOf(id, 4)).toBe(shardOf(id, 4));
      counts[shardOf(id, 4)]! += 1;
    }
    for (const n of counts) expect(n).toBeGreaterThan(3_000 / 4 * 0.9);
    expect(shardOf(undefined, 4)).toBe(0);
    expect(shardOf('anything', 1)).toBe(0);
  });

  it('names shard 0 by the prefix itself, and on a cluster gives each shard a tag in its own stretch of slots', () => {
    expect(shardPrefix('rm', 0, 3)).toBe('rm');
    expect(shardPrefix('rm', 2, 3)).toBe('rm-q2');
    const tags = Array.from({ length: 12 }, (_, i) => shardPrefix('{rm}', i, 12));
    expect(tags[0]).toBe('{rm}');
    // Twelve stretches of 16384/12 slots: one shard in each.
    const stretches = new Set(tags.map((t) => Math.floor(calculateSlot(t) / (16_384 / 12))));
    expect(stretches.size).toBe(12);
    expect(shardPrefix('{rm}', 5, 12)).toBe(tags[5]);
  });

  it('refuses a worker shard that does not exist', () => {
    expect(() => makeConfig({ redis: { queueShards: 2 }, workers: { shards: [0, 2] } })).toThrow('workers.shards[1]: shard 2 does not exist (redis.queueShards is 2: shards 0-1)');
  });
});
