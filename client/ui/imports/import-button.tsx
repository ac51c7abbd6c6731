import { effect, signal } from '@preact/signals';
import { IMPORT_KIND_IDS, mayImport } from '../../../server/catalog/imports.ts';
import { currentUser, stillFor } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { lazy, Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';

/** The import dialog loads when first opened. */
const ImportDialog = lazy(() => import('./import-dialog.tsx').then((m) => ({ default: m.ImportDialog })));

/** Who opened the import page, if it is open. */
const openedBy = signal<string | null>(null);

/** The header's "Import" button, for users who may import some kind of file; opens the import page. */
export function ImportButton() {
  // Logging out (or in as someone else) closes it; a session the server ended keeps it (its file,
  // source and preview) while the same user logs in again. The header, and so this button, stays
  // while the app runs, logged in or not.
  useEffect(
    () =>
      effect(() => {
        if (openedBy.value !== null && !stillFor(openedBy.value)) openedBy.value = null;
      }),
    [],
  );
  const open = openedBy.value !== null;
  if (!open && !IMPORT_KIND_IDS.some((k) => mayImport(currentUser.value, k))) return null;
  return (
    <>
      {currentUser.value && (
        <button type="button" class="account-button import" onClick={() => (openedBy.value = currentUser.value?.login ?? null)}>
          {t('importData', lang.value)}
        </button>
      )}
      {open && (
        <Suspense fallback={null}>
          <ImportDialog onClose={() => (openedBy.value = null)} />
        </Suspense>
      )}
    </>
  );
}
