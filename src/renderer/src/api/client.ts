import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import { pickTransport } from './transport';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
}

const transport = pickTransport();

/** The renderer's only way to reach the app: typed by the shared contract, same in both hosts. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const reply = await transport(name, input);
  if (!reply.ok) throw new ApiCallError(reply.error);
  return reply.value as CallOutput<N>;
}
