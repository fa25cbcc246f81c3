// Label placement: where labels collide, the more important one stays.
// The dataset's point labels beat its area labels and the base map's
// towns; bigger points and bigger towns beat smaller ones. pickLabels is pure; declutter
// measures the DOM. Run after zooms and when the labelled features change,
// not every frame.

/** boxes: [{x, y, w, h, priority}] in screen pixels. Returns the indices
 * to keep, most important first: each kept box overlaps no other kept box
 * (with pad pixels of clearance). Ties keep the earlier box. */
export function pickLabels(boxes, pad = 2) {
  const order = boxes.map((b, i) => i).sort((a, b) => (boxes[b].priority - boxes[a].priority) || (a - b));
  const kept = [];
  for (const i of order) {
    const b = boxes[i];
    if (!(b.w > 0 && b.h > 0)) continue;
    const clash = kept.some((j) => {
      const k = boxes[j];
      return b.x < k.x + k.w + pad && k.x < b.x + b.w + pad && b.y < k.y + k.h + pad && k.y < b.y + b.h + pad;
    });
    if (!clash) kept.push(i);
  }
  return kept;
}

/** els: [{el, priority}]. Hides (visibility) the labels that lose. */
export function declutter(els) {
  for (const e of els) e.el.style.visibility = '';
  const boxes = els.map(({ el, priority }) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height, priority };
  });
  const keep = new Set(pickLabels(boxes));
  els.forEach((e, i) => { if (!keep.has(i)) e.el.style.visibility = 'hidden'; });
  return keep.size;
}
