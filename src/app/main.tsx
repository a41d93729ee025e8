import { render } from 'solid-js/web';
import { App } from './App.tsx';
// In this order: later files refine earlier ones.
import './styles/page.css';
import './styles/results-and-panels.css';
import './styles/sticker-controls.css';
import './styles/ai-install-embed.css';

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing from index.html');
render(() => <App />, root);
