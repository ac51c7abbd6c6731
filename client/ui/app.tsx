import { effect } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { MapView } from '../map/map-view.tsx';
import { startLoading } from '../state/data.ts';
import { lang, view } from '../state/ui-state.ts';
import { startUrlSync } from '../state/url-sync.ts';
import { Header } from './header.tsx';
import { HelpPage } from './help-page.tsx';
import { t } from './i18n.ts';
import { LegendPanel } from './legend-panel.tsx';
import { LoadStatus } from './load-status.tsx';
import { SidePanel } from './side-panel.tsx';
import { StartScreen } from './start-screen.tsx';
import { Timeline } from './timeline.tsx';
import { Tooltip } from './tooltip.tsx';

export function App() {
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
    <div class="app">
      <Header />
      <Timeline />
      <main class="stage">
        <MapView />
        <Tooltip />
        <LegendPanel />
        <SidePanel />
        <LoadStatus />
        {view.value === 'start' && <StartScreen />}
      </main>
      <HelpPage />
    </div>
  );
}
