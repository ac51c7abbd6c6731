import type { MultiPolygon, Polygon } from 'geojson';
import { useEffect, useState } from 'preact/hooks';
import { CROP_CODES, CROPS } from '../../../server/domain/crops.ts';
import { editApi } from '../../api-edits.ts';
import { loadDrawing } from '../../map/draw-layers.ts';
import { ensureZoneShapes, products, reload, zoneShapes } from '../../state/data.ts';
import { record } from '../../state/derived.ts';
import { closeEditor, mapTool, stopMapTool } from '../../state/editing.ts';
import { lang, select } from '../../state/ui-state.ts';
import { formatNumber } from '../i18n.ts';
import { Pending } from '../pending.tsx';
import { Field, FieldWarning, FormShell, SelectField, SourceFields, TextField, useSave } from './fields.tsx';
import { unitOptions } from './unit-options.ts';
import { areaWarning, checkDeletion, checkZone, polygonFromGeoJson, type ShapeKind, vertexCount, zoneDraft } from './zone-logic.ts';
import { te } from '../i18n-editing.ts';

/**
 * Raw-material zones: crop, area, year, linked products, and the shape — drawn on the map
 * (Terra Draw), uploaded as GeoJSON, or the extent of named communes (then marked approximate).
 */
export function ZoneForm({ id, communeCode }: { id: string | null; communeCode?: string }) {
  // An existing zone is edited from its shape: loaded first, if nothing has drawn the zones yet.
  useEffect(() => {
    if (id) ensureZoneShapes();
  }, [id]);
  if (id && !zoneShapes.value) return <Pending />;
  return <ZoneEditor id={id} communeCode={communeCode} />;
}

