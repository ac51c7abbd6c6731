import { signal } from '@preact/signals';
import { IMPORT_KIND_IDS, mayImport } from '../../../server/catalog/imports.ts';
import { currentUser } from '../../state/session.ts';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { lazy, Suspense } from 'preact/compat';

/** The import dialog loads when first opened. */
const ImportDialog = lazy(() => import('./import-dialog.tsx').then((m) => ({ default: m.ImportDialog })));

const open = signal(false);

/** The header's "Import" button, for users who may import some kind of file; opens the import page. */
export function ImportButton() {
  if (!IMPORT_KIND_IDS.some((k) => mayImport(currentUser.value, k))) return null;
  return (
    <>
      <button type="button" class="account-button import" onClick={() => (open.value = true)}>
        {t('importData', lang.value)}
      </button>
      {open.value && (
        <Suspense fallback={null}>
          <ImportDialog onClose={() => (open.value = false)} />
        </Suspense>
      )}
    </>
  );
}
