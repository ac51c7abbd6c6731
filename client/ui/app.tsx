import { effect } from '@preact/signals';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { MapView } from '../map/map-view.tsx';
import { type Config, onSessionEnded } from '../api.ts';
import { ensureShapes, ensureZoneShapes, startLoading, unitShapes, zoneShapes } from '../state/data.ts';
import { shownSet } from '../state/derived.ts';
import { startEditingWatchers } from '../state/editing.ts';
import { printOpen, tableOpen } from '../state/panels.ts';
import { loadProvince, prefetchConfig, province, provinceError, theProvince, tp } from '../state/province.ts';
import { startSessionExpiry } from '../state/session-expiry.ts';
import { loadSession, mustLogIn, session, sessionEndedHere, sessionError } from '../state/session.ts';
import { help, lang, layers, startFromUrl, view } from '../state/ui-state.ts';
import { startUrlSync } from '../state/url-sync.ts';
import { SessionNotice } from './account/session-notice.tsx';
import { Header } from './header.tsx';
import { t } from './i18n.ts';
import { LegendPanel } from './legend-panel.tsx';
import { LoadState, LoadStatus } from './load-status.tsx';
import { MapTools } from './map-tools.tsx';
import { SidePanel } from './side-panel.tsx';
import { StartScreen } from './start-screen.tsx';
import { Timeline } from './timeline.tsx';
import { Tooltip } from './tooltip.tsx';

/** The login, table and print views load on first use (their own chunks). */
const LoginScreen = lazy(() => import('./account/login-form.tsx').then((m) => ({ default: m.LoginScreen })));
const TableView = lazy(() => import('./table/table-view.tsx').then((m) => ({ default: m.TableView })));
const HelpPage = lazy(() => import('./help-page.tsx').then((m) => ({ default: m.HelpPage })));
const PrintView = lazy(() => import('./print/print-view.tsx').then((m) => ({ default: m.PrintView })));

/** Asks the server who is logged in first: a private deployment (REQUIRE_LOGIN=1) shows only the login until then. */
export function App() {
  useEffect(() => {
    // First, so every answer, the session's included, moves the session's ends, and any 401 saying the session ended is heard.
    const stopExpiry = startSessionExpiry();
    const stopEnded = onSessionEnded(sessionEndedHere);
    const stopEditing = startEditingWatchers();
    prefetchConfig();
    const stopLoading = loadSession();
    return () => {
      stopLoading();
      stopEditing();
      stopEnded();
      stopExpiry();
    };
  }, []);
  if (!session.value && !sessionError.value) return null;
  return mustLogIn.value ? (
    <Suspense fallback={null}>
      <LoginScreen />
    </Suspense>
  ) : (
    <ProvinceGate />
  );
}

/**
 * Then the province the data is about (GET /api/config): its name, extent and dates. The URL is
 * read with its dates, and the map renders once it is here.
 */
function ProvinceGate() {
  const [attempt, setAttempt] = useState(0);
  const [config, setConfig] = useState<Config | null>(null);
  useEffect(
    () =>
      loadProvince((c) => {
        startFromUrl(c.province);
        setConfig(c);
      }),
    [attempt],
  );
  if (provinceError.value || !province.value || !config) {
    return <LoadState error={provinceError.value} pending={!province.value} retry={() => setAttempt(attempt + 1)} />;
  }
  return <MapApp config={config} />;
}

function MapApp({ config }: { config: Config }) {
  // Before the map is made (its effect runs after this one), so the data is on its way meanwhile.
  useLayoutEffect(() => {
    const stops = [
      startLoading({ shapesOf: shownSet.peek(), config }),
      // The shapes of the units on the map: the set shown, loaded again after a reload.
      effect(() => {
        const set = shownSet.value;
        if (!unitShapes.value[set]) ensureShapes(set);
      }),
      // The zones' shapes, once their layer is shown (the investors' view, or turned on).
      effect(() => {
        if (layers.value.includes('zones') && !zoneShapes.value) ensureZoneShapes();
      }),
      startUrlSync(),
      effect(() => {
        document.documentElement.lang = lang.value;
        document.title = tp('appTitle', lang.value);
      }),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
  return (
    <>
      <SessionNotice />
      <div class="app" inert={printOpen.value}>
        <Header />
        <Timeline />
        <main class="stage">
          <MapView />
          {theProvince().synthetic && (
            <p class="synthetic-note" role="note" data-testid="synthetic-note">
              {t('syntheticData', lang.value)}
            </p>
          )}
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
        {help.value && (
          <Suspense fallback={null}>
            <HelpPage />
          </Suspense>
        )}
      </div>
      {printOpen.value && (
        <Suspense fallback={null}>
          <PrintView />
        </Suspense>
      )}
    </>
  );
}
