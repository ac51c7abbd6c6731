import type { Crop } from '../../server/domain/crops.ts';
import type { TargetRecord } from '../../server/catalog/records.ts';

interface ZoneLike {
  id: string;
  properties: { crop: Crop; areaHa: number | null; communeCodes: readonly string[]; districtCodes: readonly string[] };
}

/**
 * The crop-area targets (`crop-area:<crop>` in targets.csv, e.g. coffee 20,000 ha by 2030) by the
 * zone they are about: a province-wide target goes to the crop's widest zone (most districts, then
 * largest area; a district's planned area is not the province's); one for a district
 * to the zone of that district alone; one for a commune to the zone that contains it. Units are
 * found by name in the target's scope ("Mường Ảng district", "xã Mường Nhà (huyện Điện Biên)").
 */
export function cropTargetsByZone(
  zones: readonly ZoneLike[],
  targets: readonly TargetRecord[],
  units: { districts: readonly { code: string; name: string }[]; communes: readonly { code: string; name: string; districtCode: string | null }[] },
): Map<string, TargetRecord[]> {
  const out = new Map<string, TargetRecord[]>();
  for (const t of targets) {
    const crop = /^crop-area:(.+)$/.exec(t.indicatorKey)?.[1];
    if (!crop || t.targetValue === null) continue;
    const candidates = zones.filter((z) => z.properties.crop === crop);
    const zone = t.scope === 'province' ? widest(candidates) : candidates.find((z) => covers(z, t.scope, units));
    if (zone) out.set(zone.id, [...(out.get(zone.id) ?? []), t]);
  }
  return out;
}

function widest(zones: readonly ZoneLike[]): ZoneLike | undefined {
  return [...zones].sort(
    (a, b) => b.properties.districtCodes.length - a.properties.districtCodes.length || (b.properties.areaHa ?? -1) - (a.properties.areaHa ?? -1),
  )[0];
}

function covers(z: ZoneLike, scope: string, units: Parameters<typeof cropTargetsByZone>[2]): boolean {
  const commune = /^xã (.+?)(?: \(huyện (.+)\))?$/.exec(scope);
  if (commune) {
    const district = units.districts.find((d) => d.name === commune[2])?.code;
    return units.communes.some((c) => c.name === commune[1] && (!district || c.districtCode === district) && z.properties.communeCodes.includes(c.code));
  }
  const district = /^(.+) district$/.exec(scope);
  const code = district && units.districts.find((d) => d.name === district[1])?.code;
  return !!code && z.properties.districtCodes.length === 1 && z.properties.districtCodes[0] === code;
}
