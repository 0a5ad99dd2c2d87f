import type { CallContext, HostOpName, HostOps } from '../shared/core-messages';
import type { Reply } from '../shared/errors';
import type { CoreLink } from './core-link';

export type StartCore = (onExit: (code: number, expected: boolean) => void) => Promise<CoreLink>;

/**
 * A core that comes back if its thread or process dies (a native crash, out of memory): the calls
 * that were waiting are answered with an error by the link itself, and the next call starts a new
 * core on the same data folder. `onRestart` lets the host tell the participant.
 */
export class RestartingLink implements CoreLink {
  private current: Promise<CoreLink> | null;
  private closed = false;

  private constructor(
    first: Promise<CoreLink>,
    private readonly start: StartCore,
    private readonly onRestart: (code: number) => void,
  ) {
    this.current = first;
  }

  static async open(start: StartCore, onRestart: (code: number) => void = () => undefined): Promise<RestartingLink> {
    let link: RestartingLink | null = null;
    const first = start((code, expected) => link?.lost(code, expected));
    await first;
    link = new RestartingLink(first, start, onRestart);
    return link;
  }

  async call(name: string, input: unknown, context?: CallContext): Promise<Reply<unknown>> {
    return (await this.link()).call(name, input, context);
  }

  async op<K extends HostOpName>(name: K, args: HostOps[K]['args']): Promise<HostOps[K]['result']> {
    return (await this.link()).op(name, args);
  }

  async close(): Promise<void> {
    this.closed = true;
    const current = this.current;
    this.current = null;
    if (current) await (await current.catch(() => null))?.close();
  }

  private link(): Promise<CoreLink> {
    if (this.closed) return Promise.reject(new Error('The core is closed.'));
    this.current ??= this.start((code, expected) => this.lost(code, expected));
    // A start that failed is tried again by the next call rather than remembered forever.
    this.current.catch(() => (this.current = null));
    return this.current;
  }

  private lost(code: number, expected: boolean): void {
    if (expected || this.closed) return;
    this.current = null;
    console.error(`Study Companion: the core ended unexpectedly (exit code ${code}); it restarts on the next call.`);
    this.onRestart(code);
  }
}