function ZoneEditor({ id, communeCode }: { id: string | null; communeCode?: string }) {
  const l = lang.value;
  const feature = id ? zoneShapes.value?.features.find((f) => f.id === id) : undefined;
  const [draft, setDraft] = useState(() =>
    zoneDraft(feature ? { properties: feature.properties, geometry: feature.geometry as Polygon | MultiPolygon } : undefined, communeCode),
  );
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const { busy, errors, error, run } = useSave();
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const units = record.value?.units['2020'];
  const districtName = (code: string | null) => units?.districts.find((d) => d.code === code)?.name;
  const drawing = mapTool.value?.kind === 'draw';
  useEffect(() => {
    // Terra Draw loads while the form is filled in, so the first click on "draw" draws.
    loadDrawing();
    return stopMapTool;
  }, []);
  const draw = (initial: Polygon | MultiPolygon | null, fit = false) => {
    mapTool.value = { kind: 'draw', initial, onChange: (geometry) => set({ geometry }), fit };
  };
  const setShapeKind = (shapeKind: ShapeKind) => {
    set({ shapeKind });
    if (shapeKind !== 'draw') stopMapTool();
  };
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = polygonFromGeoJson(await file.text());
    if (!parsed.ok) {
      setFileProblem(te(`shapeFile_${parsed.problem}`, l));
      return;
    }
    setFileProblem(null);
    // The file's shape goes on the map, brought into view, to be checked (and adjusted) before saving.
    set({ geometry: parsed.geometry, shapeKind: 'draw' });
    setUploaded(file.name);
    draw(parsed.geometry, true);
  };
  const submit = async () => {
    let savedId = id;
    const saved = deleting
      ? await run(checkDeletion(draft, l), (body) => editApi.deleteZone(id!, body))
      : await run(checkZone(draft, id !== null, l, te('errNoShape', l)), async (body) => {
          savedId = (await editApi.saveZone(id, body)).id;
        });
    if (!saved) return;
    await reload(['zones']);
    // The saved zone's card follows, with the notice; a deleted zone leaves the view's panel.
    select(deleting || !savedId ? null : { kind: 'zone', id: savedId }, !deleting && id === null);
    closeEditor(te(deleting ? 'deletedNotice' : 'savedNotice', l));
  };
  // Each product with its producer: a zone's producers are those of the products that depend on it.
  const productOptions = (products.value?.features ?? [])
    .map((p) => ({ value: p.id, label: p.properties.producer ? `${p.properties.name} — ${p.properties.producer}` : p.properties.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const areaMismatch = areaWarning(draft);
  const producers = [
    ...new Set(
      (products.value?.features ?? []).filter((p) => draft.productIds.includes(p.id) && p.properties.producer).map((p) => p.properties.producer as string),
    ),
  ];
  return (
    <FormShell
      title={te(deleting ? 'deleteZone' : id ? 'editZone' : 'addZone', l)}
      subtitle={feature?.properties.name ?? te('zone', l)}
      busy={busy}
      error={error}
      onSubmit={submit}
      danger={deleting}
      submitLabel={deleting ? te('deleteZone', l) : undefined}
      onCancel={() => {
        closeEditor();
        if (id) select({ kind: 'zone', id }, false);
      }}
    >
      {!deleting && (
        <>
          <TextField name="name" label={te('zoneName', l)} value={draft.name} onValue={(name) => set({ name })} error={errors.name} />
          <SelectField
            name="crop"
            label={te('crop', l)}
            value={draft.crop}
            onValue={(crop) => set({ crop })}
            options={CROP_CODES.map((c) => ({ value: c, label: CROPS[c][l] }))}
            error={errors.crop}
          />
          <div class="field-pair">
            <TextField
              name="areaHa"
              type="number"
              inputMode="decimal"
              label={te('areaHa', l)}
              value={draft.areaHa}
              onValue={(areaHa) => set({ areaHa })}
              error={errors.areaHa}
            />
            <TextField name="year" inputMode="numeric" label={te('yearLabel', l)} value={draft.year} onValue={(year) => set({ year })} error={errors.year} />
          </div>
          {areaMismatch && <FieldWarning text={areaMismatch} testId="area-warning" />}
          <Field
            label={te('linkedProducts', l)}
            error={errors.productIds}
            hint={producers.length ? `${te('producersOfZone', l)}: ${producers.join('; ')}. ${te('multiSelectHint', l)}` : te('multiSelectHint', l)}
          >
            {(a) => (
              <select
                {...a}
                name="productIds"
                multiple
                size={5}
                onChange={(e) => set({ productIds: [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value) })}
              >
                {productOptions.map((o) => (
                  <option key={o.value} value={o.value} selected={draft.productIds.includes(o.value)}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset class="shape-fields">
            <legend>{te('shape', l)}</legend>
            <div class="choice-row" role="radiogroup">
              {(['draw', 'upload', 'communes'] as ShapeKind[]).map((k) => (
                <label key={k} class="check">
                  <input type="radio" name="shapeKind" value={k} checked={draft.shapeKind === k} onChange={() => setShapeKind(k)} /> {te(`shapeKind_${k}`, l)}
                </label>
              ))}
            </div>
            {draft.shapeKind === 'draw' && (
              <div class="draw-row">
                <button type="button" class="account-button draw-start" aria-pressed={drawing} onClick={() => (drawing ? stopMapTool() : draw(draft.geometry))}>
                  {drawing ? te('drawDone', l) : draft.geometry ? te('drawEdit', l) : te('drawStart', l)}
                </button>
                {draft.geometry && (
                  <button
                    type="button"
                    class="account-button"
                    onClick={() => {
                      set({ geometry: null });
                      setUploaded(null);
                      if (drawing) draw(null);
                    }}
                  >
                    {te('drawClear', l)}
                  </button>
                )}
                {uploaded && draft.geometry && (
                  <p class="field-hint" data-testid="uploaded-shape">
                    {te('shapeFromFile', l).replace('{file}', uploaded)}
                  </p>
                )}
                {drawing && <p class="field-hint">{te('drawHint', l)}</p>}
              </div>
            )}
            {draft.shapeKind === 'upload' && (
              <Field label={te('geojsonFile', l)} error={fileProblem ?? undefined} hint={te('geojsonHint', l)}>
                {(a) => (
                  <input
                    {...a}
                    name="geometryFile"
                    type="file"
                    accept=".geojson,.json,application/geo+json,application/json"
                    onChange={(e) => onFile(e.target as HTMLInputElement)}
                  />
                )}
              </Field>
            )}
            {draft.shapeKind !== 'communes' && (
              <p class={`shape-status${draft.geometry ? '' : ' muted'}`} data-testid="shape-status">
                {draft.geometry
                  ? te('shapeReady', l)
                      .replace('{n}', formatNumber(vertexCount(draft.geometry), l))
                      .replace('{type}', draft.geometry.type)
                  : te('noShapeYet', l)}
              </p>
            )}
            {draft.shapeKind === 'communes' && (
              <Field label={te('communes', l)} error={errors.communeCodes} hint={`${te('multiSelectHint', l)} ${te('extent_communes', l)}.`}>
                {(a) => (
                  <select
                    {...a}
                    name="communeCodes"
                    multiple
                    size={6}
                    onChange={(e) => set({ communeCodes: [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value) })}
                  >
                    {unitOptions(units?.communes ?? [], districtName).map((o) => (
                      <option key={o.value} value={o.value} selected={draft.communeCodes.includes(o.value)}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {errors.geometry && (
              <p class="field-error" role="alert">
                {errors.geometry}
              </p>
            )}
          </fieldset>
        </>
      )}
      {id && <TextField name="reason" label={te('reason', l)} value={draft.reason} onValue={(reason) => set({ reason })} error={errors.reason} />}
      <SourceFields value={draft.source} onChange={(source) => set({ source })} errors={errors} />
      {id && (
        <label class="check delete-toggle">
          <input type="checkbox" checked={deleting} onChange={(e) => setDeleting((e.target as HTMLInputElement).checked)} /> {te('deleteZoneInstead', l)}
        </label>
      )}
    </FormShell>
  );
}
