import type { ResourceFilter, ResourceRow } from '../src/shared/diffPanelProtocol';

export interface ResourceListEvents {
  /** The user picked a row (click, Enter or Space), or the selection moved because the filter hid it. */
  select(key: string | undefined): void;
  /** The set of checked rows (for Sync Selected) changed. */
  checked(keys: readonly string[]): void;
}

type Checkbox = HTMLElement & { checked: boolean };

/**
 * The app's resources as a vscode-table: a checkbox for Sync Selected, the resource, and
 * status and health badges. Rows are focusable; Enter/Space select, arrows move.
 */
export class ResourceList {
  private rows: readonly ResourceRow[] = [];
  private selectedKey: string | undefined;
  private readonly checkedKeys = new Set<string>();
  /** Comparing two commits: no sync selection, and the last column counts changed fields. */
  private comparing = false;

  constructor(
    private readonly body: HTMLElement,
    private readonly emptyNote: HTMLElement,
    private filter: ResourceFilter,
    private readonly events: ResourceListEvents,
  ) {
    body.addEventListener('keydown', (e) => this.onKey(e));
  }

  get selected(): string | undefined {
    return this.selectedKey;
  }

  get checked(): readonly string[] {
    return this.rows.filter((r) => this.checkedKeys.has(r.key)).map((r) => r.key);
  }

  row(key: string | undefined): ResourceRow | undefined {
    return this.rows.find((r) => r.key === key);
  }

  update(rows: readonly ResourceRow[], comparing = false): void {
    this.rows = rows;
    this.comparing = comparing;
    const known = new Set(rows.map((r) => r.key));
    for (const key of this.checkedKeys) if (!known.has(key)) this.checkedKeys.delete(key);
    this.render();
  }

  setFilter(filter: ResourceFilter): void {
    this.filter = filter;
    this.render();
  }

  /** Selects `key` if it is listed; `focus` moves keyboard focus to its row too. */
  select(key: string | undefined, focus = false): void {
    const changed = key !== this.selectedKey;
    this.selectedKey = key;
    for (const el of this.rowElements()) el.setAttribute('aria-selected', String(el.dataset['key'] === key));
    if (focus) this.rowElements().find((el) => el.dataset['key'] === key)?.focus();
    if (changed) this.events.select(key);
  }

  private visible(): readonly ResourceRow[] {
    return this.filter === 'all' ? this.rows : this.rows.filter((r) => r.status !== 'Synced' && r.status !== 'Unchanged');
  }

  private rowElements(): HTMLElement[] {
    return Array.from(this.body.querySelectorAll<HTMLElement>('.resource-row'));
  }

  private render(): void {
    const focusedKey = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.resource-row')?.dataset['key'];
    const visible = this.visible();
    this.body.replaceChildren(...visible.map((r) => this.rowElement(r)));
    this.emptyNote.hidden = visible.length > 0;
    const same = this.comparing ? 'Both commits render the same.' : 'Everything is in sync.';
    this.emptyNote.textContent = this.rows.length === 0 ? 'No resources rendered for this app.' : `${same} Choose “All” to browse every resource.`;
    if (focusedKey) this.rowElements().find((el) => el.dataset['key'] === focusedKey)?.focus();
    // Keep a selection while there is something to show: the diff follows it.
    const keep = visible.some((r) => r.key === this.selectedKey);
    this.select(keep ? this.selectedKey : visible[0]?.key);
    this.events.checked(this.checked);
  }

  private rowElement(r: ResourceRow): HTMLElement {
    const row = document.createElement('vscode-table-row');
    row.className = 'resource-row';
    row.dataset['key'] = r.key;
    row.tabIndex = 0;
    row.setAttribute('aria-selected', String(r.key === this.selectedKey));
    row.title = r.changedPaths.length > 0 ? `${this.comparing ? 'Changed' : 'Drifted'}: ${r.changedPaths.join(', ')}` : r.status;
    if (this.comparing) {
      row.append(cell(document.createElement('span')), cell(this.label(r)), cell(badge(r.status, `status status-${r.status}`)), cell(fieldCount(r)));
      row.addEventListener('click', () => this.select(r.key));
      return row;
    }

    const checkbox = document.createElement('vscode-checkbox') as Checkbox;
    checkbox.checked = this.checkedKeys.has(r.key);
    checkbox.setAttribute('aria-label', `Select ${r.kind} ${r.name} for Sync Selected`);
    // The checkbox toggles sync selection only; it must not also move the diff.
    checkbox.addEventListener('click', (e) => e.stopPropagation());
    checkbox.addEventListener('keydown', (e) => e.stopPropagation());
    checkbox.addEventListener('change', () => {
      if (checkbox.checked) this.checkedKeys.add(r.key);
      else this.checkedKeys.delete(r.key);
      this.events.checked(this.checked);
    });

    row.append(
      cell(checkbox),
      cell(this.label(r)),
      cell(badge(r.status, `status status-${r.status}`)),
      cell(r.health ? badge(r.health.status, `health health-${r.health.status}`, r.health.message) : dash()),
    );
    row.addEventListener('click', () => this.select(r.key));
    return row;
  }

  /** Name first, so a narrow column truncates the kind and namespace rather than the name. */
  private label(r: ResourceRow): HTMLElement {
    const name = document.createElement('span');
    name.className = 'resource-name';
    name.textContent = r.name;
    const kind = document.createElement('span');
    kind.className = 'resource-kind';
    kind.textContent = r.namespace ? `${r.kind} · ${r.namespace}` : r.kind;
    const label = document.createElement('span');
    label.append(name, ' ', kind);
    return label;
  }

  private onKey(e: KeyboardEvent): void {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.resource-row');
    if (!row) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.select(row.dataset['key'], true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const rows = this.rowElements();
      rows[rows.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  }
}

function cell(content: Node): HTMLElement {
  const el = document.createElement('vscode-table-cell');
  el.append(content);
  return el;
}

function badge(text: string, className: string, title?: string): HTMLElement {
  const el = document.createElement('vscode-badge');
  el.className = className;
  el.textContent = text;
  if (title) el.title = title;
  return el;
}

function fieldCount(r: ResourceRow): HTMLElement {
  const el = document.createElement('span');
  el.className = 'field-count';
  el.textContent = r.status === 'Changed' ? `${r.changedPaths.length} field${r.changedPaths.length === 1 ? '' : 's'}` : '';
  return el;
}

function dash(): HTMLElement {
  const el = document.createElement('span');
  el.className = 'no-health';
  el.textContent = '—';
  el.title = 'This kind has no health check';
  return el;
}
