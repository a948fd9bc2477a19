import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Paper, Typography } from '@material-ui/core';
import {
  Alert,
  AlertTitle,
  ToggleButton,
  ToggleButtonGroup,
} from '@material-ui/lab';
import {
  KubernetesObject,
  OmeKind,
  omeFormFields,
  omeKindInfo,
  OmeObjectRef,
} from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { draftErrors } from '../../editing/draftErrors';
import { ErrorAlert, serverFieldErrors } from '../common/errors';
import { CreatePermissionBanner } from '../common/permissions';
import { kindTitle, objectMeta, safely } from '../common/format';
import { useOmePaths } from '../common/paths';
import { ConflictChoices, StaleDraftNotice } from './ConflictPanel';
import { DraftForm } from './DraftForm';
import { DraftYaml } from './DraftYaml';
import { EditorTarget } from './EditorTarget';
import { errorBelongsTo, FormField } from './FormFields';
import { ReviewPanel } from './ReviewPanel';
import { useKindSchema } from './useKindSchema';
import { DraftMode, useResourceDraft } from './useResourceDraft';
import { useResourceWrite } from './useResourceWrite';

function withNamespace(
  object: KubernetesObject,
  namespace: string | undefined,
) {
  const metadata = {
    ...(object.metadata ?? {}),
  } as KubernetesObject['metadata'];
  if (namespace) metadata.namespace = namespace;
  else delete metadata.namespace;
  return { ...object, metadata };
}

/** Create: the namespaces of the chosen cluster, for namespaced kinds. */
function useTargetNamespaces(cluster: string, enabled: boolean): string[] {
  const api = useApi(omeApiRef);
  const namespaces = useAsync(async () => {
    if (!enabled || !cluster) return [];
    const res = await api
      .listNamespaces({ cluster: [cluster] })
      .catch(() => ({ items: [] }));
    return [
      ...new Set(res.items.map(n => n?.name).filter(Boolean)),
    ] as string[];
  }, [api, cluster, enabled]);
  return namespaces.value ?? [];
}

/**
 * Create or edit one object: a form of the fields people edit and the same object as
 * YAML one toggle away (YAML only when the form cannot show the object), instant
 * validation with ome-common's schemas, then a server-side dry run whose diff and
 * warnings are shown before the user confirms. A save that finds the object changed
 * (409) offers to re-apply the user's own edits onto the live object.
 */
