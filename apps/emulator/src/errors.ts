/** A control-API (or internal) failure with the HTTP status the control routes answer. */
export class EmulatorError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

export const notFound = (what: string, id: string): EmulatorError =>
  new EmulatorError(404, 'NOT_FOUND', `${what} '${id}' is not known to the emulator`);
