import { both, type Messages, type Text } from './text.ts';

/** A polygon's or ring's number in a message: from 1, as a person counts. */
const nth = (index: number): number => index + 1;

/**
 * The geometry checks of a drawn or uploaded shape (server/geo/validate.ts). Polygons and rings come
 * as the code indexes them (from 0) and are numbered from 1, as rows and features are and as QGIS
 * numbers a MultiPolygon's parts: the first ring is a polygon's outer one.
 */
export const shapeMessages = {
  ring: (polygon: number, ring: number) => ({ en: `polygon ${nth(polygon)}, ring ${nth(ring)}`, vi: `đa giác ${nth(polygon)}, vòng ${nth(ring)}` }),
  tooFewPositions: (where: Text) => ({
    en: `${where.en}: a ring needs at least 4 positions (the first repeated at the end)`,
    vi: `${where.vi}: một vòng cần ít nhất 4 điểm (điểm đầu lặp lại ở cuối)`,
  }),
  notPosition: (where: Text, i: number) => ({
    en: `${where.en}, position ${i}: must be [longitude, latitude] numbers`,
    vi: `${where.vi}, điểm ${i}: phải là cặp số [kinh độ, vĩ độ]`,
  }),
  notLonLat: (where: Text, i: number, p: readonly number[]) => ({
    en: `${where.en}, position ${i}: [${p[0]}, ${p[1]}] is not a longitude/latitude — was the file in another coordinate system (e.g. VN-2000)?`,
    vi: `${where.vi}, điểm ${i}: [${p[0]}, ${p[1]}] không phải kinh độ/vĩ độ — tệp có dùng hệ toạ độ khác (ví dụ VN-2000) không?`,
  }),
  notClosed: (where: Text) => ({
    en: `${where.en}: the ring is not closed (its last position must repeat the first)`,
    vi: `${where.vi}: vòng chưa khép kín (điểm cuối phải trùng điểm đầu)`,
  }),
  tooFewCorners: (where: Text) => ({
    en: `${where.en}: a ring needs at least 3 distinct corners ~1 m apart`,
    vi: `${where.vi}: một vòng cần ít nhất 3 đỉnh khác nhau, cách nhau khoảng 1 m trở lên`,
  }),
  noArea: (where: Text) => ({
    en: `${where.en}: the ring has no area (all its corners lie on one line)`,
    vi: `${where.vi}: vòng không có diện tích (mọi đỉnh nằm trên một đường thẳng)`,
  }),
  notAreal: (type: string) => ({
    en: `geometry must be a Polygon or MultiPolygon, got ${type}`,
    vi: `hình phải là Polygon hoặc MultiPolygon, không phải ${type}`,
  }),
  partsOverlap: (i: number, j: number) => ({
    en: `polygons ${nth(i)} and ${nth(j)} overlap: the parts of a MultiPolygon may touch only at points (merge them into one polygon, or cut one)`,
    vi: `đa giác ${nth(i)} và ${nth(j)} chồng lên nhau: các phần của một MultiPolygon chỉ được chạm nhau tại điểm (hãy gộp thành một đa giác, hoặc cắt bớt một phần)`,
  }),
  partsUndecided: (i: number, j: number) => ({
    en: `polygons ${nth(i)} and ${nth(j)} touch where whether they overlap could not be worked out: move them apart, or merge them`,
    vi: `đa giác ${nth(i)} và ${nth(j)} chạm nhau ở chỗ không xác định được có chồng lên nhau hay không: hãy tách chúng ra, hoặc gộp lại`,
  }),
  partsShareEdge: (i: number, j: number) => ({
    en: `polygons ${nth(i)} and ${nth(j)} share an edge: the parts of a MultiPolygon may touch only at points (merge them into one polygon)`,
    vi: `đa giác ${nth(i)} và ${nth(j)} có chung một cạnh: các phần của một MultiPolygon chỉ được chạm nhau tại điểm (hãy gộp thành một đa giác)`,
  }),
  partInside: (inner: number, outer: number) => ({
    en: `polygon ${nth(inner)} lies inside polygon ${nth(outer)}: the parts of a MultiPolygon may not overlap (a hole is a ring of its polygon, not another polygon)`,
    vi: `đa giác ${nth(inner)} nằm trong đa giác ${nth(outer)}: các phần của một MultiPolygon không được chồng lên nhau (lỗ thủng là một vòng của đa giác đó, không phải một đa giác khác)`,
  }),
  noRings: (polygon: number) => ({ en: `polygon ${nth(polygon)}: has no rings`, vi: `đa giác ${nth(polygon)}: không có vòng nào` }),
  tooManyVertices: (vertices: number, max: number) =>
    both(
      `the shape has ${vertices} vertices; at most ${max} are accepted (simplify it)`,
      (f) => `hình có ${f(vertices)} đỉnh; chỉ nhận tối đa ${f(max)} đỉnh (hãy đơn giản hoá hình)`,
    ),
  crossesItself: (polygon: number, met: number) =>
    both(
      `polygon ${nth(polygon)} crosses itself (${met} self-intersection${met > 1 ? 's' : ''})`,
      (f) => `đa giác ${nth(polygon)} tự cắt chính nó (${f(met)} chỗ tự cắt)`,
    ),
  /** Rounded down by the caller: 94.96 % must not read as the 95 % required. */
  tooLittleInside: (percent: number, required: number) =>
    both(
      `only ${percent} % of the shape lies in the province (at least ${required} % is required)`,
      (f) => `chỉ ${f(percent)} % diện tích hình nằm trong tỉnh (cần ít nhất ${f(required)} %)`,
    ),
} as const satisfies Messages;
