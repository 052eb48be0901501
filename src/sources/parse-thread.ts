/**
 * Entry of a parse thread (a piscina worker): the page parsers only, never Redis or the queues. A big
 * page's parse runs here, on a core and a heap of its own, while the poll worker's event loop (and the
 * API's, in the `all` role) keeps answering.
 */
import type { ParseTask } from './parse-pool.js';
import { parsePage } from './index.js';

export default function run(task: ParseTask): ReturnType<typeof parsePage> {
  return parsePage(task.source, task.body, task.page, task.limits);
}
