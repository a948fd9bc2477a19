import { ErrorRequestHandler } from 'express';
import { serializeError } from '@backstage/errors';
import { detailsOf, httpStatusOf } from './errors';

/**
 * Serialises the OME backend's errors (`@backstage/errors` types and its own 422/502) as
 * Backstage's error body plus the `details` they carry; anything else goes on to
 * Backstage's error handler.
 */
export function omeErrorHandler(): ErrorRequestHandler {
  return (error, req, res, next) => {
    const statusCode = httpStatusOf(error);
    if (statusCode === undefined || res.headersSent) {
      next(error);
      return;
    }
    const { name, message } = serializeError(error);
    const details = detailsOf(error);
    res.status(statusCode).json({
      error: { name, message },
      request: { method: req.method, url: req.url },
      response: { statusCode },
      ...(details && { details }),
    });
  };
}
