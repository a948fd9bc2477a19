import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { entityInferenceServiceQuery } from '@ome-console/plugin-ome-common';
import { useEntityInferenceServices } from '../../hooks';
import { rootRouteRef } from '../../routes';
import { omePaths } from '../common/paths';

/** Where the OME pages are mounted, for links from a catalog entity page. */
export function useOmeLinks() {
  // An app without the OME page makes useRouteRef throw: then no links rather than broken
  // ones. The hook is called on every render; the try only catches that throw.
  let base: string | undefined;
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    base = useRouteRef(rootRouteRef)();
  } catch {
    base = undefined;
  }
  return base === undefined ? undefined : omePaths(base.replace(/\/+$/, ''));
}

/** The current entity's InferenceServices (see `useEntityInferenceServices`). */
export function useEntityOme() {
  const { entity } = useEntity();
  const query = entityInferenceServiceQuery(entity);
  return { query, services: useEntityInferenceServices(query) };
}
