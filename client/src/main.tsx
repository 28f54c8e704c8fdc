// Client entry: mount the app.
import { createRoot } from 'react-dom/client';
import { exposeDebugHandle } from './debugHandle.ts';
import { App } from './ui/App.tsx';
import './ui/styles.css';

exposeDebugHandle();
createRoot(document.getElementById('root')!).render(<App />);
