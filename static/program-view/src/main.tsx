import '@atlaskit/css-reset';
import '../../shared/base.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { enableHostTheme, loadSiteUrl } from './host';
import { parseRoute } from './navigation/routes';
import { createHostHistory } from './navigation/use-app-route';
import { prefetchTabData } from './prefetch';
import { preloadTab } from './programs/lazy-tabs';
import { ProgramsPage } from './ProgramsPage';

function App() {
  const [siteUrl, setSiteUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void loadSiteUrl().then((url) => current && setSiteUrl(url));
    return () => {
      current = false;
    };
  }, []);
  return <ProgramsPage siteUrl={siteUrl} />;
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render the Programs page into.');
void enableHostTheme();
// A deep link's tab starts fetching its code and first data as soon as the host says where the page is,
// while React draws the page around it; the router's own failure path reports a missing history.
createHostHistory().then(
  (history) => {
    const route = parseRoute(history.location.pathname);
    if (route.view !== 'program') return;
    prefetchTabData(route.tab, route.programId);
    preloadTab(route.tab);
  },
  () => undefined,
);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
