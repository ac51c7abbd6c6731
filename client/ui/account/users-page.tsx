import { useEffect, useId, useState } from 'preact/hooks';
import { PROGRAMMES, type Programme, ROLES, type Role, type UnitRef } from '../../../server/domain/access.ts';
import {
  type AdminUserResponse,
  LOGIN_MAX_LENGTH,
  LOGIN_MIN_LENGTH,
  LOGIN_PATTERN,
  newUserSchema,
  PASSWORD_MIN_LENGTH,
  type UserPatch,
  userPatchSchema,
} from '../../../server/domain/accounts.ts';
import { usersApi } from '../../api-users.ts';
import { lang } from '../../state/ui-state.ts';
import { FieldError } from '../forms/fields.tsx';
import { type FieldErrors, validate } from '../forms/validate.ts';
import { formatInstant, t } from '../i18n.ts';
import { te } from '../i18n-editing.ts';
import { errorText } from './error-text.ts';
import { Modal } from './modal.tsx';
import { UserTokens } from './user-tokens.tsx';

/**
 * The admin's users page: every account with role, scope, status, last login and open sessions;
 * add a user, change role and scope, set a password, disable or enable, end all sessions, see and revoke
 * their API tokens.
 * Users are disabled, never deleted (the audit log names them).
 */
