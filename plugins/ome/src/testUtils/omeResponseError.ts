import { ResponseError } from '@backstage/errors';
import { OmeErrorDetails } from '@ome-console/plugin-ome-common';

const NAMES: Record<number, string> = {
  400: 'InputError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
  409: 'ConflictError',
  422: 'InputError',
  503: 'ServiceUnavailableError',
};

/** The error the OmeClient rejects with for an OME backend answer of `status` (for mocks). */
export function omeResponseError(
  status: number,
  message: string,
  details?: OmeErrorDetails,
): Promise<ResponseError> {
  const body = {
    error: { name: NAMES[status] ?? 'Error', message },
    request: { method: 'GET', url: '/api/ome' },
    response: { statusCode: status },
    ...(details && { details }),
  };
  const text = JSON.stringify(body);
  // a response as ResponseError.fromResponse reads it (jsdom has no fetch Response)
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: NAMES[status] ?? 'Error',
    headers: new Map([['content-type', 'application/json']]) as any,
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/ome',
    text: async () => text,
  });
}
