import { NTM_STATUSES, UNIT_NTM_STATUSES } from '../../domain/ntm-status.ts';
import { lastDayOfOldUnits } from '../../domain/unit-sets.ts';
import { paramMessages as P } from '../../messages/params.ts';
import { collection, feature } from '../../geo/collection.ts';
import { communeCollection } from '../../geo/communes.ts';
import { districtCollection } from '../../geo/districts.ts';
import { newUnitCollection } from '../../geo/new-units.ts';
import { defineCollection, propertyFilter, type TimeContext } from '../define.ts';
import { booleanParam, dateParam, districtParam, listParam } from '../params.ts';
import {
  type CommuneProperties,
  communeProperties,
  type DistrictProperties,
  districtProperties,
  type NewUnitProperties,
  newUnitProperties,
  type RecognitionProperties,
  recognitionProperties,
} from '../properties.ts';
import { unitSetPeriod } from '../../messages/unit-set-label.ts';
import { unitSetName, unitSetYears } from '../../messages/unit-sets.ts';

/** The NTM collections: communes and districts of each unit set with their status as of a date, and the recognitions. */

/** `asOf` on an old unit set: from the programme's start to the set's last day (also the default), both the province's. */
function oldAsOf(set: '2019' | '2020') {
  const range = ({ province }: TimeContext) => ({ min: province.programmeStart, max: province.unitSets[set].to });
  return {
    param: dateParam(
      (ctx) => ({ ...range(ctx), fallback: range(ctx).max, why: P.lastDayOf(unitSetName(set, ctx.province.unitSets)) }),
      ({ unitSets }) =>
        `The date statuses are as of (YYYY-MM-DD, from the programme's start to the last day of ${unitSetName(set, unitSets).en}, which is the default). A recognition for year Y counts from 31 December of Y.`,
    ),
    time: { kind: 'as-of' as const, range },
  };
}

const statusFilter = listParam(
  UNIT_NTM_STATUSES,
  'Only features whose NTM status (as of the date) is one of these (urban: wards and townships, which the programme does not assess).',
);

function communesOf(set: '2019' | '2020') {
  const asOf = oldAsOf(set);
  return defineCollection({
    id: `communes-${set}`,
    family: 'communes',
    title: ({ unitSets }) => ({
      vi: `Xã theo mức đạt chuẩn NTM (đơn vị ${unitSetYears(set, unitSets)})`,
      en: `Communes by NTM status (${unitSetYears(set, unitSets)} units)`,
    }),
    description: ({ unitSets }) => ({
      vi: `Các xã của ${unitSetName(set, unitSets).vi} (${unitSetPeriod(set, unitSets, 'vi')}) với mức đạt chuẩn nông thôn mới tại ngày đã chọn, năm công nhận, quyết định, số tiêu chí và nguồn.`,
      en: `The communes of ${unitSetName(set, unitSets).en} (${unitSetPeriod(set, unitSets, 'en')}) with their NTM status as of the date, the year it is for, the decision, criteria met and sources.`,
    }),
    programme: 'ntm',
    unitSet: set,
    geometry: 'polygon',
    properties: communeProperties,
    idProperty: 'code',
    time: asOf.time,
    buildParams: { asOf: asOf.param },
    filters: {
      district: propertyFilter(districtParam(set), (p: CommuneProperties, code) => p.districtCode === code),
      ntmStatus: propertyFilter(statusFilter, (p: CommuneProperties, statuses) => statuses.includes(p.ntmStatus)),
    },
    build: (data, { asOf }) => communeCollection(data.on(set), asOf),
    licences: ['boundaries', 'codes', 'facts'],
    fileStem: set === '2019' ? 'xa-ntm-don-vi-2019' : 'xa-ntm',
    api: set === '2020' ? { path: '/communes', params: ['asOf', 'district'] } : null,
    writes: null,
  });
}

function districtsOf(set: '2019' | '2020') {
  const asOf = oldAsOf(set);
  return defineCollection({
    id: `districts-${set}`,
    family: 'districts',
    title: ({ unitSets }) =>
      set === '2019'
        ? {
            vi: `Huyện theo tỷ lệ xã đạt chuẩn NTM (đơn vị ${unitSetYears(set, unitSets)})`,
            en: `Districts by share of NTM communes (${unitSetYears(set, unitSets)} units)`,
          }
        : { vi: 'Huyện theo tỷ lệ xã đạt chuẩn NTM', en: 'Districts by share of NTM communes' },
    description: {
      vi: 'Các huyện với số xã theo từng mức đạt chuẩn tại ngày đã chọn, huyện chưa có xã NTM, và các xã gần đạt chuẩn nhất.',
      en: 'The districts with their communes by NTM status as of the date, whether any is an NTM commune, and the communes closest to it.',
    },
    programme: 'ntm',
    unitSet: set,
    geometry: 'polygon',
    properties: districtProperties,
    idProperty: 'code',
    time: asOf.time,
    buildParams: { asOf: asOf.param },
    filters: {
      hasNtmCommune: propertyFilter(
        booleanParam('Only districts that have (true) or have no (false) commune at đạt chuẩn or above.'),
        (p: DistrictProperties, has) => p.hasNtmCommune === has,
      ),
    },
    build: (data, { asOf }) => districtCollection(data.on(set), asOf),
    licences: ['boundaries', 'codes', 'facts'],
    fileStem: set === '2019' ? 'huyen-ntm-don-vi-2019' : 'huyen-ntm',
    api: set === '2020' ? { path: '/districts', params: ['asOf'] } : null,
    writes: null,
  });
}

