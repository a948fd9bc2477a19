import { Link as RouterLink } from 'react-router-dom';
import { Link, Typography } from '@material-ui/core';
import {
  InferenceServiceSummary,
  OmeKind,
  OmeObjectRef,
} from '@ome-console/plugin-ome-common';
import { TruncatedText } from '../common/TruncatedText';
import { useOmeLinks } from './useEntityOme';

/** A link to an OME object's page, or its name alone when the OME page is not mounted. */
export function OmeObjectLink(props: {
  objectRef: OmeObjectRef;
  text?: string;
  maxWidth?: number | string;
}) {
  const links = useOmeLinks();
  const text = props.text ?? props.objectRef.name;
  const label = <TruncatedText text={text} maxWidth={props.maxWidth ?? 220} />;
  if (!links) return label;
  return (
    <Link component={RouterLink} to={links.detail(props.objectRef)}>
      {label}
    </Link>
  );
}

/**
 * A service's model or runtime as a link. The kind follows the service's spec (OME's defaults:
 * ClusterBaseModel, ClusterServingRuntime); a namespaced one lives in the service's namespace.
 */
export function RelatedLink(props: {
  cluster: string;
  namespace?: string;
  kind: OmeKind;
  name?: string;
}) {
  if (!props.name) return <>—</>;
  const namespaced =
    props.kind === 'BaseModel' || props.kind === 'ServingRuntime';
  return (
    <OmeObjectLink
      objectRef={{
        cluster: props.cluster,
        kind: props.kind,
        ...(namespaced && { namespace: props.namespace }),
        name: props.name,
      }}
      maxWidth="100%"
    />
  );
}

/** `1–2 (1 ready)`: the engine's replica range and the loaded copies OME reports. */
export function replicasText(s: InferenceServiceSummary): string {
  const { min, max, ready } = s.replicas;
  let range = '—';
  if (min !== undefined && max !== undefined)
    range = min === max ? String(min) : `${min}–${max}`;
  else if (min !== undefined || max !== undefined) range = String(min ?? max);
  return ready === undefined ? range : `${range} (${ready} ready)`;
}

/** The endpoint URL, cut to one line (whole on hover), or a dash. */
export function EndpointText(props: {
  url?: string;
  maxWidth?: number | string;
}) {
  if (!props.url)
    return (
      <Typography variant="body2" component="span">
        —
      </Typography>
    );
  return (
    <Typography variant="body2" component="span" data-testid="ome-entity-url">
      <TruncatedText text={props.url} maxWidth={props.maxWidth ?? 260} />
    </Typography>
  );
}
