import { useEffect } from 'preact/hooks';
import { editForm } from '../../state/editing.ts';
import { ProductForm } from './product-form.tsx';
import { RecognitionForm } from './recognition-form.tsx';
import { TargetForm } from './target-form.tsx';
import { ZoneForm } from './zone-form.tsx';

/** The open editing form, in the side panel in place of the card it was opened from. */
export function EditPanel() {
  const f = editForm.value;
  // Leaving the page (reload, closing the tab) with a form open asks first: its draft would be lost.
  useEffect(() => {
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, []);
  if (!f) return null;
  if (f.kind === 'recognition') return <RecognitionForm mode={f.mode} unitSet={f.unitSet} code={f.code} id={f.id} />;
  if (f.kind === 'product') return <ProductForm id={f.id} communeCode={f.communeCode} />;
  if (f.kind === 'zone') return <ZoneForm id={f.id} communeCode={f.communeCode} />;
  return <TargetForm id={f.id} indicatorKey={f.indicatorKey} />;
}