export function ResourceEditor(props: {
  kind: OmeKind;
  /** The object as fetched (edit), or a new object (create). */
  initial: KubernetesObject;
  /** Edit: where the object lives. Create: absent. */
  target?: OmeObjectRef;
  /** Create: the clusters to choose from. */
  clusters?: string[];
  initialCluster?: string;
}) {
  const { kind, target } = props;
  const isCreate = !target;
  const info = omeKindInfo(kind);
  const paths = useOmePaths();
  const navigate = useNavigate();

  const draft = useResourceDraft(kind, props.initial);
  const [cluster, setCluster] = useState<string>(
    target?.cluster ?? props.initialCluster ?? props.clusters?.[0] ?? '',
  );
  const namespace = objectMeta(draft.draft).namespace;
  const namespaces = useTargetNamespaces(cluster, info.namespaced && isCreate);
  const schema = useKindSchema(kind, cluster);
  const write = useResourceWrite({
    kind,
    original: draft.original,
    draft: draft.draft,
    yamlText: draft.yamlText,
    target,
    createIn: { cluster, namespace: info.namespaced ? namespace : undefined },
  });

  const fields: FormField[] = useMemo(
    () => safely(() => [...omeFormFields(kind)], [] as FormField[]),
    [kind],
  );
  const shownFields = fields.filter(f => f.id !== 'metadata.namespace');
  const hasNameField = shownFields.some(f => f.id === 'metadata.name');
  const clientErrors = useMemo(
    () => draftErrors(kind, draft.draft, target),
    [kind, draft.draft, target],
  );
  const allErrors = [...clientErrors, ...serverFieldErrors(write.error)];
  const unmapped = allErrors.filter(
    e =>
      !shownFields.some(f => errorBelongsTo(f, e.path)) &&
      !(e.path === 'metadata.name' && !hasNameField && isCreate) &&
      e.path !== 'metadata.namespace',
  );
  const yamlBroken = draft.mode === 'yaml' && !!draft.yamlProblems.error;
  const back = target ? paths.detail(target) : paths.list(kind);

  return (
    <Box data-testid="ome-editor">
      <Box mb={1}>
        <Link to={back}>← {target ? target.name : kindTitle(kind)}</Link>
      </Box>
      <Typography variant="h4" component="h1" gutterBottom>
        {isCreate
          ? `Create ${kindTitle(kind, false).toLowerCase()}`
          : `Edit ${kind} ${target!.name}`}
      </Typography>
      {isCreate && (
        <>
          <Box mb={2}>
            <CreatePermissionBanner
              kind={kind}
              cluster={cluster || undefined}
              namespace={namespace || undefined}
            />
          </Box>
          <EditorTarget
            clusters={props.clusters ?? []}
            cluster={cluster}
            onClusterChange={setCluster}
            namespaces={info.namespaced ? namespaces : undefined}
            namespace={namespace}
            onNamespaceChange={ns =>
              draft.replaceDraft(withNamespace(draft.draft, ns))
            }
          />
        </>
      )}
      <Box my={2} display="flex" alignItems="center">
        <ToggleButtonGroup
          value={draft.mode}
          exclusive
          size="small"
          onChange={(_e, v: DraftMode | null) => v && draft.switchMode(v)}
          aria-label="Editor mode"
        >
          <ToggleButton
            value="form"
            aria-label="Form"
            data-testid="ome-mode-form"
            disabled={yamlBroken}
          >
            Form
          </ToggleButton>
          <ToggleButton
            value="yaml"
            aria-label="YAML"
            data-testid="ome-mode-yaml"
          >
            YAML
          </ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {draft.formBlocked.length > 0 && (
        <Box mb={2}>
          <Alert severity="info" data-testid="ome-form-fallback">
            <AlertTitle>
              The form cannot show this object; edit it as YAML
            </AlertTitle>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {draft.formBlocked.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </Alert>
        </Box>
      )}
      <Paper>
        <Box p={2}>
          {draft.mode === 'form' ? (
            <DraftForm
              fields={shownFields}
              values={draft.formValues}
              errors={allErrors}
              onChange={draft.setFormValue}
              isCreate={isCreate}
              name={
                isCreate && !hasNameField
                  ? {
                      value: objectMeta(draft.draft).name,
                      onChange: name =>
                        draft.replaceDraft({
                          ...draft.draft,
                          metadata: { ...draft.draft.metadata, name },
                        }),
                    }
                  : undefined
              }
            />
          ) : (
            <DraftYaml
              text={draft.yamlText}
              onChange={draft.setYaml}
              problems={draft.yamlProblems}
              schema={schema}
              canLoadFile={isCreate}
            />
          )}
          {unmapped.length > 0 && (
            <Box mt={2}>
              <Alert severity="error" data-testid="ome-validation-errors">
                <AlertTitle>Problems</AlertTitle>
                {unmapped.map((e, i) => (
                  <Typography variant="body2" key={i}>
                    <code>{e.path}</code>: {e.message}
                  </Typography>
                ))}
              </Alert>
            </Box>
          )}
        </Box>
      </Paper>
      <ConflictChoices conflicts={draft.conflicts} onChoose={draft.choose} />
      {write.error !== undefined && (
        <Box mt={2}>
          <ErrorAlert error={write.error} />
          {write.live && (
            <StaleDraftNotice
              original={draft.original}
              live={write.live}
              onRebase={() => draft.rebaseOnto(write.live!)}
            />
          )}
        </Box>
      )}
      <ReviewPanel
        noChanges={write.noChanges}
        dryRun={write.dryRun}
        before={isCreate ? undefined : draft.original}
      />
      <Box mt={2} display="flex">
        <Button
          variant="contained"
          color="primary"
          onClick={write.review}
          disabled={write.busy || yamlBroken || (isCreate && !cluster)}
          data-testid="ome-review"
        >
          Review changes (dry run)
        </Button>
        {write.dryRun && !write.unchanged && (
          <Box ml={1}>
            <Button
              variant="contained"
              color="secondary"
              onClick={write.confirm}
              disabled={write.busy}
              data-testid="ome-confirm"
            >
              {isCreate ? 'Confirm create' : 'Confirm update'}
            </Button>
          </Box>
        )}
        <Box ml={1}>
          <Button onClick={() => navigate(back)}>Cancel</Button>
        </Box>
      </Box>
    </Box>
  );
}
