/**
 * The one error base of the Hub. Every error a caller may see carries a machine-readable
 * `code` (SCREAMING_SNAKE) and the HTTP status it maps to; `http/error-handler.ts` is the
 * only place that turns it into a response `{ error: { code, message, details? } }`.
 */
export type AppErrorOptions = {
  code: string;
  httpStatus: number;
  message: string;
  details?: unknown;
  hint?: string;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly details: unknown;
  readonly hint: string | undefined;

  constructor(opts: AppErrorOptions) {
    super(opts.message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = opts.code;
    this.httpStatus = opts.httpStatus;
    this.details = opts.details;
    this.hint = opts.hint;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function notFound(code: string, message: string): AppError {
  return new AppError({ code, httpStatus: 404, message });
}

export function badRequest(code: string, message: string, details?: unknown): AppError {
  return new AppError({ code, httpStatus: 400, message, details });
}

export function conflict(code: string, message: string, details?: unknown): AppError {
  return new AppError({ code, httpStatus: 409, message, details });
}
