import type { ComponentChildren } from 'preact';
import { capitalised } from '../../../server/domain/unit-types.ts';
import type { Text } from '../../../server/messages/text.ts';
import { useId, useRef, useState } from 'preact/hooks';
import { editApi } from '../../api-edits.ts';
import { DATE_TEXT_FORMAT, type DateText, readDateText, showDateText } from '../../lib/date-text.ts';
import type { Lang } from '../../lib/label.ts';
import { lang } from '../../state/ui-state.ts';
import { MAX_SOURCE_FILE_MIB } from '../../../server/catalog/writes.ts';

import type { SourceDraft } from './source-logic.ts';
import { type Checked, errorsUnder, type FieldErrors, serverErrors } from './validate.ts';
import './forms.css';
import { te, tef } from '../i18n-editing.ts';

/** A labelled field with its error beside it (aria-invalid, aria-describedby), and an optional hint. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: ComponentChildren;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ComponentChildren;
}) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': described })}
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** What is wrong with a field, shown beside it in the reader's language (the shared schemas' words, or the server's). */
export function FieldError({ id, message }: { id?: string; message?: string }) {
  return message ? (
    <p id={id} class="field-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** A text-like input bound to one string of a draft. */
export function TextField({
  label,
  value,
  onValue,
  error,
  hint,
  type = 'text',
  name,
  ...rest
}: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  error?: string;
  hint?: ComponentChildren;
  type?: 'text' | 'number' | 'url';
  name: string;
  inputMode?: 'numeric' | 'decimal';
  placeholder?: string;
  min?: number;
  max?: number;
  step?: string;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(a) => <input {...a} {...rest} name={name} type={type as 'text'} value={value} onInput={(e) => onValue((e.target as HTMLInputElement).value)} />}
    </Field>
  );
}

/**
 * A date typed as text in the interface's form — dd/mm/yyyy in Vietnamese, yyyy-mm-dd in
 * English — with the format said beside it (aria-describedby) and a clear error when it is not
 * a date. `onValue` gets ISO (YYYY-MM-DD), '' when empty, or the text as typed when it is not a
 * date (so a form's own check refuses it too). In a form the browser validates, a bad date
 * also stops the submit (setCustomValidity).
 */
export function DateField({
  label,
  name,
  value,
  onValue,
  error,
  hint,
}: {
  label: string;
  name: string;
  value: string;
  onValue: (iso: string) => void;
  error?: string;
  hint?: string;
}) {
  const l = lang.value;
  // What is typed, for the value and language it was typed for. A value set from outside (a default
  // worked out from another field, a reset) or another language is shown afresh in this same render.
  const typed = useRef({ text: showDateText(value, l), value, lang: l, shown: false });
  if (typed.current.value !== value || typed.current.lang !== l) typed.current = { text: showDateText(value, l), value, lang: l, shown: false };
  const [, rerender] = useState(0);
  const update = (next: Partial<typeof typed.current>) => {
    typed.current = { ...typed.current, ...next };
    rerender((n) => n + 1);
  };
  const { text, shown } = typed.current;
  const read = readDateText(text, l);
  const problem = read.ok ? undefined : problemText(read, l);
  const format = `${te('dateFormat', l)}: ${DATE_TEXT_FORMAT[l]}`;
  return (
    <Field label={label} error={(shown && problem) || error} hint={hint ? `${format}. ${hint}` : format}>
      {(a) => (
        <input
          {...a}
          ref={(el) => el?.setCustomValidity(problem ?? '')}
          name={name}
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder={DATE_TEXT_FORMAT[l]}
          value={text}
          onInput={(e) => {
            const input = (e.target as HTMLInputElement).value;
            const r = readDateText(input, l);
            const next = r.ok ? r.iso : input;
            update({ text: input, value: next, shown: typed.current.shown && !r.ok });
            onValue(next);
          }}
          onBlur={() => update({ shown: true, ...(read.ok && { text: showDateText(read.iso, l) }) })}
          onInvalid={() => update({ shown: true })}
        />
      )}
    </Field>
  );
}

function problemText(r: Extract<DateText, { ok: false }>, l: Lang) {
  return r.reason === 'format' ? te('dateFormatError', l) : te('dateNoSuchDay', l);
}

