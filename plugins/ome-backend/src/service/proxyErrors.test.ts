import { httpStatusOf } from './errors';
import {
  ClusterRequestError,
  classifyProxyError,
  normalizeFieldPath,
  toHttpError,
} from './proxyErrors';

const status = (
  code: number,
  reason: string,
  message: string,
  details?: object,
) =>
  JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code,
    reason,
    message,
    details,
  });

function mapped(
  code: number,
  body: string,
  path = '/apis/ome.io/v1beta1/inferenceservices',
) {
  return toHttpError(classifyProxyError('a', code, body, path), {
    kind: 'InferenceService',
  });
}

describe('toHttpError', () => {
  it('tells an admission denial (422 or 403) from an RBAC denial', () => {
    const vap =
      `inferenceservices.ome.io "x" is forbidden: ValidatingAdmissionPolicy 'ome-console-replica-bounds' ` +
      `with binding 'ome-console-replica-bounds' denied request: spec.engine.minReplicas (3) must not exceed spec.engine.maxReplicas (1)`;
    for (const code of [422, 403]) {
      const e = mapped(
        code,
        status(code, code === 422 ? 'Invalid' : 'Forbidden', vap),
      );
      expect(httpStatusOf(e)).toBe(422);
      expect(e.details).toMatchObject({
        rejectedBy: 'admission',
        cluster: 'a',
      });
      expect(e.details?.fieldErrors?.[0].path).toBe('spec.engine.minReplicas');
    }
    const rbac = mapped(
      403,
      status(
        403,
        'Forbidden',
        'inferenceservices.ome.io is forbidden: User "alice" cannot create resource "inferenceservices"',
      ),
    );
    expect(httpStatusOf(rbac)).toBe(403);
    expect(rbac.name).toBe('NotAllowedError');
    expect(rbac.message).toContain('cannot create resource');
  });

  it('maps a schema 422 to field errors with dotted paths', () => {
    const e = mapped(
      422,
      status(422, 'Invalid', 'InferenceService.ome.io "x" is invalid: ...', {
        causes: [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.engine.containers[0].name',
            message: 'Required value',
          },
        ],
      }),
    );
    expect(httpStatusOf(e)).toBe(422);
    expect(e.details).toMatchObject({
      rejectedBy: 'schema',
      fieldErrors: [
        { path: 'spec.engine.containers.0.name', message: 'Required value' },
      ],
    });
  });

  it('names the cluster of an unreachable cluster (503) and never answers 500', () => {
    const down = mapped(
      500,
      JSON.stringify({
        error: {
          name: 'Error',
          message: "Cluster 'a' request failed: ECONNREFUSED",
        },
      }),
    );
    expect(httpStatusOf(down)).toBe(503);
    expect(down.message).toContain("'a'");
    const broken = mapped(500, status(500, 'InternalError', 'etcd timeout'));
    expect(httpStatusOf(broken)).toBe(502);
    expect(
      httpStatusOf(
        toHttpError(new ClusterRequestError('a', 'error', 'fetch failed')),
      ),
    ).toBe(502);
  });

  it('maps conflicts, bad requests, missing objects and missing kinds', () => {
    expect(
      httpStatusOf(
        mapped(409, status(409, 'AlreadyExists', 'x already exists')),
      ),
    ).toBe(409);
    expect(
      httpStatusOf(mapped(400, status(400, 'BadRequest', 'bad selector'))),
    ).toBe(400);
    const missing = mapped(
      404,
      status(404, 'NotFound', 'x not found', { name: 'x' }),
      '/apis/ome.io/v1beta1/inferenceservices/x',
    );
    expect(httpStatusOf(missing)).toBe(404);
    const absentKind = mapped(404, '404 page not found');
    expect(httpStatusOf(absentKind)).toBe(404);
    expect(absentKind.message).toBe(
      "InferenceService is not installed on cluster 'a' (its CRD is absent)",
    );
    const credential = mapped(401, status(401, 'Unauthorized', 'Unauthorized'));
    expect(httpStatusOf(credential)).toBe(503);
  });

  it('normalizes field paths', () => {
    expect(normalizeFieldPath('spec.a[0].b[12]')).toBe('spec.a.0.b.12');
    expect(normalizeFieldPath('.metadata.name')).toBe('metadata.name');
  });
});
