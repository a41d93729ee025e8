import { startStickerWorker } from '../engine/sticker-worker.ts';
import './pwa/early-install-offer.ts';
// In this order: later files refine earlier ones.
import './styles/page.css';
import './styles/results-and-panels.css';
import './styles/sticker-controls.css';
import './styles/ai-install-embed.css';

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing from index.html');
// The worker first, the UI's code after it (a chunk of its own): see sticker-worker.ts.
startStickerWorker();
import('./start-ui.tsx').then(
  ({ startUi }) => startUi(root),
  (error: unknown) => {
    root.textContent = '表情 BiaoQing 没能加载，请刷新页面。 BiaoQing did not load; please reload the page.';
    throw error;
  },
);