export const communes2019 = communesOf('2019');
export const communes2020 = communesOf('2020');
export const districts2019 = districtsOf('2019');
export const districts2020 = districtsOf('2020');

/** The units of the 2025 reform with their own status and their former communes' record. */
export const communes2025 = defineCollection({
  id: 'communes-2025',
  family: 'communes',
  title: { vi: 'Xã, phường sau sắp xếp năm 2025 và thành tích của các xã cũ', en: 'Communes and wards of the 2025 reform with their former communes’ record' },
  description: {
    vi: 'Các xã, phường từ khi sắp xếp năm 2025 có hiệu lực (không còn cấp huyện): tình trạng NTM của chính đơn vị (chỉ khi có công nhận trên đơn vị mới) và của các xã cũ hợp thành, tính đến ngày đã chọn (muộn nhất ngày cuối của đơn vị cũ).',
    en: 'The communes and wards of the 2025 reform (no districts): their own NTM status (only when recognised on the new unit) and that of the former communes merged into them, as of the date (at most the last day of the old units).',
  },
  programme: 'ntm',
  unitSet: '2025',
  geometry: 'polygon',
  properties: newUnitProperties,
  idProperty: 'code',
  time: { kind: 'as-of', range: ({ today, province }) => ({ min: province.programmeStart, max: today }) },
  buildParams: {
    asOf: dateParam(
      ({ today, province }) => ({ min: province.programmeStart, max: today, fallback: today, why: P.today }),
      "The date statuses are as of (YYYY-MM-DD, from the programme's start to today; default today). The former communes' record closed on the last day of the old units.",
    ),
  },
  filters: {
    ntmStatus: propertyFilter(statusFilter, (p: NewUnitProperties, statuses) => statuses.includes(p.ntmStatus)),
  },
  build: (data, { asOf }) => newUnitCollection(data.on('2025'), data.on('2020'), data.crosswalk, asOf, lastDayOfOldUnits(data.province.unitSets)),
  licences: ['boundaries', 'codes', 'facts'],
  fileStem: 'xa-phuong-2025',
  api: { path: '/units/merged-history', params: ['asOf'] },
  writes: null,
});

/** Every NTM recognition event, on the unit it was made on (no shape of its own: join by unit set and code). */
export const recognitions = defineCollection({
  id: 'ntm-recognitions',
  family: 'ntm-recognitions',
  title: { vi: 'Các lần công nhận đạt chuẩn NTM', en: 'NTM recognitions' },
  description: {
    vi: 'Mỗi quyết định công nhận một xã đạt một mức chuẩn: năm được công nhận cho, ngày bắt đầu tính, quyết định, số tiêu chí, nguồn; các nguồn mâu thuẫn được giữ và đánh dấu. Không có hình học: nối với lớp xã theo bộ đơn vị và mã.',
    en: 'Each decision recognising a commune at a status: the year it is for, the date it counts from, the decision, criteria met, sources; conflicting sources are kept and flagged. No geometry: join to the communes by unit set and code.',
  },
  programme: 'ntm',
  unitSet: null,
  geometry: null,
  properties: recognitionProperties,
  idProperty: 'id',
  time: null,
  buildParams: {},
  filters: {
    status: propertyFilter(listParam(NTM_STATUSES.slice(1), 'Only recognitions at one of these statuses.'), (p: RecognitionProperties, s) =>
      s.includes(p.status),
    ),
    district: propertyFilter(districtParam('2020'), (p: RecognitionProperties, code) => p.districtCode === code),
  },
  build(data) {
    const units = data.units['2020'];
    const commune = new Map(units.communes.map((c) => [c.code, c]));
    const districtName = new Map(units.districts.map((d) => [d.code, d.name]));
    const features = data.recognitions.map((r) => {
      const c = r.unitSet === '2025' ? data.units['2025'].communes.find((u) => u.code === r.communeCode) : commune.get(r.communeCode);
      const districtCode = r.unitSet === '2025' ? null : (c?.districtCode ?? null);
      const properties: RecognitionProperties = {
        ...r,
        communeName: c?.name ?? r.communeCode,
        districtCode,
        districtName: districtCode ? (districtName.get(districtCode) ?? null) : null,
      };
      return feature(r.id, properties, null);
    });
    return collection(features, {});
  },
  licences: ['codes', 'facts'],
  fileStem: 'cong-nhan-ntm',
  api: null,
  writes: null,
});
