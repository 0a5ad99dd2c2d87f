import type { CallName, CallOutput, ParsedInput } from '../../shared/contract';
import type { Core } from '../core';

export type Handler<N extends CallName> = (input: ParsedInput<N>, core: Core) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers<K extends CallName = CallName> = { [N in K]: Handler<N> };
