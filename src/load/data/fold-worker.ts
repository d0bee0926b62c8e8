// Worker-thread entry (bundled as dist/fold-worker.js): folds one training file, posting each batch
// of runs as it fills (its typed arrays are moved, not copied) and then how the file read.

import { parentPort, workerData } from 'node:worker_threads';
import { foldEventRuns, type FoldRequest } from './fold-events.js';
import type { WorkerMessage } from './fold-in-worker.js';

const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
const end = await foldEventRuns(workerData as FoldRequest, (batch) =>
  post({ batch }, [batch.masks, batch.firstRow, batch.rows, batch.minDay, batch.maxDay].map((a) => a.buffer as ArrayBuffer)),
);
post({ end });
