import { OmeErrorDetails } from '@ome-console/plugin-ome-common';
import { OmeApiError } from '../api';

/**
 * The error a failed OmeApi call rejects with, for component tests: `(status, message, details?)`,
 * the signature the client's rewrite on ResponseError keeps.
 */
export async function omeResponseError(
  statusCode: number,
  message: string,
  details?: OmeErrorDetails,
): Promise<Error> {
  return new OmeApiError({ message, statusCode, details });
}
