import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Grid,
  Paper,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert, AlertTitle, ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import {
  applyFormValues,
  deepEqual,
  formSupport,
  KubernetesObject,
  OmeFieldError,
  omeFormFields,
  OmeKind,
  omeKindInfo,
  OmeObjectRef,
  OmeWriteResult,
  parseYamlEdit,
  readFormValues,
  toYaml,
  validateOmeName,
  validateOmeObject,
} from '@ome-console/plugin-ome-common';
import { omeApiRef, omeErrorDetails, omeErrorStatus } from '../../api';
import { comparable, DryRunResult } from '../common/DiffView';
import { ErrorAlert, serverFieldErrors } from '../common/errors';
import { CreatePermissionBanner } from '../common/permissions';
import { kindTitle, objectMeta, safely } from '../common/format';
import { useOmePaths } from '../common/paths';
import { YamlEditor, YamlProblems } from '../common/YamlEditor';
import { errorBelongsTo, FormField, FormFields } from './FormFields';
import { OptionSelect } from '../common/OptionSelect';

type Mode = 'form' | 'yaml';

function withNamespace(object: KubernetesObject, namespace: string | undefined) {
  const metadata = { ...(object.metadata ?? {}) } as KubernetesObject['metadata'];
  if (namespace) metadata.namespace = namespace;
  else delete metadata.namespace;
  return { ...object, metadata };
}

/**
 * Create or edit one object: a form of the fields people edit and the same object as
 * YAML one toggle away (YAML only when the form cannot show the object), instant
 * validation with ome-common's schemas, then a server-side dry run whose diff and
 * warnings are shown before the user confirms.
 */