export function UsersPage({ onClose }: { onClose: () => void }) {
  const l = lang.value;
  const [users, setUsers] = useState<AdminUserResponse[] | null>(null);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [tokensOf, setTokensOf] = useState<number | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const reload = () =>
    usersApi
      .users()
      .then((r) => setUsers(r.users))
      .catch((err) => setNote({ ok: false, text: errorText(err, l) }));
  useEffect(() => {
    reload();
  }, []);
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setNote({ ok: true, text: done });
      setEditing(null);
      await reload();
    } catch (err) {
      setNote({ ok: false, text: errorText(err, l) });
    }
  };
  const scopeText = (u: AdminUserResponse) =>
    u.role === 'editor'
      ? `${u.programmes.map((p) => t(`programme_${p}`, l)).join(', ') || '—'} · ${u.units.length ? u.units.map((x) => `${x.set}:${x.code}`).join(', ') : t('allUnits', l)}`
      : '';

  return (
    <Modal title={t('manageUsers', l)} onClose={onClose} wide>
      {note && (
        <p role={note.ok ? 'status' : 'alert'} class={note.ok ? 'form-ok' : 'form-error'}>
          {note.text}
        </p>
      )}
      {editing === 'new' ? (
        <UserForm onCancel={() => setEditing(null)} onSave={(body) => act(() => usersApi.createUser(body as NewUserBody), t('saved', l))} />
      ) : (
        <button type="button" class="primary add-user" onClick={() => setEditing('new')}>
          {t('addUser', l)}
        </button>
      )}
      <table class="account-table users-table">
        <thead>
          <tr>
            <th>{t('loginName', l)}</th>
            <th>{t('fullName', l)}</th>
            <th>{t('role', l)}</th>
            <th>{t('accountStatus', l)}</th>
            <th>{t('lastLogin', l)}</th>
            <th>{t('sessionsCount', l)}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users?.map((u) => [
            <tr key={u.id} class={u.disabled ? 'revoked' : ''} data-login={u.login}>
              {/* data-label: each fact's heading, shown beside it on phones where the rows stack (account.css). */}
              <td data-label={t('loginName', l)}>
                <code>{u.login}</code>
              </td>
              <td data-label={t('fullName', l)}>{u.name}</td>
              <td data-label={t('role', l)}>
                {t(`role_${u.role}`, l)}
                {scopeText(u) && <div class="muted small">{scopeText(u)}</div>}
              </td>
              <td data-label={t('accountStatus', l)}>{u.disabled ? t('disabled', l) : t('active', l)}</td>
              <td data-label={t('lastLogin', l)}>{u.lastLoginAt ? formatInstant(u.lastLoginAt, l) : t('never', l)}</td>
              <td data-label={t('sessionsCount', l)}>{u.activeSessions}</td>
              <td class="row-actions">
                <button type="button" class="account-button" onClick={() => setEditing(u.id)}>
                  {t('edit', l)}
                </button>
                <button type="button" class="account-button" onClick={() => act(() => usersApi.updateUser(u.id, { disabled: !u.disabled }), t('saved', l))}>
                  {u.disabled ? t('enable', l) : t('disable', l)}
                </button>
                <button
                  type="button"
                  class="account-button"
                  disabled={u.activeSessions === 0}
                  onClick={() => act(() => usersApi.endSessions(u.id), t('sessionsEnded', l).replace('{n}', String(u.activeSessions)))}
                >
                  {t('endSessions', l)}
                </button>
                <button type="button" class="account-button" aria-expanded={tokensOf === u.id} onClick={() => setTokensOf(tokensOf === u.id ? null : u.id)}>
                  {te('userTokens', l)}
                </button>
              </td>
            </tr>,
            tokensOf === u.id && (
              <tr key={`${u.id}-tokens`}>
                <td colSpan={7}>
                  <UserTokens user={u} onNote={setNote} />
                </td>
              </tr>
            ),
            editing === u.id && (
              <tr key={`${u.id}-edit`}>
                <td colSpan={7}>
                  <UserForm
                    user={u}
                    onCancel={() => setEditing(null)}
                    onSave={(patch) => act(() => usersApi.updateUser(u.id, patch as UserPatch), t('saved', l))}
                  />
                </td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
    </Modal>
  );
}

type NewUserBody = Parameters<typeof usersApi.createUser>[0];

/** "2020:095, 2025:03316" → unit references; the server checks that they exist. */
function parseUnits(text: string): UnitRef[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((s) => {
      const [set, code] = s.split(':');
      return { set, code } as UnitRef;
    });
}

/** Adds a user (with `user` absent) or edits one: only the fields that changed are sent. */
function UserForm({ user, onSave, onCancel }: { user?: AdminUserResponse; onSave: (body: NewUserBody | UserPatch) => void; onCancel: () => void }) {
  const l = lang.value;
  const [role, setRole] = useState<Role>(user?.role ?? 'editor');
  const [noProgramme, setNoProgramme] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = useId();
  /** A field's error, from the body's path: "units.0.code" is the units field's. */
  const errorOf = (field: string) => Object.entries(errors).find(([path]) => path.split('.')[0] === field)?.[1];
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const programmes = PROGRAMMES.filter((p) => form.get(`programme-${p}`) === 'on');
    // The server refuses it too: an editor with no programme could edit nothing.
    const noProgramme = role === 'editor' && programmes.length === 0;
    setNoProgramme(noProgramme);
    const units = parseUnits(String(form.get('units') ?? ''));
    const scope = role === 'editor' ? { programmes, units } : {};
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name'));
    // Checked as the server checks it, so each field's error is said beside it in the admin's language.
    if (user) {
      const patch: UserPatch = { ...(name !== user.name && { name }), ...(role !== user.role && { role }), ...scope, ...(password && { password }) };
      const checked = validate(userPatchSchema, patch, l);
      setErrors(checked.ok ? {} : checked.errors);
      if (checked.ok && !noProgramme) onSave(patch);
      return;
    }
    const body: NewUserBody = { login: String(form.get('login')), name, role, password, ...scope };
    const checked = validate(newUserSchema, body, l);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok && !noProgramme) onSave(body);
  };
  return (
    <form class="account-form user-form" noValidate onSubmit={submit}>
      {!user && (
        <label>
          {t('loginName', l)}
          <input
            name="login"
            autocomplete="off"
            autocapitalize="none"
            required
            minLength={LOGIN_MIN_LENGTH}
            maxLength={LOGIN_MAX_LENGTH}
            pattern={LOGIN_PATTERN}
            aria-invalid={!!errorOf('login')}
          />
        </label>
      )}
      <FieldError message={errorOf('login')} />
      <label>
        {t('fullName', l)}
        <input name="name" required maxLength={100} defaultValue={user?.name ?? ''} aria-invalid={!!errorOf('name')} />
      </label>
      <FieldError message={errorOf('name')} />
      <label>
        {t('role', l)}
        <select name="role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role_${r}`, l)}
            </option>
          ))}
        </select>
      </label>
      {role === 'editor' && (
        <>
          <fieldset aria-describedby={`${id}-programmes`} aria-invalid={noProgramme}>
            <legend>{t('programmes', l)}</legend>
            {PROGRAMMES.map((p: Programme) => (
              <label key={p} class="check">
                <input type="checkbox" name={`programme-${p}`} defaultChecked={user?.programmes.includes(p) ?? false} onChange={() => setNoProgramme(false)} />{' '}
                {t(`programme_${p}`, l)}
              </label>
            ))}
            <p id={`${id}-programmes`} class={noProgramme ? 'form-error' : 'muted small'} role={noProgramme ? 'alert' : undefined}>
              {t('editorNeedsProgramme', l)}
            </p>
          </fieldset>
          <label>
            {t('unitScope', l)}
            <input
              name="units"
              aria-describedby={`${id}-units`}
              aria-invalid={!!errorOf('units')}
              defaultValue={user?.units.map((u) => `${u.set}:${u.code}`).join(', ') ?? ''}
            />
          </label>
          <FieldError message={errorOf('units')} />
          <p id={`${id}-units`} class="muted small">
            {t('unitScopeHint', l)}
          </p>
        </>
      )}
      <label>
        {user ? t('setPassword', l) : t('password', l)}
        <input
          name="password"
          type="password"
          autocomplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required={!user}
          aria-describedby={`${id}-password`}
          aria-invalid={!!errorOf('password')}
        />
      </label>
      <FieldError message={errorOf('password')} />
      <p id={`${id}-password`} class="muted small">
        {t('passwordHint', l)}
      </p>
      <FieldError message={errorOf('body')} />
      <div class="form-buttons">
        <button type="submit" class="primary">
          {t('save', l)}
        </button>
        <button type="button" class="account-button" onClick={onCancel}>
          {t('cancel', l)}
        </button>
      </div>
    </form>
  );
}
