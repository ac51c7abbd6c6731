import { parentPort } from 'node:worker_threads';
import { checkReply } from './check-reply.ts';
import type { MapFileJob } from './map-file.ts';

/** A worker thread of server/imports/check-pool.ts: reads and checks one map file per message, so the server's own thread keeps answering. */
parentPort?.on('message', (job: MapFileJob) => parentPort!.postMessage(checkReply(job)));
