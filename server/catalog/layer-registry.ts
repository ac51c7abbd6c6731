import { CROPS, type Crop } from '../domain/crops.ts';
import { NTM_STATUSES, UNIT_NTM_STATUS_LABELS } from '../domain/ntm-status.ts';
import { OCOP_GROUP_LABELS, OCOP_GROUPS } from '../domain/ocop.ts';
import { UNIT_SETS, type UnitSet } from '../domain/unit-sets.ts';
import type { Label } from './define.ts';
import { CROP_COLORS, FORMER_SHARE_COLORS, MARK_COLORS, NTM_SHARE_COLORS, NTM_STATUS_COLORS, OCOP_GROUP_COLORS, UNKNOWN_COLOR } from './palette.ts';

/**
 * The thematic layers, declared once. The MapLibre style (client/layers/style.ts), the deck.gl
 * layers (deck-layers.ts), the legend (legend.ts), the KML downloads' styles
 * (server/downloads/kml-styles.ts) and the tests all read these plain objects; none of them holds
 * a colour or a class of its own. Plain data, so it lives with the catalog, which the server and
 * the client both import.
 */
export type LayerId = 'ntm-communes' | 'ntm-new-units' | 'ntm-districts' | 'ocop-products' | 'zones' | 'labels';
export type DataKey = 'communes' | 'newUnits' | 'districts' | 'products' | 'zones';

export interface LayerClass {
  /** The property value this class matches (match), or the lower bound it starts at (step). */
  value: string | number;
  label: Label;
  color: string;
}

export interface Classification {
  kind: 'match' | 'step';
  property: string;
  classes: LayerClass[];
  /** Drawn for any value no class matches: unknown stays visible, and says so. */
  unknown: { label: Label; color: string };
}

/** A visual mark for features where `property` equals `equals`, drawn over the class colour. */
export interface LayerMark {
  id: string;
  property: string;
  equals: string | boolean;
  label: Label;
  swatch: 'dashed-outline' | 'dotted-outline' | 'thick-outline' | 'hatch' | 'ring';
  color: string;
}

export interface ThematicLayer {
  id: LayerId;
  title: Label;
  /** The client-side key of the features it draws (client/state/derived.ts). */
  data: DataKey;
  /**
   * The catalog family it draws (server/catalog): the map builds the family's collection for the
   * unit set on screen, and the tests check every classified property against its schema.
   */
  collection: { family: string; unitSets: readonly UnitSet[] };
  geometry: 'polygon' | 'point' | 'label';
  renderer: 'maplibre' | 'deck';
  classification: Classification | null;
  marks: LayerMark[];
  /** Point layers: marker radius in pixels by value of `property`. */
  size?: { property: string; radius: Record<string, number>; unknownRadius: number; label: Label };
  /**
   * Where the data comes from and how exact it is, shown under the legend entry; `{units}` stands
   * for the unit set its features are on (legend.ts legendProvenance).
   */
  provenance: Label;
  defaultVisible: boolean;
}

const unknownClass = { label: { vi: 'Không rõ', en: 'Unknown' }, color: UNKNOWN_COLOR };

