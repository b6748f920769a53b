// The diff panel's browser code. The panel itself arrives with the editor-experience
// work; this entry keeps the bundle, its CSP and its build honest from day one.
import '@vscode-elements/elements/dist/vscode-badge/index.js';

const root = document.getElementById('root');
if (root) root.textContent = 'Driftline diff';
