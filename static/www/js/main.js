// Timeslice player: the page is built from the dataset's manifest
// (/dataset) by app.js. This module only starts it.

import { startApp } from './app.js';
import { t } from './i18n.js';

startApp().catch((e) => {
  // Only a programming error or a missing or unusable manifest gets here
  // (the API retries forever while the server is away). Say so quietly.
  console.error('timeslice: start failed', e);
  const el = document.querySelector('.ts-status');
  if (el) {
    el.textContent = t(navigator.language?.slice(0, 2) || 'en', 'status.noDataset');
    el.hidden = false;
  }
});