export function ResourceEditor(props: {
  kind: OmeKind;
  /** The object as fetched (edit), or a new object (create). */
  initial: KubernetesObject;
  /** Edit: where the object lives. Create: absent. */
  target?: OmeObjectRef;
  /** Create: the clusters and namespaces to choose from. */
  clusters?: string[];
  initialCluster?: string;
}) {
  const { kind, target } = props;
  const isCreate = !target;
  const info = omeKindInfo(kind);
  const api = useApi(omeApiRef);
  const paths = useOmePaths();
  const navigate = useNavigate();

  const fields: FormField[] = useMemo(
    () => safely(() => [...omeFormFields(kind)], [] as FormField[]),
    [kind],
  );
  const [original, setOriginal] = useState<KubernetesObject>(props.initial);
  const [draft, setDraftState] = useState<KubernetesObject>(props.initial);
  const initialSupport = safely(() => formSupport(kind, props.initial), {
    ok: false,
    reasons: ['The form could not read this object'],
  });
  const [mode, setMode] = useState<Mode>(initialSupport.ok ? 'form' : 'yaml');
  const [formBlocked, setFormBlocked] = useState<string[]>(
    initialSupport.ok ? [] : initialSupport.reasons,
  );
  const [yamlText, setYamlText] = useState<string>(() =>
    safely(() => toYaml(props.initial), ''),
  );
  const [yamlProblems, setYamlProblems] = useState<YamlProblems>({});
  const [cluster, setCluster] = useState<string>(
    target?.cluster ?? props.initialCluster ?? props.clusters?.[0] ?? '',
  );
  const [dryRun, setDryRun] = useState<OmeWriteResult | undefined>();
  const [noChanges, setNoChanges] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const namespace = objectMeta(draft).namespace;
  const namespaces = useAsync(async () => {
    if (!info.namespaced || !isCreate || !cluster) return [];
    const res = await api
      .listNamespaces({ cluster: [cluster] })
      .catch(() => ({ items: [] }));
    return [...new Set(res.items.map(n => n?.name).filter(Boolean))] as string[];
  }, [api, cluster, info.namespaced, isCreate]);

  const setDraft = (next: KubernetesObject) => {
    setDraftState(next);
    setDryRun(undefined);
    setNoChanges(false);
    setError(undefined);
  };

  const values = useMemo(
    () => safely(() => readFormValues(kind, draft), {} as Record<string, unknown>),
    [kind, draft],
  );

  // instant feedback: the same schemas the backend uses, plus the name rules
  const clientErrors: OmeFieldError[] = useMemo(() => {
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
    const name = objectMeta(draft).name;
    if (!out.some(e => e.path === 'metadata.name')) {
      const nameError = name
        ? safely(() => validateOmeName(kind, name), undefined)
        : 'Required';
      if (nameError) out.push({ path: 'metadata.name', message: nameError });
    }
    if (info.namespaced && !objectMeta(draft).namespace) {
      if (!out.some(e => e.path === 'metadata.namespace'))
        out.push({ path: 'metadata.namespace', message: 'Required' });
    }
    return out;
  }, [kind, draft, info.namespaced, target]);
  const serverErrors = serverFieldErrors(error);
  const allErrors = [...clientErrors, ...serverErrors];
  const shownFields = fields.filter(f => f.id !== 'metadata.namespace');
  const hasNameField = shownFields.some(f => f.id === 'metadata.name');
  const unmapped = allErrors.filter(
    e =>
      !shownFields.some(f => errorBelongsTo(f, e.path)) &&
      !(e.path === 'metadata.name' && !hasNameField && isCreate) &&
      e.path !== 'metadata.namespace',
  );

  const onFormChange = (id: string, value: unknown) => {
    const next = safely(
      () => applyFormValues(kind, draft, { ...values, [id]: value }),
      draft,
    );
    setDraft(next);
  };

  const onYamlChange = (text: string) => {
    setYamlText(text);
    const parsed = safely(() => parseYamlEdit(text, original), {
      error: { message: 'Could not parse the YAML' },
      typeWarnings: [],
    } as ReturnType<typeof parseYamlEdit>);
    setYamlProblems({ error: parsed.error, typeWarnings: parsed.typeWarnings });
    if (!parsed.error && parsed.value && typeof parsed.value === 'object') {
      setDraft(parsed.value as KubernetesObject);
    } else {
      setDryRun(undefined);
      setNoChanges(false);
    }
  };

  const switchMode = (next: Mode | null) => {
    if (!next || next === mode) return;
    if (next === 'yaml') {
      setYamlText(safely(() => toYaml(draft), yamlText));
      setYamlProblems({});
      setMode('yaml');
      return;
    }
    if (yamlProblems.error) return; // fix the YAML first
    const support = safely(() => formSupport(kind, draft), {
      ok: false,
      reasons: ['The form could not read this object'],
    });
    if (!support.ok) {
      setFormBlocked(support.reasons);
      return;
    }
    setFormBlocked([]);
    setMode('form');
  };

  const writeTarget = () =>
    isCreate
      ? { cluster, namespace: info.namespaced ? namespace : undefined }
      : target!;

  const write = (dry: boolean) =>
    isCreate
      ? api.createResource(kind, writeTarget(), draft, { dryRun: dry })
      : api.updateResource(target!, draft, { dryRun: dry });

  const review = async () => {
    setError(undefined);
    setDryRun(undefined);
    if (!isCreate && deepEqual(comparable(draft), comparable(original))) {
      setNoChanges(true);
      return;
    }
    setBusy(true);
    try {
      const result = await write(true);
      setDryRun(result);
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
          cluster: result?.cluster || cluster,
          namespace: m.namespace ?? namespace,
          name: m.name || objectMeta(draft).name,
        }),
      );
    } catch (e) {
      setError(e);
      setDryRun(undefined);
      setBusy(false);
    }
  };

  const live = omeErrorStatus(error) === 409 ? omeErrorDetails(error)?.live : undefined;
  const rebase = () => {
    if (!live) return;
    const rv = objectMeta(live).resourceVersion;
    setOriginal(live);
    const next = {
      ...draft,
      metadata: { ...draft.metadata, resourceVersion: rv },
    } as KubernetesObject;
    setDraft(next);
    if (mode === 'yaml') setYamlText(safely(() => toYaml(next), yamlText));
  };
  const unchanged =
    noChanges ||
    (!!dryRun &&
      (dryRun.changed === false || !Array.isArray(dryRun.patch) || dryRun.patch.length === 0));
  const blockingErrors = mode === 'yaml' ? !!yamlProblems.error : false;

  return (
    <Box data-testid="ome-editor">
      <Box mb={1}>
        <Link to={target ? paths.detail(target) : paths.list(kind)}>
          ← {target ? target.name : kindTitle(kind)}
        </Link>
      </Box>
      <Typography variant="h4" component="h1" gutterBottom>
        {isCreate ? `Create ${kindTitle(kind, false).toLowerCase()}` : `Edit ${kind} ${target!.name}`}
      </Typography>
      {isCreate && (
        <Box mb={2}>
          <CreatePermissionBanner
            kind={kind}
            cluster={cluster || undefined}
            namespace={namespace || undefined}
          />
        </Box>
      )}
      {isCreate && (
        <Grid container spacing={2}>
          <Grid item xs={12} md={4}>
            <OptionSelect
              fullWidth
              id="ome-editor-cluster"
              label="Cluster"
              value={cluster}
              onChange={setCluster}
              options={props.clusters ?? []}
              inputProps={{ 'data-testid': 'ome-target-cluster' }}
            />
          </Grid>
          {info.namespaced && (
            <Grid item xs={12} md={4}>
              <OptionSelect
                fullWidth
                id="ome-editor-namespace"
                label="Namespace"
                value={namespace ?? ''}
                error={!namespace}
                helperText={!namespace ? 'Required' : undefined}
                onChange={value => {
                  const next = withNamespace(draft, value || undefined);
                  setDraft(next);
                  if (mode === 'yaml') setYamlText(safely(() => toYaml(next), yamlText));
                }}
                inputProps={{ 'data-testid': 'ome-target-namespace' }}
                emptyOption="—"
                options={[...new Set([...(namespaces.value ?? []), ...(namespace ? [namespace] : [])])]}
              />
            </Grid>
          )}
        </Grid>
      )}
      <Box my={2} display="flex" alignItems="center">
        <ToggleButtonGroup
          value={mode}
          exclusive
          size="small"
          onChange={(_e, v) => switchMode(v)}
          aria-label="Editor mode"
        >
          <ToggleButton value="form" aria-label="Form" data-testid="ome-mode-form" disabled={!!yamlProblems.error && mode === 'yaml'}>
            Form
          </ToggleButton>
          <ToggleButton value="yaml" aria-label="YAML" data-testid="ome-mode-yaml">
            YAML
          </ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {formBlocked.length > 0 && (
        <Box mb={2}>
          <Alert severity="info" data-testid="ome-form-fallback">
            <AlertTitle>The form cannot show this object; edit it as YAML</AlertTitle>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {formBlocked.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </Alert>
        </Box>
      )}
      <Paper>
        <Box p={2}>
          {mode === 'form' ? (
            <>
              {isCreate && !hasNameField && (
                <Box mb={2}>
                  <TextField
                    fullWidth
                    required
                    id="ome-editor-name"
                    label="Name"
                    value={objectMeta(draft).name}
                    error={allErrors.some(e => e.path === 'metadata.name')}
                    helperText={allErrors
                      .filter(e => e.path === 'metadata.name')
                      .map(e => e.message)
                      .join('; ')}
                    onChange={ev =>
                      setDraft({
                        ...draft,
                        metadata: { ...draft.metadata, name: ev.target.value },
                      })
                    }
                  />
                </Box>
              )}
              <FormFields
                fields={shownFields}
                values={values}
                errors={allErrors}
                onChange={onFormChange}
                isCreate={isCreate}
              />
            </>
          ) : (
            <>
              {isCreate && (
                <Box mb={1}>
                  <Button component="label" size="small" variant="outlined">
                    Load from file
                    <input
                      type="file"
                      accept=".yaml,.yml,.json,text/yaml,application/json"
                      hidden
                      aria-label="YAML file"
                      onChange={async ev => {
                        const file = ev.target.files?.[0];
                        if (file) onYamlChange(await file.text());
                      }}
                    />
                  </Button>
                </Box>
              )}
              <YamlEditor value={yamlText} onChange={onYamlChange} problems={yamlProblems} />
            </>
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
      {error !== undefined && (
        <Box mt={2}>
          <ErrorAlert error={error} />
          {live && (
            <Box mt={1} data-testid="ome-conflict">
              <Typography variant="body2" gutterBottom>
                The object changed in the cluster since you opened it. Changes between the version you
                edited and the live one:
              </Typography>
              <DryRunResult
                before={original}
                result={{ cluster, object: live, changed: true, dryRun: true, patch: [{ op: 'replace', path: '' }], warnings: [] }}
              />
              <Button variant="outlined" onClick={rebase}>
                Apply my edits on top of the live version
              </Button>
            </Box>
          )}
        </Box>
      )}
      {(dryRun || noChanges) && (
        <Box mt={2}>
          <Typography variant="h6">Review</Typography>
          {noChanges ? (
            <Alert severity="info" data-testid="ome-diff-no-changes">
              No changes: nothing would be written.
            </Alert>
          ) : (
            <DryRunResult before={isCreate ? undefined : original} result={dryRun!} />
          )}
        </Box>
      )}
      <Box mt={2} display="flex">
        <Button
          variant="contained"
          color="primary"
          onClick={review}
          disabled={busy || blockingErrors || (!isCreate ? false : !cluster)}
          data-testid="ome-review"
        >
          Review changes (dry run)
        </Button>
        {dryRun && !unchanged && (
          <Box ml={1}>
            <Button
              variant="contained"
              color="secondary"
              onClick={confirm}
              disabled={busy}
              data-testid="ome-confirm"
            >
              {isCreate ? 'Confirm create' : 'Confirm update'}
            </Button>
          </Box>
        )}
        <Box ml={1}>
          <Button onClick={() => navigate(target ? paths.detail(target) : paths.list(kind))}>
            Cancel
          </Button>
        </Box>
      </Box>
    </Box>
  );
}
