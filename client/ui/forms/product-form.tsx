import type { Point } from 'geojson';
import { useEffect, useState } from 'preact/hooks';
import { OCOP_GROUP_LABELS, OCOP_GROUPS, OCOP_STARS, PRODUCER_TYPES } from '../../../server/domain/ocop.ts';
import { editApi } from '../../api-edits.ts';
import { products, reload } from '../../state/data.ts';
import { record } from '../../state/derived.ts';
import { closeEditor, mapTool, stopMapTool } from '../../state/editing.ts';
import { lang, select } from '../../state/ui-state.ts';
import { CERTIFICATE_MONTHS } from '../../../server/domain/ocop-as-of.ts';
import { formatDate } from '../i18n.ts';
import { DateField, Field, FormShell, SelectField, SourceFields, TextField, useSave } from './fields.tsx';
import { addRenewal, type CertificateDraft, checkProduct, expiryOf, type PlaceKind, productDraft } from './product-logic.ts';
import { unitOptions } from './unit-options.ts';
import { te, tef } from '../i18n-editing.ts';

/** OCOP: add a product or edit one — producer, group, place (commune, district or a point picked on the map), certificates. */
export function ProductForm({ id, communeCode }: { id: string | null; communeCode?: string }) {
  const l = lang.value;
  const units = record.value?.units['2020'];
  const feature = id ? products.value?.features.find((f) => f.id === id) : undefined;
  const [draft, setDraft] = useState(() => {
    if (!feature) return productDraft(undefined, communeCode ?? '');
    const point = (feature.geometry as Point | null)?.coordinates.slice(0, 2) as [number, number] | undefined;
    const commune = units?.communes.find((c) => c.code === feature.properties.communeCode);
    return productDraft({ properties: feature.properties, point: point ?? null, communePoint: commune?.labelPoint ?? null });
  });
  const { busy, errors, error, run } = useSave();
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setCert = (i: number, patch: Partial<CertificateDraft>) =>
    setDraft((d) => ({ ...d, certificates: d.certificates.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const picking = mapTool.value?.kind === 'pick-point';
  useEffect(() => stopMapTool, []);
  const pick = () => {
    mapTool.value = picking
      ? null
      : {
          kind: 'pick-point',
          onPick: (point) => {
            set({ point });
            stopMapTool();
          },
        };
  };
  const districtName = (code: string | null) => units?.districts.find((d) => d.code === code)?.name;
  const submit = async () => {
    let savedId = id;
    const saved = await run(checkProduct(draft, id !== null, l), async (body) => {
      savedId = (await editApi.saveProduct(id, body)).id;
    });
    if (!saved || !savedId) return;
    await reload(['products', 'zones']);
    // The saved product's card follows, with the notice.
    select({ kind: 'product', id: savedId }, id === null);
    closeEditor(te('savedNotice', l));
  };
  return (
    <FormShell
      title={te(id ? 'editProduct' : 'addProduct', l)}
      subtitle={feature?.properties.name ?? te('product', l)}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={() => {
        closeEditor();
        if (id) select({ kind: 'product', id }, false);
      }}
    >
      <TextField name="name" label={te('productName', l)} value={draft.name} onValue={(name) => set({ name })} error={errors.name} />
      <div class="field-pair">
        <TextField
          name="producer.name"
          label={te('producer', l)}
          value={draft.producerName}
          onValue={(producerName) => set({ producerName })}
          error={errors['producer.name']}
        />
        <SelectField
          name="producer.type"
          label={te('producerTypeLabel', l)}
          value={draft.producerType}
          onValue={(producerType) => set({ producerType })}
          options={[{ value: '', label: te('unknown', l) }, ...PRODUCER_TYPES.map((p) => ({ value: p, label: te(`producerType_${p}`, l) }))]}
          error={errors['producer.type']}
        />
      </div>
      <SelectField
        name="group"
        label={te('group', l)}
        value={draft.group}
        onValue={(group) => set({ group })}
        options={OCOP_GROUPS.map((g) => ({ value: g, label: `${g}. ${OCOP_GROUP_LABELS[g][l]}` }))}
        error={errors.group}
      />
      <fieldset class="place-fields">
        <legend>{te('place', l)}</legend>
        <div class="choice-row" role="radiogroup">
          {(['commune', 'district', 'point'] as PlaceKind[]).map((k) => (
            <label key={k} class="check">
              <input type="radio" name="place.kind" value={k} checked={draft.placeKind === k} onChange={() => set({ placeKind: k })} />{' '}
              {te(`placeKind_${k}`, l)}
            </label>
          ))}
        </div>
        {draft.placeKind === 'commune' && (
          <SelectField
            name="place.communeCode"
            label={te('commune', l)}
            value={draft.communeCode}
            onValue={(communeCode) => set({ communeCode })}
            options={[{ value: '', label: '—' }, ...unitOptions(units?.communes ?? [], districtName)]}
            error={errors['place.communeCode'] ?? errors.place}
          />
        )}
        {draft.placeKind === 'district' && (
          <SelectField
            name="place.districtCode"
            label={te('district', l)}
            value={draft.districtCode}
            onValue={(districtCode) => set({ districtCode })}
            options={[{ value: '', label: '—' }, ...unitOptions(units?.districts ?? [])]}
            error={errors['place.districtCode'] ?? errors.place}
          />
        )}
        {draft.placeKind === 'point' && (
          <Field label={te('pointOnMap', l)} error={errors['place.point'] ?? errors.place} hint={picking ? te('pickPointHint', l) : undefined}>
            {(a) => (
              <div class="file-row">
                <output {...a} class="point-value">
                  {draft.point ? `${draft.point[1].toFixed(5)}° N, ${draft.point[0].toFixed(5)}° E` : te('noPointYet', l)}
                </output>
                <button type="button" class="account-button pick-point" aria-pressed={picking} onClick={pick}>
                  {picking ? te('cancelPick', l) : te('pickOnMap', l)}
                </button>
              </div>
            )}
          </Field>
        )}
      </fieldset>
      <fieldset class="certificates">
        <legend>{te('certificates', l)}</legend>
        {errors.certificates && (
          <p class="field-error" role="alert">
            {errors.certificates}
          </p>
        )}
        {draft.certificates.map((c, i) => {
          const expiry = expiryOf(c);
          const e = (k: string) => errors[`certificates.${i}.${k}`];
          return (
            <div class="certificate" key={i} data-index={i}>
              <p class="certificate-title">
                {i === 0 ? te('firstCertificate', l) : te('renewal', l)} {i + 1}
                {draft.certificates.length > 1 && (
                  <button type="button" class="link remove" onClick={() => setDraft((d) => ({ ...d, certificates: d.certificates.filter((_, j) => j !== i) }))}>
                    {te('remove', l)}
                  </button>
                )}
              </p>
              <SelectField
                name={`certificates.${i}.stars`}
                label={te('stars', l)}
                value={c.stars}
                onValue={(stars) => setCert(i, { stars })}
                options={OCOP_STARS.map((s) => ({ value: String(s), label: `${'★'.repeat(s)} (${s})` }))}
                error={e('stars')}
              />
              <div class="field-pair">
                <TextField
                  name={`certificates.${i}.decision.ref`}
                  label={te('decisionRef', l)}
                  placeholder="456/QĐ-UBND"
                  value={c.decisionRef}
                  onValue={(decisionRef) => setCert(i, { decisionRef })}
                  error={e('decision.ref') ?? e('decision')}
                />
                <DateField
                  name={`certificates.${i}.decision.date`}
                  label={te('decisionDate', l)}
                  value={c.decisionDate}
                  onValue={(decisionDate) => setCert(i, { decisionDate })}
                  error={e('decision.date')}
                />
              </div>
              <DateField
                name={`certificates.${i}.expiresOn`}
                label={te('expiresOn', l)}
                value={expiry.date ?? ''}
                onValue={(statedExpiry) => setCert(i, { statedExpiry })}
                error={e('expiresOn')}
                hint={
                  expiry.isDefault
                    ? expiry.date
                      ? tef('expiryDefault', l, { date: formatDate(expiry.date, l), months: CERTIFICATE_MONTHS })
                      : tef('expiryAfterDecision', l, { months: CERTIFICATE_MONTHS })
                    : tef('expiryStated', l, { months: CERTIFICATE_MONTHS })
                }
              />
            </div>
          );
        })}
        <button type="button" class="account-button add-renewal" onClick={() => setDraft(addRenewal)}>
          {te('addRenewal', l)}
        </button>
      </fieldset>
      {id && <TextField name="reason" label={te('reason', l)} value={draft.reason} onValue={(reason) => set({ reason })} error={errors.reason} />}
      <SourceFields value={draft.source} onChange={(source) => set({ source })} errors={errors} />
    </FormShell>
  );
}
