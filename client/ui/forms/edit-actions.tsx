import { ntmApplies } from '../../../server/domain/ntm-status.ts';
import { products, timeline, zones } from '../../state/data.ts';
import { record } from '../../state/derived.ts';
import { editNotice, mayEditHere, openEditor } from '../../state/editing.ts';
import { currentUser } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { statusLabel, t } from '../i18n.ts';

function Notice() {
  const n = editNotice.value;
  return n ? (
    <p class="form-ok edit-notice" role="status">
      {n}
    </p>
  ) : null;
}

/**
 * A unit's edit controls (only for users who may edit it): record an NTM recognition, correct or
 * retract one of its recognitions, add an OCOP product or a zone in it.
 */
export function UnitEditActions({ set, code }: { set: '2020' | '2025'; code: string }) {
  const l = lang.value;
  if (!currentUser.value) return null;
  const here = record.value?.units[set].communes.find((c) => c.code === code);
  const district = set === '2020' ? (here?.districtCode ?? null) : null;
  const unit = { set, code, district };
  // Wards and townships are not assessed for NTM: nothing to record there (the server refuses it too).
  const ntm = mayEditHere('ntm', unit) && (!here || ntmApplies(here.type));
  const ocop = set === '2020' && mayEditHere('ocop', unit);
  const zone = set === '2020' && mayEditHere('zones', unit);
  if (!ntm && !ocop && !zone) return <Notice />;
  const own = (timeline.value?.recognitions ?? []).filter((r) => r.unitSet === set && r.communeCode === code);
  return (
    <section class="edit-actions" aria-label={t('editing', l)}>
      <h3>{t('editing', l)}</h3>
      <Notice />
      <div class="edit-buttons">
        {ntm && (
          <button type="button" class="primary" onClick={() => openEditor({ kind: 'recognition', mode: 'record', unitSet: set, code, id: null })}>
            {t('recordRecognition', l)}
          </button>
        )}
        {ocop && (
          <button type="button" class="account-button" onClick={() => openEditor({ kind: 'product', id: null, communeCode: code })}>
            {t('addProduct', l)}
          </button>
        )}
        {zone && (
          <button type="button" class="account-button" onClick={() => openEditor({ kind: 'zone', id: null, communeCode: code })}>
            {t('addZone', l)}
          </button>
        )}
      </div>
      {ntm && own.length > 0 && (
        <ul class="plain edit-recognitions">
          {own.map((r) => (
            <li key={r.id} class={r.retracted ? 'retracted' : ''}>
              <span>
                {statusLabel(r.status, l)} — {r.yearFor ?? t('unknown', l)}
                {r.decision ? ` · ${r.decision.ref}` : ''}
                {r.retracted && ` (${t('retractedLabel', l).toLowerCase()})`}
              </span>
              {!r.retracted && (
                <span class="row-actions">
                  <button
                    type="button"
                    class="link"
                    onClick={() => openEditor({ kind: 'recognition', mode: 'correct', unitSet: set, code, id: r.id })}
                    aria-label={`${t('correct', l)}: ${statusLabel(r.status, l)} ${r.yearFor ?? ''}`}
                  >
                    {t('correct', l)}
                  </button>
                  <button
                    type="button"
                    class="link danger"
                    onClick={() => openEditor({ kind: 'recognition', mode: 'retract', unitSet: set, code, id: r.id })}
                    aria-label={`${t('retract', l)}: ${statusLabel(r.status, l)} ${r.yearFor ?? ''}`}
                  >
                    {t('retract', l)}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A product's edit control: for OCOP editors of its commune (or province-wide). */
export function ProductEditActions({ id }: { id: string }) {
  const l = lang.value;
  const p = products.value?.features.find((f) => f.id === id)?.properties;
  if (!p || !currentUser.value) return null;
  const unit = p.communeCode
    ? { set: '2020' as const, code: p.communeCode, district: p.districtCode }
    : p.districtCode
      ? { set: '2020' as const, code: p.districtCode }
      : undefined;
  if (!mayEditHere('ocop', unit)) return <Notice />;
  return (
    <section class="edit-actions" aria-label={t('editing', l)}>
      <Notice />
      <button type="button" class="primary" onClick={() => openEditor({ kind: 'product', id })}>
        {t('editProduct', l)}
      </button>
    </section>
  );
}

/** A zone's edit control: for zone editors of all its communes (or province-wide). */
export function ZoneEditActions({ id }: { id: string }) {
  const l = lang.value;
  const z = zones.value?.features.find((f) => f.id === id)?.properties;
  if (!z || !currentUser.value) return null;
  const communes = record.value?.units['2020'].communes ?? [];
  const allowed = z.communeCodes.length
    ? z.communeCodes.every((code) => mayEditHere('zones', { set: '2020', code, district: communes.find((c) => c.code === code)?.districtCode ?? null }))
    : mayEditHere('zones');
  if (!allowed) return <Notice />;
  return (
    <section class="edit-actions" aria-label={t('editing', l)}>
      <Notice />
      <button type="button" class="primary" onClick={() => openEditor({ kind: 'zone', id })}>
        {t('editZone', l)}
      </button>
    </section>
  );
}

/** Add a zone with no unit to start from (the investors' view). */
export function AddZoneButton() {
  const l = lang.value;
  if (!currentUser.value || !mayEditHere('zones')) return null;
  return (
    <button type="button" class="account-button add-zone" onClick={() => openEditor({ kind: 'zone', id: null })}>
      {t('addZone', l)}
    </button>
  );
}
