import '@atlaskit/css-reset';
import '../../shared/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EpicPanel } from './EpicPanel';
import { enableHostTheme } from './host';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render the epic panel into.');
void enableHostTheme();
createRoot(container).render(
  <StrictMode>
    <EpicPanel />
  </StrictMode>,
);
