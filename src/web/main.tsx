// Starts the web app: loads the reader's language first, then renders the shell.
import './zod-without-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { I18nProvider, loadInitialState } from './i18n/I18nProvider.js';
import { SessionProvider } from './session/SessionProvider.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/content.css';
import './styles/map.css';
import './styles/forms.css';
import './styles/cases.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// The first paint is already in the reader's language: no flash of English before Arabic.
loadInitialState().then((initial) => {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider initial={initial}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
});
