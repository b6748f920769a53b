// The diff panel's browser code: a resource list (VS Code Elements) and a Monaco diff
// editor. It talks to the host only through the typed protocol in src/shared/.
import './styleNonce';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import './style.css';
import { parsePersistedState, type HostMessage, type PanelSnapshot, type ResourceFilter } from '../src/shared/diffPanelProtocol';
import { vscode } from './vscodeApi';
import { installMonacoWorker } from './monacoWorker';
import { followWorkbenchTheme } from './monacoTheme';
import { DiffView } from './diffView';
import { ResourceList } from './resourceList';
import { Toolbar } from './toolbar';

// A CSP refusal is otherwise silent in the panel: name it in the webview console (and so in
// the e2e test's log) so a policy too strict for Monaco shows up as an error, not a blank pane.
document.addEventListener('securitypolicyviolation', (e) => {
  console.error(`Driftline diff panel CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`);
});

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`diff panel markup lacks #${id}`);
  return el as T;
}

const root = element('root');
const overlay = root.dataset['overlay'] ?? '';
installMonacoWorker(root.dataset['worker'] ?? '');
const restored = parsePersistedState(vscode.getState());
let filter: ResourceFilter = restored?.overlay === overlay ? restored.filter : 'outOfSync';

const diff = new DiffView(element('diff-editor'));
followWorkbenchTheme(document.body);
const diffTitle = element('diff-title');

const toolbar = new Toolbar(filter, {
  filter: (next) => {
    filter = next;
    list.setFilter(next);
    save();
  },
  refresh: () => vscode.postMessage({ type: 'refresh' }),
  syncAll: () => vscode.postMessage({ type: 'syncAll' }),
  syncSelected: () => vscode.postMessage({ type: 'syncSelected', keys: list.checked }),
  openNativeDiff: () => {
    if (list.selected) vscode.postMessage({ type: 'openNativeDiff', key: list.selected });
  },
});

const list = new ResourceList(element('resource-rows'), element('empty-note'), filter, {
  select: (key) => {
    showDiffTitle();
    toolbar.setSelection(key !== undefined, list.checked.length);
    if (key) vscode.postMessage({ type: 'select', key });
    else diff.clear();
    save();
  },
  checked: (keys) => toolbar.setSelection(list.selected !== undefined, keys.length),
});
if (restored?.overlay === overlay && restored.selected) list.select(restored.selected);
// Saved at once, not only on the first click: the state names what the panel shows, and a panel
// nobody clicked in must come back after a reload too.
save();

function showDiffTitle(): void {
  const row = list.row(list.selected);
  diffTitle.textContent = row ? `${row.kind} ${row.namespace ? `${row.namespace}/` : ''}${row.name}` : 'Nothing selected';
}

function save(): void {
  vscode.setState({ overlay, selected: list.selected, filter });
}

function showSnapshot(snapshot: PanelSnapshot): void {
  const compare = snapshot.compare;
  element('app-title').textContent = snapshot.title;
  element('app-context').textContent = compare ? `${compare.left} ↔ ${compare.right}` : snapshot.context ? `⎈ ${snapshot.context}` : 'not connected';
  element('diff-sides').textContent = compare ? `${compare.left} ↔ ${compare.right}` : 'Git (desired) ↔ Live';
  toolbar.setComparing(compare !== undefined);
  element('last-column').textContent = compare ? 'Fields' : 'Health';
  element('stale-note').hidden = !snapshot.stale;
  const errors = element('render-errors');
  errors.hidden = snapshot.errors.length === 0;
  errors.textContent = snapshot.errors.join('\n');
  list.update(snapshot.resources, compare !== undefined);
  showDiffTitle();
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'snapshot':
      showSnapshot(message.snapshot);
      break;
    case 'diff':
      if (message.key === list.selected) diff.show(message.desired, message.live);
      break;
    case 'focus':
      list.select(message.key, true);
      break;
    case 'busy':
      toolbar.setBusy(message.busy);
      break;
  }
});

save();
vscode.postMessage({ type: 'ready' });