/** A select bound to one string of a draft. */
export function SelectField({
  label,
  value,
  onValue,
  options,
  error,
  hint,
  name,
}: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string;
  hint?: ComponentChildren;
  name: string;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(a) => (
        <select {...a} name={name} value={value} onChange={(e) => onValue((e.target as HTMLSelectElement).value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The source every save needs: a title, a date, and a link or an uploaded PDF (kept by the
 * server, POST /api/source-files), with how sure it is and a note.
 */
export function SourceFields({ value, onChange, errors }: { value: SourceDraft; onChange: (s: SourceDraft) => void; errors: FieldErrors }) {
  const l = lang.value;
  const e = errorsUnder(errors, 'source');
  const [upload, setUpload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const set = (patch: Partial<SourceDraft>) => onChange({ ...value, ...patch });
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setUpload({ busy: true, error: null });
    try {
      const saved = await editApi.uploadSource(file);
      set({ fileId: saved.id, fileName: saved.name });
      setUpload({ busy: false, error: null });
    } catch (err) {
      setUpload({ busy: false, error: serverErrors(err, l).message });
      input.value = '';
    }
  };
  return (
    <fieldset class="source-fields">
      <legend>{te('sourceOfChange', l)}</legend>
      <p class="field-hint">{te('sourceRule', l)}</p>
      <TextField name="source.title" label={te('sourceTitle', l)} value={value.title} onValue={(title) => set({ title })} error={e.title} />
      <DateField name="source.date" label={te('sourceDate', l)} value={value.date} onValue={(date) => set({ date })} error={e.date} />
      <TextField
        name="source.url"
        type="url"
        label={te('sourceLink', l)}
        placeholder="https://"
        value={value.url}
        onValue={(url) => set({ url })}
        error={e.url}
      />
      <Field
        label={te('sourcePdf', l)}
        error={upload.error ?? e.fileId}
        hint={value.fileName ? `${te('uploaded', l)}: ${value.fileName}` : tef('sourcePdfHint', l, { mib: MAX_SOURCE_FILE_MIB })}
      >
        {(a) => (
          <div class="file-row">
            <input
              {...a}
              name="source.file"
              type="file"
              accept="application/pdf,.pdf"
              disabled={upload.busy}
              onChange={(ev) => onFile(ev.target as HTMLInputElement)}
            />
            {value.fileId !== null && (
              <button type="button" class="account-button" onClick={() => set({ fileId: null, fileName: null })}>
                {te('removeFile', l)}
              </button>
            )}
          </div>
        )}
      </Field>
      <SelectField
        name="source.confidence"
        label={te('confidence', l)}
        value={value.confidence}
        onValue={(v) => set({ confidence: v as SourceDraft['confidence'] })}
        options={(['high', 'medium', 'low'] as const).map((c) => ({ value: c, label: te(`confidence_${c}`, l) }))}
      />
      <TextField name="source.note" label={te('sourceNote', l)} value={value.note} onValue={(note) => set({ note })} error={e.note} />
    </fieldset>
  );
}

/** A warning beside the fields it is about: the form may still be saved (a correction may be meant). Read out politely. */
export function FieldWarning({ text, testId }: { text: Text; testId: string }) {
  return (
    <p class="caveat" role="status" data-testid={testId}>
      {capitalised(text[lang.value])}
    </p>
  );
}

/** The frame of every editing form: heading, what is being edited, the fields, a general error, save and cancel. */
export function FormShell({
  title,
  subtitle,
  busy,
  error,
  onSubmit,
  onCancel,
  submitLabel,
  danger = false,
  children,
}: {
  title: string;
  subtitle?: string;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel?: string;
  danger?: boolean;
  children: ComponentChildren;
}) {
  const l = lang.value;
  return (
    <form
      class="edit-form"
      aria-labelledby="edit-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <header class="card-header">
        <div>
          <p class="card-kind">{subtitle}</p>
          <h2 id="edit-form-title">{title}</h2>
        </div>
      </header>
      {children}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-buttons">
        <button type="submit" class={danger ? 'primary danger' : 'primary'} disabled={busy}>
          {busy ? te('saving', l) : (submitLabel ?? te('save', l))}
        </button>
        <button type="button" class="account-button" onClick={onCancel}>
          {te('cancel', l)}
        </button>
      </div>
    </form>
  );
}

/**
 * Runs a save: checks the draft in the browser first (the server's schema), then sends it; the
 * server's 400 field errors land beside the same fields. Returns whether it was saved.
 */
export function useSave() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const run = async <T,>(checked: Checked<T>, send: (value: T) => Promise<unknown>): Promise<boolean> => {
    if (!checked.ok) {
      setErrors(checked.errors);
      setError(te('fixFields', lang.value));
      return false;
    }
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      await send(checked.value);
      return true;
    } catch (err) {
      const { fields, message } = serverErrors(err, lang.value);
      setErrors(fields);
      setError(message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, error, run };
}
