import { ReactNode } from 'react';
import {
  Box,
  Card,
  CardContent,
  Chip,
  Grid,
  Typography,
} from '@material-ui/core';
import { OmeKind } from '@ome-console/plugin-ome-common';
import { display } from '../common/format';

/** Reads a dotted path of an object of any shape; never throws. */
function pick(object: unknown, path: string): unknown {
  let cur: any = object;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = cur[part];
  }
  return cur;
}

const nameVersion = (v: unknown) => {
  if (!v || typeof v !== 'object') return v;
  const { name, version } = v as any;
  return [name, version].filter(x => typeof x === 'string' && x).join(' ');
};

const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);

type Row = [string, unknown];

function FieldTable(props: { rows: Row[] }) {
  return (
    <Box component="dl" m={0}>
      {props.rows.map(([label, value]) => (
        <Box key={label} display="flex" py={0.5}>
          <Box component="dt" width="40%" pr={1}>
            <Typography variant="body2" color="textSecondary">
              {label}
            </Typography>
          </Box>
          <Box component="dd" m={0} width="60%" style={{ wordBreak: 'break-all' }}>
            <Typography variant="body2" data-testid={`ome-field-${label}`}>
              {display(value)}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

export function OverviewCard(props: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card data-testid={props.testId} style={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {props.title}
        </Typography>
        {props.children}
      </CardContent>
    </Card>
  );
}

function modelCards(o: unknown): Array<[string, Row[]]> {
  return [
    [
      'Model',
      [
        ['Display name', pick(o, 'spec.displayName')],
        ['Vendor', pick(o, 'spec.vendor')],
        ['Version', pick(o, 'spec.version')],
        ['Format', nameVersion(pick(o, 'spec.modelFormat'))],
        ['Framework', nameVersion(pick(o, 'spec.modelFramework'))],
        ['Architecture', pick(o, 'spec.modelArchitecture')],
        ['Size', pick(o, 'spec.modelParameterSize')],
        ['Capabilities', pick(o, 'spec.modelCapabilities')],
        ['Max tokens', pick(o, 'spec.maxTokens')],
        ['Quantization', pick(o, 'spec.quantization')],
        ['Disabled', pick(o, 'spec.disabled') === true ? 'yes' : 'no'],
      ],
    ],
    [
      'Storage',
      [
        ['Storage URI', pick(o, 'spec.storage.storageUri')],
        ['Path', pick(o, 'spec.storage.path')],
        ['Secret', pick(o, 'spec.storage.key')],
        ['Download policy', pick(o, 'spec.storage.downloadPolicy')],
      ],
    ],
    [
      'Status',
      [
        ['State', pick(o, 'status.state')],
        ['Lifecycle', pick(o, 'status.lifecycle')],
        ['Nodes ready', pick(o, 'status.nodesReady')],
        ['Nodes failed', pick(o, 'status.nodesFailed')],
      ],
    ],
  ];
}

function runtimeCards(o: unknown): Array<[string, Row[]]> {
  const formats = arr(pick(o, 'spec.supportedModelFormats')).map(f =>
    [
      nameVersion(pick(f, 'modelFormat')) || pick(f, 'name'),
      nameVersion(pick(f, 'modelFramework')),
      pick(f, 'modelArchitecture'),
      pick(f, 'autoSelect') === true ? 'auto-select' : '',
      pick(f, 'priority') !== undefined ? `priority ${display(pick(f, 'priority'))}` : '',
    ]
      .filter(x => typeof x === 'string' && x)
      .join(' · '),
  );
  const image = (p: string) =>
    arr(pick(o, `${p}.runner.image`) ? [pick(o, `${p}.runner.image`)] : [])
      .concat(arr(pick(o, `${p}.containers`)).map(c => pick(c, 'image')))
      .filter(Boolean);
  const accel = pick(o, 'spec.acceleratorRequirements');
  return [
    [
      'Supported formats',
      [
        ['Formats', formats],
        ['Size range', [pick(o, 'spec.modelSizeRange.min'), pick(o, 'spec.modelSizeRange.max')].filter(Boolean).join(' – ')],
        ['Protocols', pick(o, 'spec.protocolVersions')],
        ['Disabled', pick(o, 'spec.disabled') === true ? 'yes' : 'no'],
      ],
    ],
    [
      'Components',
      [
        ['Engine', image('spec.engineConfig')],
        ['Decoder', image('spec.decoderConfig')],
        ['Router', image('spec.routerConfig')],
        ['Containers', arr(pick(o, 'spec.containers')).map(c => pick(c, 'image'))],
      ],
    ],
    [
      'Accelerator requirements',
      [
        ['Accelerator classes', pick(accel, 'acceleratorClasses')],
        ['Min memory', pick(accel, 'minMemory')],
        ['Features', pick(accel, 'requiredFeatures')],
        ['Raw', accel],
      ],
    ],
  ];
}

function isvcCards(o: unknown): Array<[string, Row[]]> {
  const comps = ['engine', 'decoder', 'router'];
  const conditions = arr(pick(o, 'status.conditions')).map(
    c => `${display(pick(c, 'type'))}=${display(pick(c, 'status'))}`,
  );
  return [
    [
      'Service',
      [
        ['Model', pick(o, 'spec.model.name')],
        ['Runtime', pick(o, 'spec.runtime.name') ?? '(selected by OME)'],
        ['URL', pick(o, 'status.url')],
        ['Conditions', conditions],
        ['Model status', pick(o, 'status.modelStatus.transitionStatus')],
        ['Failure', pick(o, 'status.modelStatus.lastFailureInfo.reason')],
      ],
    ],
    [
      'Components',
      comps
        .filter(c => pick(o, `spec.${c}`) !== undefined || pick(o, `status.components.${c}`) !== undefined)
        .map(
          c =>
            [
              c.charAt(0).toUpperCase() + c.slice(1),
              [
                `replicas ${display(pick(o, `spec.${c}.minReplicas`))}–${display(pick(o, `spec.${c}.maxReplicas`))}`,
                pick(o, `status.components.${c}.url`),
                pick(o, `status.components.${c}.selectedAccelerator`),
              ].filter(x => typeof x === 'string' && x),
            ] as Row,
        ),
    ],
  ];
}

function acceleratorCards(o: unknown): Array<[string, Row[]]> {
  return [
    [
      'Accelerator',
      [
        ['Vendor', pick(o, 'spec.vendor')],
        ['Family', pick(o, 'spec.family')],
        ['Model', pick(o, 'spec.model')],
        ['Resources', arr(pick(o, 'spec.resources')).map(r => `${display(pick(r, 'name'))}: ${display(pick(r, 'quantity'))}`)],
      ],
    ],
    [
      'Capabilities',
      [
        ['Memory', pick(o, 'spec.capabilities.memoryGB')],
        ['Compute capability', pick(o, 'spec.capabilities.computeCapability')],
        ['Bandwidth (GB/s)', pick(o, 'spec.capabilities.memoryBandwidthGBps')],
        ['Features', pick(o, 'spec.capabilities.features')],
        ['Performance', pick(o, 'spec.capabilities.performance')],
      ],
    ],
    [
      'Nodes',
      [
        ['Available nodes', pick(o, 'status.availableNodes')],
        ['Accelerators', `${display(pick(o, 'status.availableAccelerators'))} / ${display(pick(o, 'status.totalAccelerators'))}`],
        ['Nodes', pick(o, 'status.nodes')],
      ],
    ],
  ];
}

function benchmarkCards(o: unknown): Array<[string, Row[]]> {
  return [
    [
      'Benchmark',
      [
        ['Endpoint', pick(o, 'spec.endpoint.inferenceService.name') ?? pick(o, 'spec.endpoint.endpoint.url') ?? pick(o, 'spec.endpoint')],
        ['Task', pick(o, 'spec.task')],
        ['Traffic scenarios', pick(o, 'spec.trafficScenarios')],
        ['Concurrency', pick(o, 'spec.numConcurrency')],
        ['Output', pick(o, 'spec.outputLocation.storageUri')],
      ],
    ],
    [
      'Status',
      [
        ['State', pick(o, 'status.state')],
        ['Started', pick(o, 'status.startTime')],
        ['Completed', pick(o, 'status.completionTime')],
        ['Failure', pick(o, 'status.failureMessage')],
      ],
    ],
  ];
}

function fineTunedCards(o: unknown): Array<[string, Row[]]> {
  const hp = pick(o, 'spec.hyperParameters');
  return [
    [
      'Fine-tuned weight',
      [
        ['Base model', pick(o, 'spec.baseModelRef.name')],
        ['Model type', pick(o, 'spec.modelType')],
        ['Vendor', pick(o, 'spec.vendor')],
        ['Version', pick(o, 'spec.version')],
        ['Storage URI', pick(o, 'spec.storage.storageUri')],
        ['State', pick(o, 'status.state')],
      ],
    ],
    [
      'Hyper-parameters',
      hp && typeof hp === 'object' && !Array.isArray(hp)
        ? Object.entries(hp as object).map(([k, v]) => [k, v] as Row)
        : [['Hyper-parameters', hp]],
    ],
  ];
}

const cardsByKind: Record<OmeKind, (o: unknown) => Array<[string, Row[]]>> = {
  ClusterBaseModel: modelCards,
  BaseModel: modelCards,
  ClusterServingRuntime: runtimeCards,
  ServingRuntime: runtimeCards,
  InferenceService: isvcCards,
  AcceleratorClass: acceleratorCards,
  BenchmarkJob: benchmarkCards,
  FineTunedWeight: fineTunedCards,
};

/** The kind's overview cards (models, runtimes, services, ...) for one object. */
export function KindOverview(props: { kind: OmeKind; object: unknown }) {
  let cards: Array<[string, Row[]]> = [];
  try {
    cards = cardsByKind[props.kind]?.(props.object) ?? [];
  } catch {
    cards = [];
  }
  return (
    <>
      {cards.map(([title, rows]) => (
        <Grid item xs={12} md={6} lg={4} key={title}>
          <OverviewCard title={title} testId={`ome-card-${title}`}>
            <FieldTable rows={rows} />
          </OverviewCard>
        </Grid>
      ))}
    </>
  );
}

/** Labels and annotations as chips. */
export function MetadataCard(props: {
  cluster: string;
  meta: {
    name: string;
    namespace?: string;
    labels: Record<string, string>;
    creationTimestamp?: string;
    resourceVersion?: string;
  };
}) {
  const { meta } = props;
  return (
    <OverviewCard title="Metadata" testId="ome-card-Metadata">
      <FieldTable
        rows={[
          ['Name', meta.name],
          ['Namespace', meta.namespace],
          ['Cluster', props.cluster],
          ['Created', meta.creationTimestamp],
          ['Resource version', meta.resourceVersion],
        ]}
      />
      <Box mt={1}>
        {Object.entries(meta.labels).map(([k, v]) => (
          <Box component="span" mr={0.5} key={k}>
            <Chip size="small" label={`${k}=${v}`} />
          </Box>
        ))}
      </Box>
    </OverviewCard>
  );
}
