// Keys for the whole page: Space plays or pauses; ← → one day (Shift: one
// month); Page Up / Page Down the previous / next event; Home / End the
// start / end; Esc closes a popup, a card or the phone's legend sheet.
// A list or a text field keeps its own keys.

/**
 * @param {object} h handlers
 * @param {() => void} h.toggle
 * @param {(dir: 1|-1, month: boolean) => void} h.step
 * @param {(dir: 1|-1) => void} h.event
 * @param {(end: boolean) => void} h.edge
 * @param {() => void} h.escape
 * @returns {() => void} removes the listener
 */
export function installKeys(h, target = document) {
  const onKey = (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const el = ev.target;
    const tag = el?.tagName;
    const inControl = ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY'].includes(tag) || el?.isContentEditable;
    const k = ev.key;
    if (k === ' ' || k === 'Spacebar') {
      if (inControl) return;
      h.toggle();
    } else if (tag === 'SELECT' || tag === 'TEXTAREA' || el?.isContentEditable
      || (tag === 'INPUT' && !['checkbox', 'button'].includes(el.type))) {
      return;
    } else if (k === 'ArrowRight' || k === 'ArrowUp') {
      h.step(1, ev.shiftKey);
    } else if (k === 'ArrowLeft' || k === 'ArrowDown') {
      h.step(-1, ev.shiftKey);
    } else if (k === 'PageDown') {
      h.event(1);
    } else if (k === 'PageUp') {
      h.event(-1);
    } else if (k === 'Home') {
      h.edge(false);
    } else if (k === 'End') {
      h.edge(true);
    } else if (k === 'Escape') {
      h.escape();
      return;
    } else {
      return;
    }
    ev.preventDefault();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
