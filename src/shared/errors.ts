/** Every error a call can return. The renderer maps codes to translated messages. */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CALL',
  'NOT_FOUND',
  'NO_PROFILE',
  'PIN_REQUIRED',
  'PIN_WRONG',
  'CONFLICT',
  'PACK_INVALID',
  'PACK_UNSAFE',
  'PACK_SIGNATURE',
  'PACK_UNTRUSTED',
  'PACK_DOWNGRADE',
  'RECORD_INVALID',
  'FORBIDDEN',
  'STORAGE',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Machine-readable detail, e.g. the offending zip entry or the publisher fingerprint. */
  detail?: Record<string, string | number | boolean | null>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside the core; the dispatcher turns it into an error reply. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: ApiError['detail'],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
