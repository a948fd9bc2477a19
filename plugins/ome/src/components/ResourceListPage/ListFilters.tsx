import { useEffect, useRef, useState } from 'react';
import {
  Box,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  TextField,
} from '@material-ui/core';
import { ClusterChoice, ResourceListQuery } from '../../hooks';
import { OptionSelect } from '../common/OptionSelect';

/** A text field that reports its value once the user stops typing (one request, not one per key). */
function DebouncedTextField(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const { value, onChange } = props;
  const [input, setInput] = useState(value);
  const reported = useRef(value);
  // the latest callback, so that a re-render (a list answering) does not restart the timer
  const report = useRef(onChange);
  report.current = onChange;
  // the URL may change from elsewhere (a link, back): show that
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setInput(value);
    }
  }, [value]);
  useEffect(() => {
    if (input === reported.current) return undefined;
    const timer = setTimeout(() => {
      reported.current = input;
      report.current(input);
    }, 300);
    return () => clearTimeout(timer);
  }, [input]);
  return (
    <TextField
      id={props.id}
      label={props.label}
      placeholder={props.placeholder}
      value={input}
      onChange={ev => setInput(ev.target.value)}
      InputLabelProps={{ shrink: true }}
      inputProps={props.testId ? { 'data-testid': props.testId } : undefined}
    />
  );
}

/** The filters of a list, in one row above the table: clusters, namespace, search, labels. */
export function ListFilters(props: {
  query: ResourceListQuery;
  update: (change: Partial<ResourceListQuery>) => void;
  clusters: readonly ClusterChoice[];
  /** Namespaces to offer; undefined for a cluster-scoped kind. */
  namespaces?: readonly string[];
}) {
  const { query, update, clusters, namespaces } = props;
  const toggleCluster = (name: string) =>
    update({
      clusters: query.clusters.includes(name)
        ? query.clusters.filter(c => c !== name)
        : [...query.clusters, name],
    });
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-end"
      mb={2}
      style={{ gap: 24 }}
      data-testid="ome-list-filters"
    >
      <Box>
        <FormLabel component="legend" style={{ fontSize: '0.75rem' }}>
          Clusters{query.clusters.length ? '' : ' (all)'}
        </FormLabel>
        <FormGroup row data-testid="ome-cluster-picker">
          {clusters.map(c => (
            <FormControlLabel
              key={c.name}
              control={
                <Checkbox
                  size="small"
                  checked={query.clusters.includes(c.name)}
                  onChange={() => toggleCluster(c.name)}
                  name={c.name}
                />
              }
              label={
                c.installed === false ? `${c.name} (not installed)` : c.name
              }
            />
          ))}
        </FormGroup>
      </Box>
      {namespaces && (
        <OptionSelect
          id="ome-list-namespace"
          label="Namespace"
          value={query.namespace}
          options={namespaces}
          emptyOption="All namespaces"
          onChange={namespace => update({ namespace })}
          inputProps={{ 'data-testid': 'ome-namespace-picker' }}
          style={{ minWidth: 180 }}
        />
      )}
      <DebouncedTextField
        id="ome-list-search"
        label="Search"
        placeholder="name, namespace, columns"
        value={query.search}
        onChange={search => update({ search })}
        testId="ome-search"
      />
      <DebouncedTextField
        id="ome-list-label-selector"
        label="Label selector"
        placeholder="team=a,tier!=gpu"
        value={query.labelSelector}
        onChange={labelSelector => update({ labelSelector })}
      />
    </Box>
  );
}