export const REGISTRY: readonly ThematicLayer[] = [
  {
    id: 'ntm-communes',
    title: { vi: 'Xã theo mức đạt chuẩn nông thôn mới', en: 'Communes by new-rural (NTM) status' },
    data: 'communes',
    collection: { family: 'communes', unitSets: UNIT_SETS },
    geometry: 'polygon',
    renderer: 'maplibre',
    classification: {
      kind: 'match',
      property: 'ntmStatus',
      // Wards and townships last: apart from the programme's statuses.
      classes: [...NTM_STATUSES, 'urban' as const].map((s) => ({ value: s, label: UNIT_NTM_STATUS_LABELS[s], color: NTM_STATUS_COLORS[s] })),
      unknown: unknownClass,
    },
    marks: [
      {
        id: 'disputed',
        property: 'disputed',
        equals: true,
        label: { vi: 'Nguồn mâu thuẫn (viền gạch)', en: 'Sources disagree (dashed outline)' },
        swatch: 'dashed-outline',
        color: MARK_COLORS.disputed,
      },
      {
        id: 'year-unknown',
        property: 'yearUnknown',
        equals: true,
        label: { vi: 'Chưa rõ năm công nhận (viền chấm)', en: 'Year of recognition unknown (dotted outline)' },
        swatch: 'dotted-outline',
        color: MARK_COLORS.yearUnknown,
      },
    ],
    provenance: {
      vi: 'Theo các quyết định và tin bài có nguồn; một công nhận cho năm Y tính từ 31/12/Y.',
      en: 'From sourced decisions and reports; a recognition for year Y counts from 31 Dec Y.',
    },
    defaultVisible: true,
  },
  {
    id: 'ntm-new-units',
    title: { vi: 'Xã, phường mới theo thành tích của các xã cũ', en: 'New units by their former communes’ record' },
    data: 'newUnits',
    collection: { family: 'communes', unitSets: ['2025'] },
    geometry: 'polygon',
    renderer: 'maplibre',
    classification: {
      kind: 'step',
      property: 'formerNtmShare',
      classes: [
        { value: 0, label: { vi: 'Không xã cũ nào đạt chuẩn', en: 'No former commune met the standard' }, color: FORMER_SHARE_COLORS[0] },
        { value: 0.0001, label: { vi: 'dưới 25 % diện tích', en: 'under 25 % of the area' }, color: FORMER_SHARE_COLORS[1] },
        { value: 0.25, label: { vi: '25–50 % diện tích', en: '25–50 % of the area' }, color: FORMER_SHARE_COLORS[2] },
        { value: 0.5, label: { vi: '50–75 % diện tích', en: '50–75 % of the area' }, color: FORMER_SHARE_COLORS[3] },
        { value: 0.75, label: { vi: 'từ 75 % diện tích', en: '75 % of the area or more' }, color: FORMER_SHARE_COLORS[4] },
      ],
      unknown: unknownClass,
    },
    marks: [],
    provenance: {
      vi: 'Chỉ trên đơn vị sau sắp xếp năm 2025: tỷ lệ diện tích của xã mới mà xã cũ tương ứng đã đạt chuẩn NTM trở lên (tính đến ngày đã chọn, muộn nhất ngày cuối của đơn vị cũ). Màu không nói về công nhận của chính xã mới.',
      en: 'Only on the units of the 2025 reform: the share of a new unit’s area whose former commune was at đạt chuẩn or above (as of the date, at most the old units’ last day). The colour says nothing of the new unit’s own recognition.',
    },
    defaultVisible: true,
  },
  {
    id: 'ntm-districts',
    title: { vi: 'Huyện theo tỷ lệ xã đạt chuẩn NTM', en: 'Districts by share of NTM communes' },
    data: 'districts',
    collection: { family: 'districts', unitSets: ['2019', '2020'] },
    geometry: 'polygon',
    renderer: 'maplibre',
    classification: {
      kind: 'step',
      property: 'ntmShare',
      classes: [
        { value: 0, label: { vi: '0 % (chưa có xã NTM)', en: '0 % (no NTM commune)' }, color: NTM_SHARE_COLORS[0] },
        { value: 0.0001, label: { vi: 'dưới 10 %', en: 'under 10 %' }, color: NTM_SHARE_COLORS[1] },
        { value: 0.1, label: { vi: '10–25 %', en: '10–25 %' }, color: NTM_SHARE_COLORS[2] },
        { value: 0.25, label: { vi: '25–50 %', en: '25–50 %' }, color: NTM_SHARE_COLORS[3] },
        { value: 0.5, label: { vi: 'từ 50 %', en: '50 % or more' }, color: NTM_SHARE_COLORS[4] },
      ],
      unknown: unknownClass,
    },
    marks: [
      {
        id: 'no-ntm',
        property: 'hasNtmCommune',
        equals: false,
        label: { vi: 'Huyện chưa có xã NTM (viền đỏ đậm)', en: 'District with no NTM commune (thick red outline)' },
        swatch: 'thick-outline',
        color: MARK_COLORS.noNtm,
      },
    ],
    // {units}: the unit set on screen, named by its dates (legend.ts legendProvenance).
    provenance: {
      vi: 'Tính từ trạng thái từng xã tại ngày đã chọn; {units}.',
      en: 'Computed from each commune’s status on the chosen date; {units}.',
    },
    defaultVisible: false,
  },
  {
    id: 'ocop-products',
    title: { vi: 'Sản phẩm OCOP', en: 'OCOP products' },
    data: 'products',
    collection: { family: 'ocop-products', unitSets: ['2020'] },
    geometry: 'point',
    renderer: 'deck',
    classification: {
      kind: 'match',
      property: 'group',
      classes: OCOP_GROUPS.map((g) => ({
        value: g,
        label: { vi: `${g}. ${OCOP_GROUP_LABELS[g].vi}`, en: `${g}. ${OCOP_GROUP_LABELS[g].en}` },
        color: OCOP_GROUP_COLORS[g],
      })),
      unknown: { label: { vi: 'Chưa rõ nhóm', en: 'Group unknown' }, color: UNKNOWN_COLOR },
    },
    marks: [
      {
        id: 'district-level',
        property: 'location',
        equals: 'district',
        label: { vi: 'Chỉ biết huyện: vòng rỗng, dưới tên huyện', en: 'Only the district is known: hollow ring under the district’s name' },
        swatch: 'ring',
        color: MARK_COLORS.approximate,
      },
    ],
    size: {
      property: 'stars',
      radius: { '3': 7, '4': 9.5, '5': 12 },
      unknownRadius: 5.5,
      label: { vi: 'Kích thước theo số sao (3–5)', en: 'Size by stars (3–5)' },
    },
    provenance: {
      vi: 'Sản phẩm có tên trong nguồn; đặt tại xã của chủ thể khi biết, nếu không thì tại huyện. Nhóm OCOP do người nghiên cứu xếp theo loại sản phẩm.',
      en: 'Products named in sources; placed at the producer’s commune when known, else the district. OCOP groups were assigned from the product type.',
    },
    defaultVisible: false,
  },
  {
    id: 'zones',
    title: { vi: 'Vùng nguyên liệu', en: 'Raw-material zones' },
    data: 'zones',
    collection: { family: 'zones', unitSets: ['2020'] },
    geometry: 'polygon',
    renderer: 'deck',
    classification: {
      kind: 'match',
      property: 'crop',
      classes: (Object.keys(CROPS) as Crop[]).map((c) => ({ value: c, label: CROPS[c], color: CROP_COLORS[c] })),
      unknown: unknownClass,
    },
    marks: [
      {
        id: 'approximate',
        property: 'extent',
        equals: 'communes',
        label: { vi: 'Gần đúng theo ranh giới xã (gạch chéo, viền đứt)', en: 'Approximate, by commune extent (hatched, dashed)' },
        swatch: 'hatch',
        color: MARK_COLORS.approximate,
      },
      {
        id: 'district-extent',
        property: 'extent',
        equals: 'district',
        label: { vi: 'Chỉ biết huyện: rất gần đúng (chỉ viền đứt, nằm dưới)', en: 'District only: very approximate (dashed outline only, underneath)' },
        swatch: 'dashed-outline',
        color: MARK_COLORS.approximate,
      },
    ],
    provenance: {
      vi: 'Chưa có ranh giới khảo sát: hình vùng là phạm vi các xã hoặc huyện mà nguồn nêu, chỉ mang tính gần đúng.',
      en: 'No surveyed outlines yet: a zone’s shape is the extent of the communes or districts its sources name, and only approximate.',
    },
    defaultVisible: false,
  },
  {
    id: 'labels',
    title: { vi: 'Tên huyện, xã', en: 'District and commune names' },
    data: 'communes',
    collection: { family: 'communes', unitSets: UNIT_SETS },
    geometry: 'label',
    renderer: 'maplibre',
    classification: null,
    marks: [],
    provenance: { vi: 'Tên theo danh mục hành chính của Tổng cục Thống kê.', en: 'Names from the GSO administrative list.' },
    defaultVisible: true,
  },
];

export function layerById(id: LayerId): ThematicLayer {
  const layer = REGISTRY.find((l) => l.id === id);
  if (!layer) throw new Error(`no thematic layer "${id}"`);
  return layer;
}

export const LAYER_IDS = REGISTRY.map((l) => l.id);

/** The class a value falls in, or the layer's unknown class. */
export function classOf(c: Classification, value: unknown): { label: Label; color: string; value?: string | number } {
  if (c.kind === 'match') return c.classes.find((k) => k.value === value) ?? c.unknown;
  if (typeof value !== 'number') return c.unknown;
  let found: LayerClass | null = null;
  for (const k of c.classes) if (value >= (k.value as number)) found = k;
  return found ?? c.unknown;
}
