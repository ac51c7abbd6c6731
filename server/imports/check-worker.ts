import { parentPort } from 'node:worker_threads';
import { type CheckJob, checkReply } from './check-reply.ts';

/** A worker thread of server/imports/check-pool.ts: reads and checks one map file or table per message, so the server's own thread keeps answering. */
parentPort?.on('message', async (job: CheckJob) => parentPort!.postMessage(await checkReply(job)));
