import {
  Box,
  Button,
  FormControlLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import {
  KubernetesObject,
  parseJsonPointer,
} from '@ome-console/plugin-ome-common';
import { toYaml } from '../../editing/yaml';
import { ObjectDiff } from '../common/DiffView';
import { safely } from '../common/format';
import { DraftConflict } from './useResourceDraft';

/**
 * A 409: the object changed in the cluster since it was loaded. Shows what the other
 * writer changed and offers to re-apply the user's own edits on top of the live object.
 */
export function StaleDraftNotice(props: {
  original: KubernetesObject;
  live: KubernetesObject;
  onRebase: () => void;
}) {
  return (
    <Box mt={1} data-testid="ome-conflict">
      <Typography variant="body2" gutterBottom>
        The object changed in the cluster since you opened it. Changes between the version you
        edited and the live one:
      </Typography>
      <ObjectDiff before={props.original} after={props.live} />
      <Box mt={1}>
        <Button variant="outlined" onClick={props.onRebase} data-testid="ome-rebase">
          Apply my edits on top of the live version
        </Button>
      </Box>
    </Box>
  );
}

function shown(value: unknown): string {
  if (value === undefined) return '(removed)';
  return safely(() => toYaml(value).trimEnd(), JSON.stringify(value));
}

/** The fields both the user and the other writer changed, each with a choice of value. */
export function ConflictChoices(props: {
  conflicts: DraftConflict[];
  onChoose: (path: string, side: 'theirs' | 'mine') => void;
}) {
  if (props.conflicts.length === 0) return null;
  return (
    <Box mt={2}>
      <Alert severity="warning" data-testid="ome-conflicts">
        <AlertTitle>
          You and someone else changed {props.conflicts.length === 1 ? 'this field' : 'these fields'}:
          choose which value to keep
        </AlertTitle>
        {props.conflicts.map(c => {
          const field = parseJsonPointer(c.path).join('.');
          return (
            <Box key={c.path} mt={1} data-testid="ome-conflict-field" data-path={field}>
              <Typography variant="body2">
                <code>{field}</code> (was <code>{shown(c.base)}</code>)
              </Typography>
              <RadioGroup
                row
                aria-label={`Value of ${field}`}
                value={c.chosen}
                onChange={(_e, v) => props.onChoose(c.path, v as 'theirs' | 'mine')}
              >
                <FormControlLabel
                  value="theirs"
                  control={<Radio size="small" />}
                  label={<span>Theirs (live): <code>{shown(c.theirs)}</code></span>}
                  data-testid="ome-conflict-theirs"
                />
                <FormControlLabel
                  value="mine"
                  control={<Radio size="small" />}
                  label={<span>Mine: <code>{shown(c.mine)}</code></span>}
                  data-testid="ome-conflict-mine"
                />
              </RadioGroup>
            </Box>
          );
        })}
      </Alert>
    </Box>
  );
}
