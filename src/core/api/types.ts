import type { CallName, CallOutput, ParsedInput } from '../../shared/contract';
import type { Core } from '../core';

/** Who is calling: the host names the client (a browser tab's session, the Electron window). */
export interface CallContext {
  clientId: string;
}

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  core: Core,
  context: CallContext,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers<K extends CallName = CallName> = { [N in K]: Handler<N> };
