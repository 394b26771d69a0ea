import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Execution, ExecutionRecord } from './execution.js';

/** An execution as its file holds it: dates as ISO strings, and the process that runs it. */
interface ExecutionFile extends Omit<Execution, 'startDate' | 'stopDate'> {
  startDate: string;
  stopDate?: string;
  pid: number;
}

const SUMMARY = '.json';
const HISTORY = '.history.json';

/**
 * Executions kept in a folder of the data dir, so that they outlive the process that ran them
 * and every process on the same data dir sees them (`scones classify` runs, `scones up` lists):
 * per state machine a folder, per execution a small summary file (read to list) and its history
 * (read only for GetExecutionHistory). Files are replaced whole (written aside, then renamed),
 * so a reader never sees half of one.
 *
 * @example
 * const files = new ExecutionFiles('.scones/executions');
 * files.save(execution, record);
 * files.list('scones-image-classification');
 */
export class ExecutionFiles {
  // Summaries read from disk, by file, with the modification time they were read at.
  private readonly cache = new Map<string, { mtimeMs: number; execution: Execution }>();

  constructor(readonly directory: string) {}

  /** Writes an execution's summary, and its history when given (once it has stopped). */
  save(machine: string, execution: Execution, record?: ExecutionRecord): void {
    const base = this.basePath(machine, execution.name);
    mkdirSync(path.dirname(base), { recursive: true });
    if (record) writeWhole(`${base}${HISTORY}`, JSON.stringify(record));
    const file: ExecutionFile = {
      ...execution,
      startDate: execution.startDate.toISOString(),
      stopDate: execution.stopDate?.toISOString(),
      pid: process.pid,
    };
    writeWhole(`${base}${SUMMARY}`, JSON.stringify(file));
  }

  /**
   * Every execution of a state machine on disk. One whose process has gone while it ran is
   * reported ABORTED, as nothing will finish it.
   */
  list(machine: string): Execution[] {
    const folder = path.join(this.directory, machine);
    let names: string[];
    try {
      names = readdirSync(folder).filter(
        (name) => name.endsWith(SUMMARY) && !name.endsWith(HISTORY),
      );
    } catch {
      return [];
    }
    const executions: Execution[] = [];
    for (const name of names) {
      const file = path.join(folder, name);
      const execution = this.read(file);
      if (execution) executions.push(execution);
    }
    return executions;
  }

  /** One execution, by its state machine's and its own name. */
  get(machine: string, name: string): Execution | undefined {
    return this.read(`${this.basePath(machine, name)}${SUMMARY}`);
  }

  /** The execution's history, or undefined when it has none on disk (yet). */
  history(machine: string, name: string): ExecutionRecord | undefined {
    try {
      return JSON.parse(
        readFileSync(`${this.basePath(machine, name)}${HISTORY}`, 'utf8'),
      ) as ExecutionRecord;
    } catch {
      return undefined;
    }
  }

  private read(file: string): Execution | undefined {
    let mtimeMs: number;
    try {
      ({ mtimeMs } = statSync(file));
    } catch {
      return undefined;
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs && cached.execution.status !== 'RUNNING')
      return cached.execution;
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as ExecutionFile;
      const { pid, ...rest } = stored;
      const execution: Execution = {
        ...rest,
        startDate: new Date(stored.startDate),
        stopDate: stored.stopDate ? new Date(stored.stopDate) : undefined,
      };
      if (execution.status === 'RUNNING' && pid !== process.pid && !isAlive(pid)) {
        Object.assign(execution, {
          status: 'ABORTED',
          error: 'States.Runtime',
          cause: 'The local stack that ran this execution stopped before it ended.',
          stopDate: new Date(mtimeMs),
        });
      }
      this.cache.set(file, { mtimeMs, execution });
      return execution;
    } catch {
      // A file being replaced, or one that is not ours: not an execution.
      return undefined;
    }
  }

  private basePath(machine: string, name: string): string {
    // Names may hold any character but a few (and up to 80 of them): the file is named by hash.
    return path.join(this.directory, machine, createHash('sha256').update(name).digest('hex'));
  }
}

function writeWhole(file: string, text: string): void {
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, text);
  renameSync(aside, file);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
