import { importFileMessages as M } from '../messages/import-files.ts';
import { importMessages as I } from '../messages/imports.ts';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../http/errors.ts';
import { type CheckJob, type CheckReply, fileOf } from './check-reply.ts';
import type { CheckedMapFile, MapFileJob } from './map-file.ts';
import type { ReadTable, TableFileJob } from './tables/read.ts';

export interface CheckPoolOptions {
  /** The most worker threads at once; more previews wait their turn. @default 1 */
  size?: number;
  /** The most previews waiting; one more is refused with 503. @default 4 */
  maxWaiting?: number;
  /** Each worker's heap limit (resourceLimits.maxOldGenerationSizeMb): past it the check fails with 413, not the server. */
  memoryMb: number;
  /** An idle worker ends after this long, giving its memory back; the next preview starts another. @default 10 s */
  idleMs?: number;
  /** The worker's module. @default check-worker beside this module (server/imports/check-worker.ts, or dist/server/check-worker.js when built) */
  entry?: URL;
}

interface Task {
  job: CheckJob;
  resolve: (file: CheckedMapFile | ReadTable) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker | null;
  task: Task | null;
  idle: NodeJS.Timeout | null;
}

/**
 * The built server is one bundle (dist/server/main.js) with the worker beside it (dist/server/check-worker.js);
 * from the sources (tsx, vitest) the worker is TypeScript, loaded through tsx's own loader — Node 20 does not
 * apply `--import tsx` to a worker's entry module.
 */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const DEFAULT_ENTRY = new URL(`./check-worker.${FROM_SOURCES ? 'ts' : 'js'}`, import.meta.url);

function spawn(entry: URL, memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const load = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(load, { eval: true, resourceLimits });
}

/**
 * Worker threads that read and check uploaded map files (server/imports/map-file.ts) and tables (CSV and XLSX,
 * server/imports/tables/read.ts) off the server's one thread: a few at most (the machine has two cores), previews
 * past them queue, and a worker that dies (out of memory, or a bug) fails only its own preview — with the error
 * envelope — and is replaced by the next one. Idle workers do not keep the process alive. Its owner (server/main.ts) passes it to createApp and
 * closes it on shutdown.
 */
export function createCheckPool({ size = 1, maxWaiting = 4, memoryMb, idleMs = 10_000, entry = DEFAULT_ENTRY }: CheckPoolOptions) {
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, task: null, idle: null }));
  const waiting: Task[] = [];

  function settle(slot: Slot, outcome: { file: CheckedMapFile | ReadTable } | { error: Error }) {
    const task = slot.task;
    if (!task) return;
    slot.task = null;
    if ('file' in outcome) task.resolve(outcome.file);
    else task.reject(outcome.error);
    if (slot.worker) {
      slot.worker.unref();
      const worker = slot.worker;
      slot.idle = setTimeout(() => slot.worker === worker && !slot.task && worker.terminate(), idleMs).unref();
    }
    next();
  }

  function start(slot: Slot): Worker {
    const worker = spawn(entry, memoryMb);
    worker.on('message', (reply: CheckReply) => {
      if ('ok' in reply) return settle(slot, { file: reply.ok });
      if ('refused' in reply) {
        const r = reply.refused;
        return settle(slot, { error: new ApiError(r.status, r.code, r.text, r.fields, { cause: r.cause, layers: r.layers }) });
      }
      console.error(`import check of ${nameOf(slot.task) ?? 'a file'} failed in its worker:`, reply.failed);
      settle(slot, { error: failed(nameOf(slot.task)) });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      // The worker is ending: the next preview must not be posted to it.
      if (slot.worker === worker) slot.worker = null;
      const name = nameOf(slot.task);
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const message =
          slot.task && 'table' in slot.task.job ? M.tableOutOfMemory(slot.task.job.table.fileName, memoryMb) : I.checkOutOfMemory(name ?? null, memoryMb);
        settle(slot, { error: new ApiError(413, 'import_too_large', message) });
      } else {
        console.error(`import check of ${name ?? 'a file'}: its worker failed:`, e);
        settle(slot, { error: failed(name) });
      }
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      // Ended without a word (terminated, or exited on its own): its preview cannot finish.
      if (slot.task) {
        console.error(`import check of ${nameOf(slot.task)}: its worker exited (code ${code})`);
        settle(slot, { error: failed(nameOf(slot.task)) });
      }
    });
    return worker;
  }

  function next() {
    for (const slot of slots) {
      if (slot.task || !waiting.length) continue;
      const task = waiting.shift()!;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.worker ??= start(slot);
      slot.task = task;
      slot.worker.ref();
      const { bytes } = fileOf(task.job);
      // The upload's bytes are handed over, not copied, when they own their buffer.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      slot.worker.postMessage(task.job, whole ? [bytes.buffer as ArrayBuffer] : []);
    }
  }

  function run(job: CheckJob): Promise<CheckedMapFile | ReadTable> {
    const free = slots.some((s) => !s.task);
    if (!free && waiting.length >= maxWaiting) {
      return Promise.reject(new ApiError(503, 'busy', I.checksBusy(size + waiting.length)));
    }
    return new Promise((resolve, reject) => {
      waiting.push({ job, resolve, reject });
      next();
    });
  }

  return {
    /** Reads and checks a map file in a worker; its bytes' buffer is transferred to the worker when it holds only them. */
    readMap: (job: MapFileJob) => run({ map: job }) as Promise<CheckedMapFile>,

    /** Reads a table (CSV or XLSX) in a worker, in the same queue and under the same limits as map files. */
    readTable: (job: TableFileJob) => run({ table: job }) as Promise<ReadTable>,

    /** Ends every worker; waiting previews fail. */
    async close(): Promise<void> {
      for (const task of waiting.splice(0)) task.reject(new ApiError(503, 'busy', I.stopping));
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}
export type CheckPool = ReturnType<typeof createCheckPool>;

const nameOf = (task: Task | null) => (task ? fileOf(task.job).fileName : undefined);
const failed = (name: string | undefined) => new ApiError(500, 'import_failed', I.checkFailed(name ?? null));
