import { effect } from '@preact/signals';
import { lazy, Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import { MapView } from '../map/map-view.tsx';
import { startLoading } from '../state/data.ts';
import { printOpen, tableOpen } from '../state/panels.ts';
import { loadSession, mustLogIn, session, sessionError } from '../state/session.ts';
import { lang, view } from '../state/ui-state.ts';
import { startUrlSync } from '../state/url-sync.ts';
import { LoginScreen } from './account/login-form.tsx';
import { Header } from './header.tsx';
import { HelpPage } from './help-page.tsx';
import { t } from './i18n.ts';
import { LegendPanel } from './legend-panel.tsx';
import { LoadStatus } from './load-status.tsx';
import { MapTools } from './map-tools.tsx';
import { SidePanel } from './side-panel.tsx';
import { StartScreen } from './start-screen.tsx';
import { Timeline } from './timeline.tsx';
import { Tooltip } from './tooltip.tsx';

/** The table and print views load on first use (their own chunks). */
const TableView = lazy(() => import('./table/table-view.tsx').then((m) => ({ default: m.TableView })));
const PrintView = lazy(() => import('./print/print-view.tsx').then((m) => ({ default: m.PrintView })));

/** Asks the server who is logged in first: a private deployment (REQUIRE_LOGIN=1) shows only the login until then. */
export function App() {
  useEffect(() => loadSession(), []);
  if (!session.value && !sessionError.value) return null;
  return mustLogIn.value ? <LoginScreen /> : <MapApp />;
}

function MapApp() {
  useEffect(() => {
    const stops = [
      startLoading(),
      startUrlSync(),
      effect(() => {
        document.documentElement.lang = lang.value;
        document.title = t('appTitle', lang.value);
      }),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
  return (
    <>
      <div class="app" inert={printOpen.value}>
        <Header />
        <Timeline />
        <main class="stage">
          <MapView />
          <Tooltip />
          <LegendPanel />
          <SidePanel />
          <LoadStatus />
          {view.value === 'start' && <StartScreen />}
          <MapTools />
        </main>
        {tableOpen.value && (
          <Suspense fallback={null}>
            <TableView />
          </Suspense>
        )}
        <HelpPage />
      </div>
      {printOpen.value && (
        <Suspense fallback={null}>
          <PrintView />
        </Suspense>
      )}
    </>
  );
}
