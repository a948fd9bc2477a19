import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApi } from '@backstage/core-plugin-api';
import {
  deepEqual,
  KubernetesObject,
  OmeKind,
  OmeWriteResult,
  OmeObjectRef,
} from '@ome-console/plugin-ome-common';
import { omeApiRef, omeErrorDetails, omeErrorStatus } from '../../api';
import { comparable } from '../common/DiffView';
import { objectMeta } from '../common/format';
import { useOmePaths } from '../common/paths';

/**
 * Review (a server-side dry run) and confirm (the write) of a draft, with the dry run's
 * result, the last error and, for a 409, the live object. Any change of the draft (or of
 * its YAML text) drops the review: it no longer describes what would be written.
 */
export function useResourceWrite(options: {
  kind: OmeKind;
  original: KubernetesObject;
  draft: KubernetesObject;
  yamlText: string;
  /** Edit: the object's place. Create: absent, `createIn` says where. */
  target?: OmeObjectRef;
  createIn: { cluster: string; namespace?: string };
}) {
  const { kind, original, draft, target, createIn } = options;
  const api = useApi(omeApiRef);
  const paths = useOmePaths();
  const navigate = useNavigate();
  const [dryRun, setDryRun] = useState<OmeWriteResult | undefined>();
  const [noChanges, setNoChanges] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDryRun(undefined);
    setNoChanges(false);
    setError(undefined);
  }, [draft, options.yamlText]);

  const write = (dry: boolean) =>
    target
      ? api.updateResource(target, draft, { dryRun: dry })
      : api.createResource(kind, createIn, draft, { dryRun: dry });

  const review = async () => {
    setError(undefined);
    setDryRun(undefined);
    if (target && deepEqual(comparable(draft), comparable(original))) {
      setNoChanges(true);
      return;
    }
    setBusy(true);
    try {
      setDryRun(await write(true));
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await write(false);
      const m = objectMeta(result?.object);
      navigate(
        paths.detail({
          kind,
          cluster: result?.cluster || createIn.cluster,
          namespace: m.namespace ?? createIn.namespace,
          name: m.name || objectMeta(draft).name,
        }),
      );
    } catch (e) {
      setError(e);
      setDryRun(undefined);
      setBusy(false);
    }
  };

  const live =
    omeErrorStatus(error) === 409 ? omeErrorDetails(error)?.live : undefined;
  const unchanged =
    noChanges ||
    (!!dryRun &&
      (dryRun.changed === false ||
        !Array.isArray(dryRun.patch) ||
        dryRun.patch.length === 0));

  return { review, confirm, dryRun, noChanges, unchanged, error, live, busy };
}
