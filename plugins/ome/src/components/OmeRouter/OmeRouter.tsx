import { Route, Routes, useParams } from 'react-router-dom';
import { Typography } from '@material-ui/core';
import { omeKindByPlural } from '@ome-console/plugin-ome-common';
import { OmeBaseProvider } from '../common/paths';
import { ImportPage } from '../ImportPage';
import { HuggingFaceImportPage } from '../HuggingFaceImportPage';
import { DeployWizardPage } from '../DeployWizardPage';
import { ResourceDetailPage } from '../ResourceDetailPage/ResourceDetailPage';
import {
  ResourceCreatePage,
  ResourceEditPage,
} from '../ResourceEditorPage/ResourceEditorPage';
import { ResourceListPage } from '../ResourceListPage/ResourceListPage';
import { OverviewPage } from '../OverviewPage';

function NotFound(props: { what: string }) {
  return (
    <Typography data-testid="ome-not-found">
      Nothing here: {props.what}
    </Typography>
  );
}

/** `<plural>/*`: list, new, detail and edit of one kind. */
function KindRoutes() {
  const params = useParams();
  const plural = params.plural ?? '';
  const info = omeKindByPlural(plural);
  if (!info) return <NotFound what={`unknown kind ${plural}`} />;
  const rest = (params['*'] ?? '')
    .split('/')
    .filter(Boolean)
;
  const { kind } = info;
  if (rest.length === 0) return <ResourceListPage key={kind} kind={kind} />;
  if (rest.length === 1 && rest[0] === 'new')
    return <ResourceCreatePage key={kind} kind={kind} />;
  const need = info.namespaced ? 3 : 2;
  if (rest.length === need || (rest.length === need + 1 && rest[need] === 'edit')) {
    const ref = info.namespaced
      ? { kind, cluster: rest[0], namespace: rest[1], name: rest[2] }
      : { kind, cluster: rest[0], name: rest[1] };
    const key = rest.join('/');
    return rest.length === need ? (
      <ResourceDetailPage key={key} {...ref} />
    ) : (
      <ResourceEditPage key={key} {...ref} />
    );
  }
  return <NotFound what={rest.join('/')} />;
}

/** The OME pages under the plugin's mount point (`/ome`). */
export function OmeRouter() {
  return (
    <OmeBaseProvider>
      <Routes>
        <Route path="/" element={<OverviewPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="huggingface" element={<HuggingFaceImportPage />} />
        <Route path="deploy" element={<DeployWizardPage />} />
        <Route path=":plural/*" element={<KindRoutes />} />
      </Routes>
    </OmeBaseProvider>
  );
}
