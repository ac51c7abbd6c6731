import { lazy, Suspense } from 'preact/compat';
import { openAuditLog } from '../../state/editing.ts';
import { accountPanel, currentUser, isAdmin, logOut, session } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { Modal } from './modal.tsx';
import './account.css';

/** The account dialog and the admin's pages load when first opened. */
const LoginForm = lazy(() => import('./login-form.tsx').then((m) => ({ default: m.LoginForm })));
const AccountDialog = lazy(() => import('./account-dialog.tsx').then((m) => ({ default: m.AccountDialog })));
const AuditPage = lazy(() => import('../admin/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('./users-page.tsx').then((m) => ({ default: m.UsersPage })));

/** The header's account control: "Log in", or who is logged in with a visible "Log out". */
export function UserMenu() {
  const l = lang.value;
  const user = currentUser.value;
  if (!session.value) return null;
  const close = () => (accountPanel.value = null);
  return (
    <div class="user-menu">
      {user ? (
        <>
          <button type="button" class="user-chip" title={t('myAccount', l)} onClick={() => (accountPanel.value = 'account')}>
            <span class="user-name">{user.name}</span> <span class="user-role">{t(`role_${user.role}`, l)}</span>
          </button>
          {isAdmin.value && (
            <button type="button" class="account-button" onClick={() => (accountPanel.value = 'users')}>
              {t('manageUsers', l)}
            </button>
          )}
          {isAdmin.value && (
            <button type="button" class="account-button audit" onClick={() => openAuditLog()}>
              {t('auditLog', l)}
            </button>
          )}
          <button type="button" class="account-button logout" onClick={() => logOut()}>
            {t('logOut', l)}
          </button>
        </>
      ) : (
        <button type="button" class="account-button login" onClick={() => (accountPanel.value = 'login')}>
          {t('logIn', l)}
        </button>
      )}
      {accountPanel.value === 'login' && !user && (
        <Modal title={t('loginTitle', l)} onClose={close}>
          <Suspense fallback={null}>
            <LoginForm />
          </Suspense>
        </Modal>
      )}
      <Suspense fallback={null}>
        {accountPanel.value === 'account' && user && <AccountDialog onClose={close} />}
        {accountPanel.value === 'users' && isAdmin.value && <UsersPage onClose={close} />}
        {accountPanel.value === 'audit' && isAdmin.value && <AuditPage onClose={close} />}
      </Suspense>
    </div>
  );
}
