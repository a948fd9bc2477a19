import { Box, Chip, Paper, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { HfDetection, HfInspection } from '@ome-console/plugin-ome-common';
import { TruncatedText } from '../common/TruncatedText';

type Field = keyof HfDetection['sources'];

const FIELDS: Array<[Field, string, (d: HfDetection) => string | undefined]> = [
  ['modelFormat', 'Format', d => d.modelFormat && [d.modelFormat.name, d.modelFormat.version].filter(Boolean).join(' ')],
  ['modelFramework', 'Framework', d => d.modelFramework && [d.modelFramework.name, d.modelFramework.version].filter(Boolean).join(' ')],
  ['modelArchitecture', 'Architecture', d => d.modelArchitecture],
  ['modelParameterSize', 'Parameters', d => d.modelParameterSize],
  ['maxTokens', 'Context length', d => d.maxTokens?.toLocaleString('en-US')],
  ['quantization', 'Quantization', d => d.quantization],
  ['license', 'Licence', d => d.license],
];

/** A hub model's card details and what the console detected, each with its source. */
export function ModelCard(props: { inspection: HfInspection }) {
  const { model, detection, storageUri } = props.inspection;
  return (
    <Paper data-testid="ome-hf-model-card">
      <Box p={2}>
        <Typography variant="h6" component="h2">
          <TruncatedText text={model.id} maxWidth="100%" />
        </Typography>
        <Box mt={1} mb={1} display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {model.gated && <Chip size="small" color="secondary" label={`gated (${model.gated})`} />}
          {model.pipelineTag && <Chip size="small" label={model.pipelineTag} />}
          {model.libraryName && <Chip size="small" label={model.libraryName} />}
          <Chip size="small" label={`${model.files.length} files`} />
        </Box>
        <Typography variant="body2" color="textSecondary">
          Storage URI: <code>{storageUri}</code>
        </Typography>
        <Box
          mt={2}
          display="grid"
          style={{ gridTemplateColumns: 'minmax(120px, max-content) minmax(0, 1fr) minmax(0, 1fr)', gap: '4px 16px' }}
          data-testid="ome-hf-detection"
        >
          {FIELDS.map(([field, label, value]) => (
            <Box key={field} display="contents">
              <Typography variant="body2" component="span" style={{ fontWeight: 500 }}>
                {label}
              </Typography>
              <Typography variant="body2" component="span" data-testid={`ome-hf-${field}`}>
                <TruncatedText text={value(detection) ?? '—'} maxWidth="100%" />
              </Typography>
              <Typography variant="caption" component="span" color="textSecondary">
                <TruncatedText text={detection.sources[field] ?? 'not detected'} maxWidth="100%" />
              </Typography>
            </Box>
          ))}
        </Box>
        {detection.notes.map(note => (
          <Box mt={1} key={note}>
            <Alert severity="info">{note}</Alert>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
