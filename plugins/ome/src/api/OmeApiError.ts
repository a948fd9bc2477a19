import { OmeErrorDetails } from '@ome-console/plugin-ome-common';

/**
 * A failed call of the OME backend: the HTTP status, Backstage's error name and message,
 * and the OME backend's `details` (field errors, the live object of a conflict, ...).
 * @public
 */
export class OmeApiError extends Error {
  readonly statusCode: number;
  readonly statusText: string;
  /** Backstage's error name from the body (e.g. `ConflictError`), if any. */
  readonly errorName?: string;
  readonly details?: OmeErrorDetails;
  /** The parsed error body, when it was JSON. */
  readonly body?: unknown;

  constructor(options: {
    message: string;
    statusCode: number;
    statusText?: string;
    errorName?: string;
    details?: OmeErrorDetails;
    body?: unknown;
  }) {
    super(options.message);
    this.name = 'OmeApiError';
    this.statusCode = options.statusCode;
    this.statusText = options.statusText ?? '';
    this.errorName = options.errorName;
    this.details = options.details;
    this.body = options.body;
  }

  /** Reads a failed response: Backstage's error body plus `details`, or any text. */
  static async fromResponse(response: Response): Promise<OmeApiError> {
    let text = '';
    try {
      text = await response.text();
    } catch {
      // no body
    }
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const error = body && typeof body === 'object' ? body.error : undefined;
    const bodyMessage =
      error && typeof error.message === 'string' ? error.message : undefined;
    const details =
      body && typeof body.details === 'object' && body.details !== null
        ? (body.details as OmeErrorDetails)
        : undefined;
    const message =
      bodyMessage ||
      text.trim().slice(0, 500) ||
      `Request failed with ${response.status} ${response.statusText}`;
    return new OmeApiError({
      message,
      statusCode: response.status,
      statusText: response.statusText,
      errorName:
        error && typeof error.name === 'string' ? error.name : undefined,
      details,
      body,
    });
  }
}

/**
 * Whether `e` is an {@link OmeApiError} (also across bundles).
 * @public
 */
export function isOmeApiError(e: unknown): e is OmeApiError {
  return (
    !!e &&
    typeof e === 'object' &&
    (e as any).name === 'OmeApiError' &&
    typeof (e as any).statusCode === 'number'
  );
}
