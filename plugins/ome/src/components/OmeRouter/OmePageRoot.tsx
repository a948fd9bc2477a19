import { Content, Header, Page } from '@backstage/core-components';
import { OmeRouter } from './OmeRouter';

/** The OME pages with their own header (legacy frontend system). */
export function OmePageRoot() {
  return (
    <Page themeId="tool">
      <Header title="OME" subtitle="Models, runtimes and inference services across clusters" />
      <Content>
        <OmeRouter />
      </Content>
    </Page>
  );
}
