import { AuditorService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { Request } from 'express';
import { httpStatusOf } from './errors';

/**
 * The error as recorded in an audit event: its name, status and, for the OME backend's own
 * refusals, its message; a cluster's message can quote the values of the object.
 */
function auditError(error: unknown): Error {
  const name = (error as Error)?.name ?? 'Error';
  const status = httpStatusOf(error);
  const own = error instanceof NotAllowedError;
  const message = own
    ? (error as Error).message
    : `${name}${status ? ` (HTTP ${status})` : ''}`;
  const recorded = new Error(message);
  recorded.name = name;
  return recorded;
}

/** What an audit event records of a request: where and what, never an object body. */
export type AuditMeta = Record<string, string | boolean | undefined>;

/** Records writes with the auditor: who (the request's principal), what, where, the outcome. */
export class WriteAuditor {
  readonly #auditor: AuditorService;

  constructor(auditor: AuditorService) {
    this.#auditor = auditor;
  }

  /**
   * Runs `write` inside an audit event. Meta and error texts never carry object bodies, so
   * no secret value reaches the audit log.
   */
  async audited<T>(
    eventId: string,
    /** The HTTP request; undefined for an action of the actions registry (no request). */
    req: object | undefined,
    meta: AuditMeta,
    write: () => Promise<T>,
    outcome: (
      result: T,
    ) => Record<string, string | number | boolean> = () => ({}),
  ): Promise<T> {
    const clean = Object.fromEntries(
      Object.entries(meta).filter(([, v]) => v !== undefined),
    ) as Record<string, string | boolean>;
    const event = await this.#auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req as Request | undefined,
      meta: clean,
    });
    try {
      const result = await write();
      await event.success({ meta: outcome(result) });
      return result;
    } catch (error) {
      await event.fail({ error: auditError(error) });
      throw error;
    }
  }
}
