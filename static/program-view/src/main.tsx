import '@atlaskit/css-reset';
import '../../shared/base.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { enableHostTheme, loadSiteUrl } from './host';
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
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
