import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { OmeKind } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { KindSchema } from '../../editing/schemaProblems';

/**
 * The kind's schema as the cluster serves it (its CRD's OpenAPI schema), for the YAML
 * editor's completion and checks; undefined until known, or when the cluster does not
 * answer (the editor then works without it).
 */
export function useKindSchema(kind: OmeKind, cluster: string): KindSchema | undefined {
  const api = useApi(omeApiRef);
  const state = useAsync(async () => {
    if (!cluster) return undefined;
    try {
      return (await api.getKindSchema(kind, cluster)) as KindSchema;
    } catch {
      return undefined;
    }
  }, [api, kind, cluster]);
  return state.value;
}
