// HTML text: every string that did not come from the page itself (the
// dataset's texts, the server's answers) goes through escapeHTML. Pure.

/** The text s with &, <, >, " and ' escaped, for HTML text and attributes. */
export function escapeHTML(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A lang attribute (with its leading space) for a picked text {lang}. */
export function langAttr(v) {
  return v?.lang ? ` lang="${escapeHTML(v.lang)}"` : '';
}
