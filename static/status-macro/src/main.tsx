import '@atlaskit/css-reset';
import '../../shared/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableHostTheme } from './host';
import { StatusMacro } from './StatusMacro';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to render the status macro into.');
void enableHostTheme();
createRoot(container).render(
  <StrictMode>
    <StatusMacro />
  </StrictMode>,
);
