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

export const SIGNED_OUT_EVENT = 'study:signed-out';

/** The renderer's only way to reach the app: typed by the shared contract, same in both hosts. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const reply = await transport(name, input);
  if (!reply.ok) {
    // The core signed this client out (idle PIN profile): the app goes back to the profile list.
    if (reply.error.code === 'NO_PROFILE') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw new ApiCallError(reply.error);
  }
  return reply.value as CallOutput<N>;
}
