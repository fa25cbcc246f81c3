// Timeslice player: the page is built from the dataset's manifest
// (/dataset) by app.js. This module only starts it.

import { startApp } from './app.js';

startApp().catch((e) => {
  // Only a programming error or an unusable manifest gets here (the API
  // retries forever while the server is away).
  console.error('timeslice: start failed', e);
});
