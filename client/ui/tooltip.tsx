import { products, zones } from '../state/data.ts';
import { communesLayer, districtsLayer, expiredProducts, newUnits } from '../state/derived.ts';
import { hover, lang } from '../state/ui-state.ts';
import { formatNumber, formatPercent, statusLabel, t } from './i18n.ts';

/** The name and key figure of what the pointer is over. */
export function Tooltip() {
  const h = hover.value;
  const l = lang.value;
  if (!h) return null;
  const text = describe(h.target.kind, h.target.id, h.target.set);
  if (!text) return null;
  return (
    <div class="tooltip" role="status" style={{ left: `${h.x + 14}px`, top: `${h.y + 14}px` }}>
      <strong>{text.name}</strong>
      <span>{text.figure}</span>
    </div>
  );

  function describe(kind: string, id: string, set?: string): { name: string; figure: string } | null {
    if (kind === 'commune' && set === '2025') {
      const p = newUnits.value?.features.find((f) => f.id === id)?.properties;
      return p
        ? {
            name: `${p.type} ${p.name}`,
            figure: `${p.formerNtm}/${p.formerCounts.total} ${t('formerNtmShort', l)}${p.formerNtmShare === null ? '' : ` · ${formatPercent(p.formerNtmShare, l)}`}`,
          }
        : null;
    }
    if (kind === 'commune') {
      const p = communesLayer.value?.features.find((f) => f.id === id)?.properties;
      return p
        ? {
            name: `${p.type} ${p.name}`,
            figure: `${statusLabel(p.ntmStatus, l)}${p.ntmYear ? ` (${p.ntmYear})` : ''}${p.disputed ? ` · ${t('disputed', l)}` : ''}`,
          }
        : null;
    }
    if (kind === 'district') {
      const p = districtsLayer.value?.features.find((f) => f.id === id)?.properties;
      return p ? { name: p.fullName, figure: p.hasNtmCommune ? `${p.ntmCommunes}/${p.communeCount} ${t('ntmCommunes', l)}` : t('hasNoNtm', l) } : null;
    }
    if (kind === 'product') {
      const p = products.value?.features.find((f) => f.id === id)?.properties;
      const expired = expiredProducts.value.has(id) ? t('expiredShort', l) : null;
      return p ? { name: p.name, figure: [p.stars ? `${p.stars}★` : null, expired, p.producer].filter(Boolean).join(' · ') } : null;
    }
    const p = zones.value?.features.find((f) => f.id === id)?.properties;
    return p
      ? {
          name: p.name,
          figure: p.areaHa !== null ? `${p.areaApprox ? `${t('approx', l)} ` : ''}${formatNumber(p.areaHa, l)} ha` : `${t('area', l)}: ${t('unknown', l)}`,
        }
      : null;
  }
}
