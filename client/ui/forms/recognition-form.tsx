import { useState } from 'preact/hooks';
import { NTM_STATUSES } from '../../../server/domain/ntm-status.ts';
import { editApi } from '../../api-edits.ts';
import { reload, timeline } from '../../state/data.ts';
import { record } from '../../state/derived.ts';
import { closeEditor } from '../../state/editing.ts';
import { setLabel } from '../../state/province.ts';
import { lang } from '../../state/ui-state.ts';
import { formatDate, statusLabel } from '../i18n.ts';
import { DateField, FieldWarning, FormShell, SelectField, SourceFields, TextField, useSave } from './fields.tsx';
import {
  checkCorrection,
  checkRecord,
  checkRetraction,
  type RecognitionMode,
  recognitionDraft,
  sameYearWarnings,
  suggestedYearFor,
} from './recognition-logic.ts';
import { te } from '../i18n-editing.ts';

/**
 * NTM: record a recognition of a commune (2020–2025 units) or a unit of 1 July 2025, correct one
 * (with a reason), or retract one with a reason — it stays in the history and stops counting.
 */
export function RecognitionForm({ mode, unitSet, code, id }: { mode: RecognitionMode; unitSet: '2020' | '2025'; code: string; id: string | null }) {
  const l = lang.value;
  const existing = id ? timeline.value?.recognitions.find((r) => r.id === id) : undefined;
  const [draft, setDraft] = useState(() => recognitionDraft(unitSet, code, existing));
  const { busy, errors, error, run } = useSave();
  const unit = record.value?.units[unitSet].communes.find((u) => u.code === code);
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const sameYear = mode === 'retract' ? [] : sameYearWarnings(draft, timeline.value?.recognitions ?? [], mode === 'correct' ? id : null);
  const submit = async () => {
    const saved =
      mode === 'record'
        ? await run(checkRecord(draft, l), editApi.recordRecognition)
        : mode === 'correct'
          ? await run(checkCorrection(draft, l), (body) => editApi.correctRecognition(id!, body))
          : await run(checkRetraction(draft, l), (body) => editApi.retractRecognition(id!, body));
    if (!saved) return;
    await reload(['timeline']);
    closeEditor(te(mode === 'retract' ? 'retractedNotice' : 'savedNotice', l));
  };
  const unitText = `${unit ? `${unit.type} ${unit.name}` : code} · ${setLabel(unitSet, l)}`;
  const title = te(mode === 'record' ? 'recordRecognition' : mode === 'correct' ? 'correctRecognition' : 'retractRecognition', l);
  return (
    <FormShell
      title={title}
      subtitle={unitText}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={() => closeEditor()}
      submitLabel={mode === 'retract' ? te('retract', l) : undefined}
      danger={mode === 'retract'}
    >
      {mode === 'retract' && existing ? (
        <p class="edit-summary">
          <strong>{statusLabel(existing.status, l)}</strong> — {existing.yearFor ?? te('unknown', l)}
          {existing.decision && ` · ${existing.decision.ref}${existing.decision.date ? `, ${formatDate(existing.decision.date, l)}` : ''}`}
          <br />
          <span class="muted">{te('retractNote', l)}</span>
        </p>
      ) : (
        <>
          <SelectField
            name="status"
            label={te('ntmStatus', l)}
            value={draft.status}
            onValue={(status) => set({ status })}
            options={NTM_STATUSES.filter((s) => s !== 'none').map((s) => ({ value: s, label: statusLabel(s, l) }))}
            error={errors.status}
          />
          <div class="field-pair">
            <TextField
              name="decision.ref"
              label={te('decisionRef', l)}
              placeholder="123/QĐ-UBND"
              value={draft.decisionRef}
              onValue={(decisionRef) => set({ decisionRef })}
              error={errors['decision.ref'] ?? errors.decision}
            />
            <DateField
              name="decision.date"
              label={te('decisionDate', l)}
              value={draft.decisionDate}
              onValue={(decisionDate) => set({ decisionDate, yearFor: draft.yearFor || suggestedYearFor(decisionDate) })}
              error={errors['decision.date']}
            />
          </div>
          <TextField
            name="yearFor"
            type="number"
            inputMode="numeric"
            label={te('yearForLabel', l)}
            hint={te('yearForHint', l)}
            value={draft.yearFor}
            onValue={(yearFor) => set({ yearFor })}
            error={errors.yearFor}
          />
          {sameYear.map((warning) => (
            <FieldWarning key={warning.en} text={warning} testId="same-year-warning" />
          ))}
          <div class="field-pair">
            <TextField
              name="criteriaMet"
              type="number"
              inputMode="numeric"
              min={0}
              max={19}
              label={te('criteriaMetOf19', l)}
              value={draft.criteriaMet}
              onValue={(criteriaMet) => set({ criteriaMet })}
              error={errors.criteriaMet}
            />
            <TextField
              name="criteriaText"
              label={te('criteriaTextLabel', l)}
              value={draft.criteriaText}
              onValue={(criteriaText) => set({ criteriaText })}
              error={errors.criteriaText}
            />
          </div>
        </>
      )}
      {mode !== 'record' && (
        <TextField name="reason" label={te('reason', l)} value={draft.reason} onValue={(reason) => set({ reason })} error={errors.reason} />
      )}
      <SourceFields value={draft.source} onChange={(source) => set({ source })} errors={errors} />
    </FormShell>
  );
}
