import { useEffect, useRef, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  FormControlLabel,
  Switch,
  Typography,
} from '@material-ui/core';
import { LOG_TAIL_LINES } from '@ome-console/plugin-ome-common';
import { omeApiRef, OmePodsResponse, OmeServiceRef } from '../../../api';
import { useLogStream } from '../../../hooks';
import { ErrorAlert } from '../../common/errors';
import { OptionSelect } from '../../common/OptionSelect';

type Pod = OmePodsResponse['items'][number];

const TAILS = ['100', '200', '500', '1000', String(LOG_TAIL_LINES.max)];

/** What the log stream is doing, in a word or two. */
function logState(log: {
  loading: boolean;
  following: boolean;
  lines: string[];
}) {
  if (log.loading) return 'loading…';
  if (log.following) return 'following';
  return `${log.lines.length} lines`;
}

/** Saves text as a file in the browser. */
function saveText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Container logs of the service's pods: pod and container pickers, tail length, follow
 * (a streamed response; new lines are appended and the view stays at the bottom while the
 * reader is there), timestamps, and a download of the last lines.
 */
export function LogsViewer(props: {
  service: OmeServiceRef;
  pods: Pod[];
  pod?: string;
  onPodChange?: (pod: string) => void;
}) {
  const api = useApi(omeApiRef);
  const { service, pods } = props;
  const [ownPod, setOwnPod] = useState<string | undefined>();
  const podName =
    props.pod ??
    ownPod ??
    pods.find(p => p.phase === 'Running')?.name ??
    pods[0]?.name;
  const pod = pods.find(p => p.name === podName);
  const containers = pod ? [...pod.containers, ...pod.initContainers] : [];
  const [container, setContainer] = useState<string | undefined>();
  const shownContainer =
    container && containers.includes(container) ? container : containers[0];
  const [tail, setTail] = useState(String(LOG_TAIL_LINES.default));
  const [follow, setFollow] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  const log = useLogStream(service, pod?.name, {
    container: shownContainer,
    tailLines: Number(tail),
    follow,
    timestamps,
  });

  const box = useRef<HTMLPreElement>(null);
  const atBottom = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [log.lines]);

  const download = async () => {
    if (!pod) return;
    setDownloadError(undefined);
    try {
      const stream = await api.openPodLog(service, pod.name, {
        container: shownContainer,
        tailLines: LOG_TAIL_LINES.max,
        timestamps,
      });
      const text = await new Response(stream).text();
      saveText(`${pod.name}_${shownContainer}.log`, text);
    } catch (e) {
      setDownloadError(e);
    }
  };

  return (
    <InfoCard title="Logs">
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 16 }}
        mb={2}
      >
        <OptionSelect
          label="Pod"
          value={pod?.name ?? ''}
          options={pods.map(p => p.name)}
          onChange={v => {
            setOwnPod(v);
            props.onPodChange?.(v);
          }}
          style={{ minWidth: 280, maxWidth: 420 }}
          inputProps={{ 'data-testid': 'ome-logs-pod' }}
        />
        <OptionSelect
          label="Container"
          value={shownContainer ?? ''}
          options={containers}
          onChange={setContainer}
          style={{ minWidth: 180 }}
          inputProps={{ 'data-testid': 'ome-logs-container' }}
        />
        <OptionSelect
          label="Last lines"
          value={tail}
          options={TAILS}
          onChange={setTail}
          style={{ minWidth: 110 }}
          inputProps={{ 'data-testid': 'ome-logs-tail' }}
        />
        <FormControlLabel
          control={
            <Switch
              checked={follow}
              onChange={e => setFollow(e.target.checked)}
              color="primary"
              inputProps={{ 'data-testid': 'ome-logs-follow' } as object}
            />
          }
          label="Follow"
        />
        <FormControlLabel
          control={
            <Switch
              checked={timestamps}
              onChange={e => setTimestamps(e.target.checked)}
              color="primary"
            />
          }
          label="Timestamps"
        />
        <Button
          variant="outlined"
          onClick={download}
          disabled={!pod}
          data-testid="ome-logs-download"
        >
          Download
        </Button>
        <Typography
          variant="caption"
          color="textSecondary"
          data-testid="ome-logs-state"
        >
          {logState(log)}
        </Typography>
      </Box>
      {!pods.length && (
        <Typography color="textSecondary">
          No pods to read logs from.
        </Typography>
      )}
      {log.error && <ErrorAlert error={log.error} testId="ome-logs-error" />}
      {downloadError !== undefined && <ErrorAlert error={downloadError} />}
      {pod && (
        <pre
          ref={box}
          data-testid="ome-logs-output"
          onScroll={e => {
            const el = e.currentTarget;
            atBottom.current =
              el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
          style={{
            height: 420,
            overflow: 'auto',
            margin: 0,
            padding: 12,
            fontSize: 12,
            lineHeight: 1.5,
            background: '#1e1e1e',
            color: '#e0e0e0',
            whiteSpace: 'pre',
          }}
        >
          {log.lines.join('\n')}
        </pre>
      )}
    </InfoCard>
  );
}
