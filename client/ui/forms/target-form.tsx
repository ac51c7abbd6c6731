import { useState } from 'preact/hooks';
import { editApi } from '../../api-edits.ts';
import { reload, timeline } from '../../state/data.ts';
import { closeEditor } from '../../state/editing.ts';
import { lang } from '../../state/ui-state.ts';

import { DateField, FormShell, SourceFields, TextField, useSave } from './fields.tsx';
import { checkTarget, targetDraft } from './target-logic.ts';
import { theProvince } from '../../state/province.ts';
import { te } from '../i18n-editing.ts';

/** A province target or a reported total (the progress view sets them against the commune-level record). */
export function TargetForm({ id, indicatorKey }: { id: string | null; indicatorKey?: string }) {
  const l = lang.value;
  const existing = id ? timeline.value?.targets.find((x) => x.id === id) : undefined;
  const [draft, setDraft] = useState(() => targetDraft(existing, indicatorKey, theProvince().fullName));
  const { busy, errors, error, run } = useSave();
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async () => {
    const saved = await run(checkTarget(draft, id !== null, l), (body) => editApi.saveTarget(id, body));
    if (!saved) return;
    await reload(['timeline']);
    closeEditor(te('savedNotice', l));
  };
  return (
    <FormShell
      title={te(id ? 'editTarget' : 'addTarget', l)}
      subtitle={te('programme_targets', l)}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={() => closeEditor()}
    >
      <TextField
        name="indicator"
        label={te('indicatorLabel', l)}
        value={draft.indicator}
        onValue={(indicator) => set({ indicator })}
        error={errors.indicator}
      />
      <div class="field-pair">
        <TextField
          name="indicatorKey"
          label={te('indicatorKey', l)}
          hint={te('indicatorKeyHint', l)}
          value={draft.indicatorKey}
          onValue={(indicatorKey) => set({ indicatorKey })}
          error={errors.indicatorKey}
        />
        <TextField name="scope" label={te('scope', l)} value={draft.scope} onValue={(scope) => set({ scope })} error={errors.scope} />
      </div>
      <fieldset>
        <legend>{te('target', l)}</legend>
        <TextField name="target" label={te('targetText', l)} value={draft.target} onValue={(target) => set({ target })} error={errors.target} />
        <div class="field-pair">
          <TextField
            name="targetValue"
            type="number"
            inputMode="decimal"
            label={te('value', l)}
            value={draft.targetValue}
            onValue={(targetValue) => set({ targetValue })}
            error={errors.targetValue}
          />
          <TextField
            name="targetYear"
            type="number"
            inputMode="numeric"
            label={te('targetYear', l)}
            value={draft.targetYear}
            onValue={(targetYear) => set({ targetYear })}
            error={errors.targetYear}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{te('reported', l)}</legend>
        <TextField name="actual" label={te('actualText', l)} value={draft.actual} onValue={(actual) => set({ actual })} error={errors.actual} />
        <div class="field-pair">
          <TextField
            name="actualValue"
            type="number"
            inputMode="decimal"
            label={te('value', l)}
            value={draft.actualValue}
            onValue={(actualValue) => set({ actualValue })}
            error={errors.actualValue}
          />
          <DateField
            name="actualDate"
            label={te('reportDate', l)}
            value={draft.actualDate}
            onValue={(actualDate) => set({ actualDate })}
            error={errors.actualDate}
          />
        </div>
      </fieldset>
      {id && <TextField name="reason" label={te('reason', l)} value={draft.reason} onValue={(reason) => set({ reason })} error={errors.reason} />}
      <SourceFields value={draft.source} onChange={(source) => set({ source })} errors={errors} />
    </FormShell>
  );
}
