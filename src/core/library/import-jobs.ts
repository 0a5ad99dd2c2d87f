import { AppError } from '../../shared/errors';

export interface ImportProgress {
  phase: 'idle' | 'checking' | 'copying' | 'installing' | 'done' | 'failed' | 'cancelled';
  bytesDone: number;
  bytesTotal: number;
  /** What the pack will take on disk once the headers are read; 0 before. */
  diskBytes: number;
  mediaCount: number;
  elapsedMs: number;
}

interface Job {
  progress: Omit<ImportProgress, 'elapsedMs'>;
  startedAt: number;
  controller: AbortController;
}

/**
 * Imports in flight, by upload id: the renderer polls `library.importProgress` while the long
 * `library.import` call runs, and `library.importCancel` aborts it between two chunks. Plain
 * state inside the core, so it works the same behind a worker thread or a utility process.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly now: () => number = Date.now) {}

  start(id: string, bytesTotal: number): Job {
    if (this.jobs.get(id)?.progress.phase === 'checking' || this.jobs.get(id)?.progress.phase === 'copying') {
      throw new AppError('CONFLICT', 'This file is already being imported.', { reason: 'library.import.busy' });
    }
    const job: Job = {
      progress: { phase: 'checking', bytesDone: 0, bytesTotal, diskBytes: 0, mediaCount: 0 },
      startedAt: this.now(),
      controller: new AbortController(),
    };
    this.jobs.set(id, job);
    return job;
  }

  update(id: string, patch: Partial<Job['progress']>): void {
    const job = this.jobs.get(id);
    if (job) Object.assign(job.progress, patch);
  }

  get(id: string): ImportProgress {
    const job = this.jobs.get(id);
    if (!job) return { phase: 'idle', bytesDone: 0, bytesTotal: 0, diskBytes: 0, mediaCount: 0, elapsedMs: 0 };
    return { ...job.progress, elapsedMs: this.now() - job.startedAt };
  }

  /** True when a running import was told to stop. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || (job.progress.phase !== 'checking' && job.progress.phase !== 'copying')) return false;
    job.controller.abort(
      new AppError('CANCELLED', 'The import was cancelled; nothing was installed.', {
        reason: 'library.import.cancelled',
      }),
    );
    return true;
  }

  /** Finished jobs are kept for one more poll, then forgotten. */
  finish(id: string, phase: 'done' | 'failed' | 'cancelled'): void {
    const job = this.jobs.get(id);
    this.update(id, { phase });
    setTimeout(() => {
      if (this.jobs.get(id) === job) this.jobs.delete(id);
    }, 60_000).unref();
  }
}
