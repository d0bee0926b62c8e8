// Runs the fold of a large training file on a worker thread, so it is read on the second core while
// the main thread reads the staff file. Only in the bundle (dist/fold-worker.js); tests and small
// files fold in the thread itself, through the same function.

import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { foldEvents, type EventsFold, type FoldEnd, type FoldRequest, type RunBatch } from './fold-events.js';

/** Below this a thread costs more (its start, the hand-over) than it saves. */
const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/** The worker's script beside the bundle's chunks; absent when running from source. */
function workerPath(): string | undefined {
  for (const rel of ['../fold-worker.js', './fold-worker.js']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** PLAN_DATA_WORKER=0 never uses the thread, =1 always (tests); by default large files do. */
export function useWorker(path: string): boolean {
  const setting = process.env['PLAN_DATA_WORKER'];
  if (setting === '0' || workerPath() === undefined) return false;
  if (setting === '1') return true;
  try {
    return statSync(path).size >= WORKER_MIN_BYTES;
  } catch {
    return false;
  }
}

export type WorkerMessage = { batch: RunBatch } | { end: FoldEnd };

export function foldInWorker(req: FoldRequest): Promise<EventsFold> {
  const script = workerPath();
  if (script === undefined) return foldEvents(req);
  return new Promise((resolve, reject) => {
    const batches: RunBatch[] = [];
    // A modest young generation: the thread's garbage is short-lived and its memory adds to the process's.
    const worker = new Worker(script, { workerData: req, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if ('batch' in m) {
        batches.push(m.batch);
        return;
      }
      settled = true;
      resolve({ ...m.end, words: req.words, batches });
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the training-file reader stopped (exit code ${code})`));
    });
  });
}
