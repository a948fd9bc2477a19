import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Link, Progress } from '@backstage/core-components';
import {
  Box,
  Button,
  Grid,
  Paper,
  Step,
  StepButton,
  Stepper,
  TextField,
  Typography,
} from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import {
  BaseModelResource,
  newService,
  selectRuntime,
  specValue,
  validateRuntime,
  withSpec,
} from '@ome-console/plugin-ome-common';
import { useClusters } from '../../hooks';
import { DryRunActions } from '../common/DryRunActions';
import { ErrorAlert } from '../common/errors';
import { OptionSelect } from '../common/OptionSelect';
import { useOmePaths } from '../common/paths';
import { CreatePermissionBanner } from '../common/permissions';
import { DraftYaml } from '../ResourceEditorPage/DraftYaml';
import { ReviewPanel } from '../ResourceEditorPage/ReviewPanel';
import { useKindSchema } from '../ResourceEditorPage/useKindSchema';
import { useResourceDraft } from '../ResourceEditorPage/useResourceDraft';
import { useResourceWrite } from '../ResourceEditorPage/useResourceWrite';
import { AcceleratorStep } from './AcceleratorStep';
import { OverridesStep } from './OverridesStep';
import { RuntimeStep } from './RuntimeStep';
import { useDeployCatalog } from './useDeployCatalog';

const STEPS = ['Model', 'Runtime', 'Accelerator', 'Components', 'Review'];

/**
 * `/ome/deploy?cluster=&namespace=&model=`: deploy an InferenceService in steps (model →
 * runtime, automatic with OME's reasons or chosen → accelerator class → engine/decoder/
 * router → review with the server's dry run), then land on its page. The steps and the YAML
 * are one toggle apart and edit the same draft (the editor's draft, YAML and review parts).
 */
export function DeployWizardPage() {
  const paths = useOmePaths();
  const [params] = useSearchParams();
  const clusters = useClusters();
  if (clusters.loading) return <Progress />;
  const names = clusters.clusters.map(c => c.name);
  return (
    <Box data-testid="ome-deploy-wizard">
      <Box mb={1}>
        <Link to={paths.list('InferenceService')}>← Inference services</Link>
      </Box>
      <Typography variant="h4" component="h1" gutterBottom>
        Deploy a model
      </Typography>
      <DeployWizard
        clusters={names}
        initialCluster={params.get('cluster') ?? names[0] ?? ''}
        initialNamespace={params.get('namespace') ?? 'default'}
        initialModel={params.get('model') ?? ''}
      />
    </Box>
  );
}

