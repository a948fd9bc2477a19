import { Content, Header, Page } from '@backstage/core-components';
import { ModelsContent } from './ModelsContent';

/** The models page of the legacy frontend system, with its own header. */
export function ModelsPage() {
  return (
    <Page themeId="tool">
      <Header title="OME" subtitle="Models served by OME across clusters" />
      <Content>
        <ModelsContent />
      </Content>
    </Page>
  );
}
