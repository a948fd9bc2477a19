import { Fragment } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { StatusError, StatusWarning } from '@backstage/core-components';
import { Box, Link, List, ListItem, Typography } from '@material-ui/core';
import {
  OmeAttentionItem,
  OmeAttentionResponse,
  OmeObjectRef,
} from '@ome-console/plugin-ome-common';
import { kindTitle } from '../common/format';
import { useOmePaths } from '../common/paths';
import { TruncatedText } from '../common/TruncatedText';

/** Related objects shown by name before "and N more". */
const RELATED_SHOWN = 3;

function where(ref: OmeObjectRef): string {
  return ref.namespace ? `${ref.cluster} / ${ref.namespace}` : ref.cluster;
}

function ObjectLink(props: { objectRef: OmeObjectRef }) {
  const paths = useOmePaths();
  const { objectRef } = props;
  return (
    <Link component={RouterLink} to={paths.detail(objectRef)}>
      <TruncatedText text={objectRef.name} maxWidth={260} />
    </Link>
  );
}

function Entry(props: { item: OmeAttentionItem }) {
  const { item } = props;
  const Status = item.severity === 'error' ? StatusError : StatusWarning;
  const related = item.related.slice(0, RELATED_SHOWN);
  const more = item.related.length - related.length;
  return (
    <ListItem
      divider
      data-testid="ome-attention-item"
      data-reason={item.reason}
      style={{ display: 'block' }}
    >
      <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
        <Status />
        <Typography variant="body2" color="textSecondary" component="span">
          {kindTitle(item.ref.kind, false)}
        </Typography>
        <Typography variant="body1" component="span">
          <ObjectLink objectRef={item.ref} />
        </Typography>
        <Typography
          variant="caption"
          color="textSecondary"
          component="span"
          style={{ minWidth: 0 }}
        >
          <TruncatedText text={where(item.ref)} maxWidth={240} />
        </Typography>
      </Box>
      <Typography variant="body2" data-testid="ome-attention-summary">
        {item.summary}
      </Typography>
      {item.detail && (
        <Typography variant="caption" color="textSecondary" component="p">
          <TruncatedText text={item.detail} maxWidth="100%" />
        </Typography>
      )}
      {item.related.length > 0 && (
        <Typography variant="caption" component="p">
          {item.reason === 'runtime-disabled-in-use'
            ? 'Used by '
            : 'Wanted by '}
          {related.map((r, i) => (
            <Fragment key={`${r.cluster}/${r.namespace}/${r.name}`}>
              {i > 0 && ', '}
              <ObjectLink objectRef={r} />
            </Fragment>
          ))}
          {more > 0 && ` and ${more} more`}
        </Typography>
      )}
    </ListItem>
  );
}

/**
 * "Needs attention": what `/attention` reports, errors first, each with its reason in plain
 * words and links to the objects; clusters that could not be checked are named.
 */
export function AttentionList(props: { attention?: OmeAttentionResponse }) {
  const items = Array.isArray(props.attention?.items)
    ? props.attention!.items
    : [];
  const errors = Array.isArray(props.attention?.errors)
    ? props.attention!.errors
    : [];
  const unchecked = [...new Set(errors.map(e => e?.cluster))];
  return (
    <Box data-testid="ome-attention">
      {props.attention && items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Nothing needs attention.
        </Typography>
      )}
      {items.length > 0 && (
        <List dense disablePadding>
          {items.map(item => (
            <Entry
              key={`${item.reason}/${item.ref.cluster}/${item.ref.kind}/${item.ref.namespace}/${item.ref.name}`}
              item={item}
            />
          ))}
        </List>
      )}
      {unchecked.length > 0 && (
        <Typography variant="caption" color="error" component="p">
          Not checked (could not be read): {unchecked.join(', ')}
        </Typography>
      )}
    </Box>
  );
}
