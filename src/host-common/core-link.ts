import type { CallContext, CoreInit, FromCore, HostOpName, HostOps, ToCore } from '../shared/core-messages';
import type { Reply } from '../shared/errors';

/** What a host needs of the core, wherever the core runs (its own thread or process, or in-process in tests). */
export interface CoreLink {
  call(name: string, input: unknown, context?: CallContext): Promise<Reply<unknown>>;
  op<K extends HostOpName>(name: K, args: HostOps[K]['args']): Promise<HostOps[K]['result']>;
  close(): Promise<void>;
}

/** The host's end of a worker thread or utility process running out/main/core.js. */
export interface CoreChannel {
  post(message: ToCore): void;
  onMessage(listener: (message: FromCore) => void): void;
  /** Called once when the thread or process ends, whatever the reason. */
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export class CoreStartError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const gone: Reply<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'The app’s core stopped unexpectedly. Your saved progress is safe; please try again.',
    detail: { reason: 'core.stopped' },
  },
};

/**
 * Calls over a CoreChannel: numbered requests, answered out of order. If the core ends while calls
 * are waiting they are answered with an error (never left hanging), and `onExit` tells the host.
 */
export class ChannelLink implements CoreLink {
  private next = 1;
  private readonly waiting = new Map<number, (reply: Reply<unknown>) => void>();
  private closing: Promise<void> | null = null;
  private ended = false;

  private constructor(
    private readonly channel: CoreChannel,
    onExit: (code: number, expected: boolean) => void,
  ) {
    channel.onMessage((m) => {
      if (m.type !== 'reply') return;
      this.waiting.get(m.id)?.(m.reply);
      this.waiting.delete(m.id);
    });
    channel.onExit((code) => {
      this.ended = true;
      for (const resolve of this.waiting.values()) resolve(gone);
      this.waiting.clear();
      onExit(code, this.closing !== null);
    });
  }

  /** Opens the core on the channel; rejects with the core's own reason if it cannot open. */
  static start(
    channel: CoreChannel,
    options: CoreInit,
    onExit: (code: number, expected: boolean) => void = () => undefined,
  ): Promise<ChannelLink> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const link = new ChannelLink(channel, (code, expected) => {
        if (!settled) {
          settled = true;
          reject(new CoreStartError(`The app's core ended while starting (exit code ${code}).`));
        }
        onExit(code, expected);
      });
      channel.onMessage((m) => {
        if (settled) return;
        if (m.type === 'ready') {
          settled = true;
          resolve(link);
        } else if (m.type === 'failed') {
          settled = true;
          channel.kill();
          reject(new CoreStartError(m.message, m.code));
        }
      });
      channel.post({ type: 'init', options });
    });
  }

  call(name: string, input: unknown, context?: CallContext): Promise<Reply<unknown>> {
    return this.request((id) => ({ type: 'call', id, name, input, context }));
  }

  async op<K extends HostOpName>(name: K, args: HostOps[K]['args']): Promise<HostOps[K]['result']> {
    const reply = await this.request((id) => ({ type: 'op', id, name, args }));
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as HostOps[K]['result'];
  }

  /** Asks the core to close the database (with its backup on quit) and waits for the end. */
  close(): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.closing ??= new Promise((resolve) => {
      this.channel.onExit(() => resolve());
      this.channel.onMessage((m) => {
        if (m.type === 'closed') setTimeout(() => this.channel.kill(), 1000).unref?.();
      });
      this.channel.post({ type: 'close' });
    });
    return this.closing;
  }

  private request(make: (id: number) => ToCore): Promise<Reply<unknown>> {
    if (this.ended || this.closing) return Promise.resolve(gone);
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.channel.post(make(id));
    });
  }
}
