import { ErrorRequestHandler } from 'express';
import { serializeError } from '@backstage/errors';
import { ClusterRequestError } from './KubernetesProxyClient';
import { OmeHttpError, toHttpError } from './errors';

/**
 * Answers OME's own errors (and cluster failures) with Backstage's error body plus
 * `details`; everything else goes on to Backstage's error handler.
 */
export function omeErrorHandler(): ErrorRequestHandler {
  return (rawError, req, res, next) => {
    const error =
      rawError instanceof ClusterRequestError ? toHttpError(rawError) : rawError;
    if (!(error instanceof OmeHttpError) || res.headersSent) {
      next(rawError);
      return;
    }
    const { name, message } = serializeError(error);
    res.status(error.statusCode).json({
      error: { name, message },
      request: { method: req.method, url: req.url },
      response: { statusCode: error.statusCode },
      ...(error.details && { details: error.details }),
    });
  };
}
