import { paramMessages as P } from '../../messages/params.ts';
import { type IsoDate, isIsoDate } from '../../domain/dates.ts';
import { OCOP_GROUPS, OCOP_STARS } from '../../domain/ocop.ts';
import { ocopAsOf } from '../../domain/ocop-as-of.ts';
import { collection, feature } from '../../geo/collection.ts';
import { productCollection, productMatches } from '../../geo/products.ts';
import { defineCollection, propertyFilter } from '../define.ts';
import { districtParam, listParam, type ParamDef, ParamError, searchParam } from '../params.ts';
import { type ProducerProperties, producerProperties, type ProductProperties, productProperties } from '../properties.ts';
import type { ProductRecord } from '../records.ts';

/** The OCOP collections: products as points, and their producers. */

/** `asOf` for OCOP: absent means every product in the record; given, only those certified on that date. */
const certifiedOn: ParamDef<IsoDate | undefined> = {
  description:
    'Only products whose certificate counts on this date (YYYY-MM-DD, from the programme’s start to today), with their stars as of it. Absent: every product in the record.',
  schema: { type: 'string', format: 'date' },
  parse(raw, name, ctx) {
    if (raw === undefined) return undefined;
    if (!isIsoDate(raw)) throw new ParamError(name, P.date(name, raw));
    const start = ctx.province.programmeStart;
    if (raw < start || raw > ctx.today) throw new ParamError(name, P.dateRange(name, start, ctx.today, P.today, raw));
    return raw;
  },
};

/** The products certified on a date, with the stars they held then; all of them when no date is given. */
function productsAsOf(products: readonly ProductRecord[], asOf: IsoDate | undefined): ProductRecord[] {
  if (asOf === undefined) return [...products];
  return products.flatMap((p) => {
    const s = ocopAsOf(p, asOf);
    return s.certified ? [{ ...p, stars: s.stars }] : [];
  });
}

export const products = defineCollection({
  id: 'ocop-products',
  family: 'ocop-products',
  title: { vi: 'Sản phẩm OCOP', en: 'OCOP products' },
  description: {
    vi: 'Sản phẩm OCOP có tên trong nguồn: chủ thể, số sao, nhóm, năm chứng nhận; đặt tại xã của chủ thể khi biết (location = commune), nếu không tại trung tâm huyện (district); không rõ nơi thì không có hình học.',
    en: 'OCOP products named in sources: producer, stars, group, year certified; placed at the producer’s commune when known (location = commune), else the district centre (district); no geometry when the place is unknown.',
  },
  programme: 'ocop',
  unitSet: '2020',
  geometry: 'point',
  properties: productProperties,
  idProperty: 'id',
  time: { kind: 'as-of', range: ({ today, province }) => ({ min: province.programmeStart, max: today }) },
  buildParams: { asOf: certifiedOn },
  filters: {
    district: propertyFilter(districtParam('2020'), (p: ProductProperties, code) => p.districtCode === code),
    stars: propertyFilter(
      listParam(OCOP_STARS, 'Only products with one of these star ratings (3–5).'),
      (p: ProductProperties, s) => p.stars !== null && s.includes(p.stars),
    ),
    group: propertyFilter(
      listParam(OCOP_GROUPS, 'Only products of one of these OCOP groups (I–VI).'),
      (p: ProductProperties, g) => p.group !== null && g.includes(p.group),
    ),
    q: propertyFilter(searchParam, (p: ProductProperties, folded) => productMatches(p, folded)),
  },
  build(data, { asOf }) {
    const built = productCollection(productsAsOf(data.products, asOf), data.units['2020']);
    return asOf ? { ...built, asOf } : built;
  },
  licences: ['boundaries', 'facts'],
  fileStem: 'san-pham-ocop',
  api: { path: '/products', params: ['district', 'stars', 'group', 'q'] },
  writes: null,
});

export const producers = defineCollection({
  id: 'ocop-producers',
  family: 'ocop-producers',
  title: { vi: 'Chủ thể OCOP', en: 'OCOP producers' },
  description: {
    vi: 'Hợp tác xã, doanh nghiệp, hộ kinh doanh có sản phẩm OCOP trong hồ sơ, với sản phẩm, xã, huyện và nguồn. Không có hình học: vị trí theo sản phẩm.',
    en: 'Cooperatives, companies and household businesses with OCOP products in the record, with their products, communes, districts and sources. No geometry: places are the products’.',
  },
  programme: 'ocop',
  unitSet: '2020',
  geometry: null,
  properties: producerProperties,
  idProperty: 'id',
  time: { kind: 'as-of', range: ({ today, province }) => ({ min: province.programmeStart, max: today }) },
  buildParams: { asOf: certifiedOn },
  filters: {
    district: propertyFilter(districtParam('2020'), (p: ProducerProperties, code) => p.districtCodes.includes(code)),
  },
  build(data, { asOf }) {
    const certified = new Set(productsAsOf(data.products, asOf).map((p) => p.id));
    const byProducer = new Map<string, ProductRecord[]>();
    for (const p of data.products) if (p.producerId) byProducer.set(p.producerId, [...(byProducer.get(p.producerId) ?? []), p]);
    const features = [...byProducer].map(([id, list]) => {
      const sources = new Map(list.flatMap((p) => p.sources).map((s) => [`${s.title}|${s.ref}|${s.date}`, s]));
      const properties: ProducerProperties = {
        id,
        name: list[0].producer ?? id,
        type: list[0].producerType,
        products: list.map((p) => ({ id: p.id, name: p.name, stars: p.stars })),
        certifiedProducts: list.filter((p) => certified.has(p.id)).length,
        communeCodes: unique(list.map((p) => p.communeCode)),
        districtCodes: unique(list.map((p) => p.districtCode)),
        sources: [...sources.values()],
      };
      return feature(id, properties, null);
    });
    features.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'vi'));
    return collection(features, asOf ? { unitSet: '2020' as const, asOf } : { unitSet: '2020' as const });
  },
  licences: ['codes', 'facts'],
  fileStem: 'chu-the-ocop',
  api: null,
  writes: null,
});

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].sort();
}
