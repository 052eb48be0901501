// The three-node Redis Cluster of the cluster tests: the one the benchmark uses too (scripts/lib/redis-cluster.ts).
export { nodeArgs, startLocalCluster as startTestCluster, type LocalCluster as TestCluster } from '../../scripts/lib/redis-cluster.js';
