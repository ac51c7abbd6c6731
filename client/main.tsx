import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import { render } from 'preact';
import { App } from './ui/app.tsx';
import './styles.css';

render(<App />, document.getElementById('app')!);
