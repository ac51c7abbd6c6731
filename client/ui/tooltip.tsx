import { communes, districts, products, zones } from '../state/data.ts';
import { hover, lang } from '../state/ui-state.ts';
import { formatNumber, statusLabel, t } from './i18n.ts';

/** The name and key figure of what the pointer is over. */
export function Tooltip() {
  const h = hover.value;
  const l = lang.value;
  if (!h) return null;
  let name = '';
  let figure = '';
  const { kind, id } = h.target;
  if (kind === 'commune') {
    const p = communes.value?.features.find((f) => f.id === id)?.properties;
    if (!p) return null;
    name = `${p.type} ${p.name}`;
    figure = `${statusLabel(p.ntmStatus, l)}${p.ntmYear ? ` (${p.ntmYear})` : ''}${p.disputed ? ` · ${t('disputed', l)}` : ''}`;
  } else if (kind === 'district') {
    const p = districts.value?.features.find((f) => f.id === id)?.properties;
    if (!p) return null;
    name = p.fullName;
    figure = p.hasNtmCommune ? `${p.ntmCommunes}/${p.communeCount} ${t('ntmCommunes', l)}` : t('hasNoNtm', l);
  } else if (kind === 'product') {
    const p = products.value?.features.find((f) => f.id === id)?.properties;
    if (!p) return null;
    name = p.name;
    figure = [p.stars ? `${p.stars}★` : null, p.producer].filter(Boolean).join(' · ');
  } else {
    const p = zones.value?.features.find((f) => f.id === id)?.properties;
    if (!p) return null;
    name = p.name;
    figure = p.areaHa !== null ? `${p.areaApprox ? `${t('approx', l)} ` : ''}${formatNumber(p.areaHa, l)} ha` : `${t('area', l)}: ${t('unknown', l)}`;
  }
  return (
    <div class="tooltip" role="status" style={{ left: `${h.x + 14}px`, top: `${h.y + 14}px` }}>
      <strong>{name}</strong>
      <span>{figure}</span>
    </div>
  );
}
