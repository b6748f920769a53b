import type { ResourceFilter } from '../src/shared/diffPanelProtocol';

export interface ToolbarActions {
  filter(next: ResourceFilter): void;
  refresh(): void;
  syncAll(): void;
  syncSelected(): void;
  openNativeDiff(): void;
}

type Button = HTMLElement & { disabled: boolean };
type Radio = HTMLElement & { checked: boolean; value: string };

/** The filter radio group and the four buttons; their markup is in the host's HTML. */
export class Toolbar {
  private readonly syncSelected = button('sync-selected');
  private readonly syncAll = button('sync-all');
  private readonly refresh = button('refresh');
  private readonly nativeDiff = button('open-native-diff');
  private readonly busy = document.getElementById('busy');
  private hasSelection = false;
  private checkedCount = 0;
  private working = false;
  private comparing = false;

  constructor(filter: ResourceFilter, actions: ToolbarActions) {
    const radios = Array.from(document.querySelectorAll<Radio>('vscode-radio[name="filter"]'));
    for (const radio of radios) radio.checked = radio.value === filter;
    document.getElementById('filter')?.addEventListener('change', () => {
      const chosen = radios.find((r) => r.checked)?.value;
      if (chosen === 'all' || chosen === 'outOfSync') actions.filter(chosen);
    });
    this.syncSelected.addEventListener('click', () => actions.syncSelected());
    this.syncAll.addEventListener('click', () => actions.syncAll());
    this.refresh.addEventListener('click', () => actions.refresh());
    this.nativeDiff.addEventListener('click', () => actions.openNativeDiff());
    this.apply();
  }

  setSelection(hasSelection: boolean, checkedCount: number): void {
    this.hasSelection = hasSelection;
    this.checkedCount = checkedCount;
    this.apply();
  }

  /** Comparing two commits' renders: nothing to sync, refresh or open natively; only the filter stays. */
  setComparing(comparing: boolean): void {
    this.comparing = comparing;
    for (const b of [this.syncSelected, this.syncAll, this.refresh, this.nativeDiff]) b.hidden = comparing;
    const narrow = document.querySelector<Radio>('vscode-radio[name="filter"][value="outOfSync"]');
    if (narrow) {
      const text = comparing ? 'Changed only' : 'Out of sync only';
      narrow.textContent = text;
      narrow.setAttribute('label', text);
    }
    this.apply();
  }

  setBusy(busy: boolean): void {
    this.working = busy;
    this.apply();
  }

  private apply(): void {
    this.syncSelected.disabled = this.comparing || this.working || this.checkedCount === 0;
    this.syncSelected.textContent = this.checkedCount > 0 ? `Sync Selected (${this.checkedCount})` : 'Sync Selected';
    this.syncAll.disabled = this.comparing || this.working;
    this.refresh.disabled = this.working;
    this.nativeDiff.disabled = !this.hasSelection;
    if (this.busy) this.busy.hidden = !this.working;
  }
}

function button(id: string): Button {
  const el = document.getElementById(id);
  if (!el) throw new Error(`diff panel markup lacks #${id}`);
  return el as Button;
}
