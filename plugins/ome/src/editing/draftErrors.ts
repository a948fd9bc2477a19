import {
  KubernetesObject,
  OmeFieldError,
  OmeKind,
  omeKindInfo,
  validateOmeName,
  validateOmeObject,
} from '@ome-console/plugin-ome-common';
import { safely } from '../components/common/format';


/**
 * Instant feedback on a draft: the schemas the backend validates with, the name rules, and
 * a namespace for namespaced kinds. `target` is the edited object's place (its name and
 * namespace cannot change).
 */
export function draftErrors(
  kind: OmeKind,
  draft: KubernetesObject,
  target?: { name: string; namespace?: string },
): OmeFieldError[] {
  const list = safely(
    () =>
      validateOmeObject(
        kind,
        draft,
        target ? { expectName: target.name, expectNamespace: target.namespace } : undefined,
      ),
    [] as OmeFieldError[],
  );
  const out = Array.isArray(list) ? [...list] : [];
  const metadata = (draft?.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (!out.some(e => e.path === 'metadata.name')) {
    const nameError = name ? safely(() => validateOmeName(kind, name), undefined) : 'Required';
    if (nameError) out.push({ path: 'metadata.name', message: nameError });
  }
  if (omeKindInfo(kind).namespaced && !metadata.namespace) {
    if (!out.some(e => e.path === 'metadata.namespace')) {
      out.push({ path: 'metadata.namespace', message: 'Required' });
    }
  }
  return out;
}
