// No text cut without a visible cue. watchOverflow marks a scrolling box
// whose content goes on below (or above) what is shown, so the CSS draws a
// fade and an arrow there; clampMore shortens a long text to a few lines
// and adds a "more" button that shows the rest (and "less" to fold it).

/** Whether a box's content goes on below / above what it shows. Pure. */
export function overflowState({ scrollTop, scrollHeight, clientHeight }, slack = 2) {
  return {
    below: scrollHeight - clientHeight - scrollTop > slack,
    above: scrollTop > slack,
  };
}

/** Keeps el's ts-more-below / ts-more-above classes true to its content.
 * Returns a function that stops watching. */
export function watchOverflow(el) {
  const update = () => {
    const s = overflowState(el);
    el.classList.toggle('ts-more-below', s.below);
    el.classList.toggle('ts-more-above', s.above);
  };
  const ro = new ResizeObserver(update);
  ro.observe(el);
  const mo = new MutationObserver(update);
  mo.observe(el, { childList: true, subtree: true, characterData: true });
  el.addEventListener('scroll', update, { passive: true });
  update();
  return () => { ro.disconnect(); mo.disconnect(); el.removeEventListener('scroll', update); };
}

/**
 * Clamps textEl to its CSS line clamp (class ts-clamp) and, when the text
 * is longer than that, adds after it a button that unfolds it.
 * @param {HTMLElement} textEl
 * @param {{more: string, less: string}} labels in the page's language
 */
export function clampMore(textEl, labels) {
  textEl.classList.add('ts-clamp');
  const next = textEl.nextElementSibling;
  if (next?.classList.contains('ts-more')) next.remove();
  if (textEl.scrollHeight - textEl.clientHeight <= 2) { textEl.classList.remove('ts-clamp'); return null; }
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'ts-more ts-linkbtn';
  b.setAttribute('aria-expanded', 'false');
  b.textContent = labels.more;
  b.addEventListener('click', () => {
    const open = textEl.classList.toggle('ts-clamp') === false;
    b.setAttribute('aria-expanded', String(open));
    b.textContent = open ? labels.less : labels.more;
  });
  textEl.after(b);
  return b;
}
