// Label placement: where labels collide, the more important one stays.
// The dataset's point labels beat its area labels and the base map's
// towns; bigger points and bigger towns beat smaller ones. pickLabels is pure; declutter
// measures the DOM. Run after the map moves and when the labelled features
// change, not every frame.

/** boxes: [{x, y, w, h, priority, alts?}] in screen pixels; alts are other
 * places the label may go, as offsets [{dx, dy}] (a point's label on its
 * left, above, below). Returns the indices to keep, most important first:
 * each kept box, at its first place that is clear, overlaps no other kept
 * box (with pad pixels of clearance). Ties keep the earlier box. The place
 * chosen is written to box.moved ({dx, dy}, or undefined: where it is). A
 * label with alts prefers places inside within ({x, y, w, h}, the map),
 * where it is not cut by the map's edge; a label whose point (anchor,
 * {x, y}) is off the map is not kept: it would name nothing seen, cut. */
export function pickLabels(boxes, pad = 2, within = null) {
  const order = boxes.map((b, i) => i).sort((a, b) => (boxes[b].priority - boxes[a].priority) || (a - b));
  const kept = [];
  const taken = []; // the kept boxes where they are placed
  const clear = (b) => !taken.some((k) => b.x < k.x + k.w + pad && k.x < b.x + b.w + pad && b.y < k.y + k.h + pad && k.y < b.y + b.h + pad);
  const inside = (b) => !within || (b.x >= within.x && b.y >= within.y && b.x + b.w <= within.x + within.w && b.y + b.h <= within.y + within.h);
  for (const i of order) {
    const b = boxes[i];
    b.moved = undefined;
    if (!(b.w > 0 && b.h > 0)) continue;
    if (within && b.anchor && !inside({ ...b.anchor, w: 0, h: 0 })) continue;
    // A label that can move takes the first clear place inside the map, its own place first; where none is
    // inside, its own place if clear (a label that cannot move, an area's, stays where it is if clear).
    const places = [null, ...(b.alts || [])].map((m) => ({ m, at: m ? { x: b.x + m.dx, y: b.y + m.dy, w: b.w, h: b.h } : b }));
    const p = places.find(({ at }) => clear(at) && (!b.alts || inside(at))) || (clear(b) ? places[0] : null);
    if (!p) continue;
    kept.push(i);
    taken.push(p.at);
    b.moved = p.m || undefined;
  }
  return kept;
}

/** The other places of a point's label: mirrored to the point's left, then
 * centred above and below it. box is where the label is (on the right),
 * anchor the point's centre and radius in the same pixels. */
export function pointAlts(box, { x, y, r = 0 }) {
  const cx = x - box.w / 2;
  return [
    { dx: 2 * (x - box.x) - box.w, dy: 0 },
    { dx: cx - box.x, dy: y - r - 2 - box.h - box.y },
    { dx: cx - box.x, dy: y + r + 2 - box.y },
  ];
}

/** els: [{el, priority, anchor?}]: anchor ({x, y, r} in client pixels) is
 * the point a label names, which lets the label move to the point's other
 * sides before it is hidden, within the rect `within` (client pixels:
 * the map's). Hides (visibility) the labels that lose. */
export function declutter(els, within = null) {
  for (const e of els) { e.el.style.visibility = ''; e.el.style.translate = ''; }
  const boxes = els.map(({ el, priority, anchor }) => {
    const r = el.getBoundingClientRect();
    const box = { x: r.left, y: r.top, w: r.width, h: r.height, priority };
    if (anchor) { box.alts = pointAlts(box, anchor); box.anchor = anchor; }
    return box;
  });
  const keep = new Set(pickLabels(boxes, 2, within));
  els.forEach((e, i) => {
    if (!keep.has(i)) e.el.style.visibility = 'hidden';
    else if (boxes[i].moved) e.el.style.translate = `${Math.round(boxes[i].moved.dx)}px ${Math.round(boxes[i].moved.dy)}px`;
  });
  return keep.size;
}
