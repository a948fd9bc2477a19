import { ApiBlueprint, PageBlueprint } from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { Content } from '@backstage/core-components';
import StorageIcon from '@material-ui/icons/Storage';
import { omeApiFactory, omeChangeStreamApiFactory } from '../api/factory';
import { omeEntityFilter } from '../entity';
import { rootRouteRef } from '../routes';

/** @alpha */
export const omeRouteRef = convertLegacyRouteRef(rootRouteRef);

/** `api:ome`: the OME backend client. @alpha */
export const omeApi = ApiBlueprint.make({
  params: defineParams => defineParams(omeApiFactory),
});

/** `api:ome/change-stream`: the tab's one change stream, shared by the live hooks. @alpha */
export const omeChangeStreamApi = ApiBlueprint.make({
  name: 'change-stream',
  params: defineParams => defineParams(omeChangeStreamApiFactory),
});

/**
 * `page:ome`: the OME pages at /ome (overview, then per kind list, create, detail and
 * edit pages, and the YAML import), with the nav item "OME". @alpha
 */
export const omePage = PageBlueprint.make({
  params: {
    path: '/ome',
    title: 'OME',
    icon: <StorageIcon fontSize="inherit" />,
    routeRef: omeRouteRef,
    loader: () =>
      import('../components/OmeRouter').then(m => (
        <Content>
          <m.OmeRouter />
        </Content>
      )),
  },
});

/**
 * `entity-content:ome`: the OME tab of catalog entities that name InferenceServices (see
 * `isOmeAvailable`; `filter` can be overridden in app-config), at `/ome` of the entity page. @alpha
 */
export const omeEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/ome',
    title: 'OME',
    filter: omeEntityFilter,
    loader: () =>
      import('../components/EntityOme').then(m =>
        compatWrapper(<m.EntityOmeContent />),
      ),
  },
});

/** `entity-card:ome`: the OME card on the same entities' overview. @alpha */
export const omeEntityCard = EntityCardBlueprint.make({
  params: {
    filter: omeEntityFilter,
    loader: () =>
      import('../components/EntityOme').then(m =>
        compatWrapper(<m.EntityOmeCard />),
      ),
  },
});
