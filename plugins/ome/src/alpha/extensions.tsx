import { ApiBlueprint, PageBlueprint } from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { Content } from '@backstage/core-components';
import StorageIcon from '@material-ui/icons/Storage';
import { omeApiFactory } from '../api/factory';
import { rootRouteRef } from '../routes';

/** @alpha */
export const omeRouteRef = convertLegacyRouteRef(rootRouteRef);

/** `api:ome`: the OME backend client. @alpha */
export const omeApi = ApiBlueprint.make({
  params: defineParams => defineParams(omeApiFactory),
});

/** `page:ome`: the models page at /ome, with its nav item "OME". @alpha */
export const omeModelsPage = PageBlueprint.make({
  params: {
    path: '/ome',
    title: 'OME',
    icon: <StorageIcon fontSize="inherit" />,
    routeRef: omeRouteRef,
    loader: () =>
      import('../components/ModelsPage').then(m => (
        <Content>
          <m.ModelsContent />
        </Content>
      )),
  },
});
