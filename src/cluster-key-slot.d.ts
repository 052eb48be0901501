// cluster-key-slot (the slot function ioredis routes by) ships no types; the queue shards use its default export.
declare module 'cluster-key-slot' {
  /** The Redis Cluster slot (0–16383) of a key, by its hash tag when it has one. */
  function calculateSlot(key: string): number;
  export default calculateSlot;
}
