/**
 * The one error type that crosses every door (IPC, HTTP, CLI). `code` is stable for programs,
 * `message` is zh-CN for the clerk, `fields` maps form field paths ("members.0.name") to messages.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNKNOWN_METHOD'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'ACCOUNT_LOCKED'
  | 'BAD_CREDENTIALS'
  | 'SETUP_DONE'
  | 'DB_TOO_NEW'
  | 'DB_CORRUPT'
  | 'RECOVERY_MODE'
  | 'BAD_ORIGIN'
  | 'RATE_LIMITED'
  | 'HOST_UNREACHABLE'
  | 'CERT_CHANGED'
  | 'REFUSED'
  | 'INTERNAL';

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toPayload(): ErrorPayload {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }

  static from(payload: ErrorPayload): AppError {
    return new AppError(payload.code, payload.message, payload.fields);
  }
}

/** A business-rule refusal tied to one form field. */
export function fieldError(field: string, message: string, code: ErrorCode = 'VALIDATION'): AppError {
  return new AppError(code, message, { [field]: message });
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return typeof value === 'object' && value !== null && typeof (value as ErrorPayload).code === 'string' && typeof (value as ErrorPayload).message === 'string';
}
