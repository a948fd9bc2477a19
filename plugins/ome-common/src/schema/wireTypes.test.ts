import type {
  OmeClustersResponse,
  OmeImportRequest,
  OmeImportResponse,
  OmeListResponse,
  OmeNamespacesResponse,
  OmeCloneRequest,
  OmeWriteResult,
  OmeErrorDetails,
} from '../api';
import type { components } from './openapi.types.generated';

type Schemas = components['schemas'];

/** Compiles only when `A` and `B` are assignable to each other. */
function sameShape<A, B>(
  _check: [A] extends [B] ? ([B] extends [A] ? true : false) : false,
) {
  return _check;
}
/** Compiles only when every `A` is a `B`. */
function isA<A, B>(_check: [A] extends [B] ? true : false) {
  return _check;
}

describe('ome-common wire types', () => {
  it('are the shapes the OpenAPI document declares', () => {
    // Requests the client sends: exactly the document's bodies.
    expect(sameShape<OmeCloneRequest, Schemas['CloneRequest']>(true)).toBe(
      true,
    );
    expect(sameShape<OmeImportRequest, Schemas['ImportRequest']>(true)).toBe(
      true,
    );
    // Answers the backend sends: each a valid instance of the document's schema.
    expect(isA<OmeListResponse, Schemas['ListResponse']>(true)).toBe(true);
    expect(isA<OmeWriteResult, Schemas['WriteResult']>(true)).toBe(true);
    expect(isA<OmeImportResponse, Schemas['ImportResponse']>(true)).toBe(true);
    expect(isA<OmeClustersResponse, Schemas['ClustersResponse']>(true)).toBe(
      true,
    );
    expect(
      isA<OmeNamespacesResponse, Schemas['NamespacesResponse']>(true),
    ).toBe(true);
    expect(isA<OmeErrorDetails, Schemas['ErrorDetails']>(true)).toBe(true);
  });
});
