// Must come first: lets antd 5 render its static methods and waves under React 19.
import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialLocale, loadLocale } from './i18n';
import './app/global.css';

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// A reader who chose English gets the English catalogue before the first render, so no Chinese
// flashes by; if it cannot load, the app still starts, in Chinese (see I18nProvider).
loadLocale(initialLocale()).then(render, render);