function DeployWizard(props: {
  clusters: string[];
  initialCluster: string;
  initialNamespace: string;
  initialModel: string;
}) {
  const [cluster, setCluster] = useState(props.initialCluster);
  const [step, setStep] = useState(props.initialModel ? 1 : 0);
  const [view, setView] = useState<'steps' | 'yaml'>('steps');
  const draft = useResourceDraft(
    'InferenceService',
    newService(props.initialNamespace, props.initialModel),
  );
  const service = draft.draft;
  const namespace = String(service.metadata?.namespace ?? '');
  const catalog = useDeployCatalog(cluster, namespace);
  const schema = useKindSchema('InferenceService', cluster);
  const write = useResourceWrite({
    kind: 'InferenceService',
    original: draft.original,
    draft: service,
    yamlText: draft.yamlText,
    createIn: { cluster, namespace },
  });

  const modelName = String(specValue(service, ['model', 'name']) ?? '');
  const runtimeName = specValue(service, ['runtime', 'name']) as string | undefined;
  const acceleratorClass = specValue(service, ['acceleratorSelector', 'acceleratorClass']) as
    | string
    | undefined;
  const models = catalog.value?.models ?? [];
  // OME resolves a namespaced BaseModel before a ClusterBaseModel of the same name.
  const model: BaseModelResource | undefined =
    models.find(m => m.kind === 'BaseModel' && m.metadata.name === modelName) ??
    models.find(m => m.metadata.name === modelName);
  const runtimes = catalog.value?.runtimes;
  const selection = useMemo(
    () =>
      model && runtimes
        ? selectRuntime({
            model,
            runtimes,
            namespace,
            // The accelerator class chosen later must not change which runtimes are shown.
            service: { ...service, spec: { ...service.spec, acceleratorSelector: undefined } },
          })
        : undefined,
    [model, runtimes, namespace, service],
  );
  const validation = useMemo(
    () =>
      model && runtimes && runtimeName
        ? validateRuntime({ model, runtimes, namespace, service, runtimeName })
        : undefined,
    [model, runtimes, namespace, service, runtimeName],
  );
  const chosenRuntime = runtimeName ? validation?.candidate?.runtime : selection?.winner?.runtime;
  const set = (path: string[], value: unknown) => draft.replaceDraft(withSpec(service, path, value));

  const modelOptions = models.map(m =>
    m.kind === 'BaseModel' ? `${m.metadata.name}` : m.metadata.name,
  );

  return (
    <Box>
      <Grid container spacing={2}>
        <Grid item xs={12} md={4}>
          <OptionSelect
            fullWidth
            id="ome-deploy-cluster"
            label="Cluster"
            value={cluster}
            onChange={setCluster}
            options={props.clusters}
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <TextField
            fullWidth
            id="ome-deploy-namespace"
            label="Namespace"
            value={namespace}
            onChange={ev =>
              draft.replaceDraft({ ...service, metadata: { ...service.metadata, namespace: ev.target.value } })
            }
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <TextField
            fullWidth
            id="ome-deploy-name"
            label="Service name"
            value={String(service.metadata?.name ?? '')}
            onChange={ev =>
              draft.replaceDraft({ ...service, metadata: { ...service.metadata, name: ev.target.value } })
            }
          />
        </Grid>
      </Grid>
      {cluster && namespace && (
        <Box mt={1}>
          <CreatePermissionBanner kind="InferenceService" cluster={cluster} namespace={namespace} />
        </Box>
      )}
      <Box my={2}>
        <ToggleButtonGroup
          value={view}
          exclusive
          size="small"
          aria-label="Wizard mode"
          onChange={(_e, v: 'steps' | 'yaml' | null) => {
            if (!v || v === view) return;
            if (v === 'yaml') draft.switchMode('yaml');
            else if (draft.yamlProblems.error) return; // fix the YAML first
            else draft.switchMode('form');
            setView(v);
          }}
        >
          <ToggleButton value="steps" data-testid="ome-deploy-mode-steps">
            Steps
          </ToggleButton>
          <ToggleButton value="yaml" data-testid="ome-mode-yaml">
            YAML
          </ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {catalog.error && <ErrorAlert error={catalog.error} />}
      {view === 'yaml' ? (
        <Paper>
          <Box p={2}>
            <DraftYaml
              text={draft.yamlText}
              onChange={draft.setYaml}
              problems={draft.yamlProblems}
              schema={schema}
              canLoadFile={false}
            />
          </Box>
        </Paper>
      ) : (
        <Paper>
          <Stepper nonLinear activeStep={step}>
            {STEPS.map((label, i) => (
              <Step key={label} completed={i < step}>
                <StepButton onClick={() => setStep(i)} data-testid={`ome-deploy-step-${i}`}>
                  {label}
                </StepButton>
              </Step>
            ))}
          </Stepper>
          <Box p={2}>
            {catalog.loading && <Progress />}
            {step === 0 && (
              <Box data-testid="ome-deploy-model-step">
                <OptionSelect
                  fullWidth
                  id="ome-deploy-model"
                  label="Model (BaseModels of the namespace, then ClusterBaseModels)"
                  value={modelName}
                  emptyOption="Choose a model"
                  onChange={v => set(['model', 'name'], v || undefined)}
                  options={[...new Set(modelOptions)]}
                />
              </Box>
            )}
            {step === 1 && (
              <RuntimeStep
                cluster={cluster}
                selection={selection}
                value={runtimeName}
                onChange={name => set(['runtime'], name ? { name } : undefined)}
              />
            )}
            {step === 2 && (
              <AcceleratorStep
                runtime={chosenRuntime}
                acceleratorClasses={catalog.value?.acceleratorClasses ?? []}
                value={acceleratorClass}
                onChange={ac => set(['acceleratorSelector'], ac ? { acceleratorClass: ac } : undefined)}
              />
            )}
            {step === 3 && <OverridesStep draft={service} onChange={draft.replaceDraft} />}
            {step === 4 && (
              <Typography variant="body2" data-testid="ome-deploy-summary">
                {`${service.metadata?.name || '(no name)'} in ${namespace} on ${cluster}: model ${
                  modelName || '(none)'
                }, runtime ${runtimeName ?? `automatic (${selection?.winner?.name ?? 'none'})`}, accelerator ${
                  acceleratorClass ?? 'chosen by OME'
                }.`}
                {validation && !validation.valid && ` Runtime problem: ${validation.reason?.message}`}
              </Typography>
            )}
            <Box mt={2} display="flex">
              <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
                Back
              </Button>
              {step < STEPS.length - 1 && (
                <Box ml={1}>
                  <Button
                    variant="outlined"
                    disabled={step === 0 && !modelName}
                    onClick={() => setStep(step + 1)}
                    data-testid="ome-deploy-next"
                  >
                    Next
                  </Button>
                </Box>
              )}
            </Box>
          </Box>
        </Paper>
      )}
      <ReviewPanel noChanges={false} dryRun={write.dryRun} />
      <DryRunActions
        busy={write.busy}
        canReview={!!cluster && !!modelName && !draft.yamlProblems.error}
        canWrite={!!write.dryRun}
        onRun={dryRun => (dryRun ? write.review() : write.confirm())}
        writeLabel="Deploy"
        error={write.error}
      />
    </Box>
  );
}
