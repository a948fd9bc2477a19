import { createContext, ReactNode, useContext } from 'react';
import { useResolvedPath } from 'react-router-dom';
import {
  OmeKind,
  omeKindInfo,
  omeObjectPagePath,
  OmeObjectRef,
} from '@ome-console/plugin-ome-common';

const BaseContext = createContext<string | undefined>(undefined);

/** Remembers where the OME pages are mounted (`/ome` in the example app). */
export function OmeBaseProvider(props: { children: ReactNode }) {
  const resolved = useResolvedPath('').pathname.replace(/\/+$/, '');
  return (
    <BaseContext.Provider value={resolved}>{props.children}</BaseContext.Provider>
  );
}

/** Builds the console's URLs. */
export function omePaths(base: string) {
  const objectPath = (ref: OmeObjectRef) => `${base}${omeObjectPagePath(ref)}`;
  return {
    root: () => base || '/',
    list: (kind: OmeKind) => `${base}/${omeKindInfo(kind).plural}`,
    create: (kind: OmeKind) => `${base}/${omeKindInfo(kind).plural}/new`,
    importYaml: () => `${base}/import`,
    huggingFaceImport: () => `${base}/huggingface`,
    /** The deploy wizard, optionally for a model (a BaseModel's namespace is the service's). */
    deploy: (from?: { cluster?: string; namespace?: string; model?: string }) => {
      const q = new URLSearchParams();
      for (const [key, value] of Object.entries(from ?? {})) {
        if (value) q.set(key, value);
      }
      const query = q.toString();
      return `${base}/deploy${query ? `?${query}` : ''}`;
    },
    detail: objectPath,
    edit: (ref: OmeObjectRef) => `${objectPath(ref)}/edit`,
  };
}

/** The console's URL builders, relative to where the OME page is mounted. */
export function useOmePaths() {
  const base = useContext(BaseContext) ?? '';
  return omePaths(base);
}
