/**
 * Screen offsets that keep markers sharing one anchor (several products of one commune)
 * apart: the first sits on the anchor when alone, otherwise all sit on a ring around it,
 * in a stable order, with the ring growing so neighbours never overlap.
 *
 * @param items in a stable order (e.g. by id)
 * @param keyOf the anchor of an item (markers with equal keys share a position)
 * @param spacing distance between neighbouring markers on the ring, in pixels @default 16
 * @returns pixel offsets [x, y] by item index
 */
export function spreadOffsets<T>(items: readonly T[], keyOf: (item: T) => string, spacing = 16): [number, number][] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), i]);
  });
  const out: [number, number][] = items.map(() => [0, 0]);
  for (const members of groups.values()) {
    const n = members.length;
    if (n === 1) continue;
    const radius = Math.max(spacing, (spacing * n) / (2 * Math.PI));
    members.forEach((index, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
      out[index] = [Math.round(radius * Math.cos(angle) * 10) / 10, Math.round(radius * Math.sin(angle) * 10) / 10];
    });
  }
  return out;
}
