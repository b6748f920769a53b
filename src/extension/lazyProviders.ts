import * as vscode from 'vscode';

// Stand-ins that main.ts registers at activation, for providers that live in the deferred
// services bundle: each loads it on first use and then forwards to the real provider.

type Load<T> = () => Promise<T>;

/** A tree whose provider arrives with the services bundle: the view's first getChildren loads it. */
export class LazyTree implements vscode.TreeDataProvider<unknown>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<unknown>();
  readonly onDidChangeTreeData = this.changed.event;
  private real: vscode.TreeDataProvider<unknown> | undefined;
  private subscription: vscode.Disposable | undefined;

  constructor(private readonly load: Load<vscode.TreeDataProvider<unknown>>) {}

  /** Called once the services are up: from now on everything goes straight to `real`. */
  attach(real: vscode.TreeDataProvider<unknown>): void {
    this.real = real;
    this.subscription = real.onDidChangeTreeData?.((e) => this.changed.fire(e));
    this.changed.fire(undefined);
  }

  async getChildren(element?: unknown): Promise<unknown[] | undefined | null> {
    const real = this.real ?? (await this.load());
    return real.getChildren(element);
  }

  async getTreeItem(element: unknown): Promise<vscode.TreeItem> {
    const real = this.real ?? (await this.load());
    return real.getTreeItem(element);
  }

  getParent(element: unknown): vscode.ProviderResult<unknown> {
    return this.real?.getParent?.(element);
  }

  /** Tooltips built on hover (VS Code asks only once an item is pointed at). */
  resolveTreeItem(item: vscode.TreeItem, element: unknown, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return this.real?.resolveTreeItem ? this.real.resolveTreeItem(item, element, token) : item;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

export class LazyCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private subscription: vscode.Disposable | undefined;
  private real: vscode.CodeLensProvider | undefined;

  constructor(private readonly load: Load<vscode.CodeLensProvider>) {}

  attach(real: vscode.CodeLensProvider): void {
    this.real = real;
    this.subscription = real.onDidChangeCodeLenses?.(() => this.changed.fire());
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[] | undefined | null> {
    const real = this.real ?? (await this.load());
    return real.provideCodeLenses(document, token);
  }

  async resolveCodeLens(lens: vscode.CodeLens, token: vscode.CancellationToken): Promise<vscode.CodeLens | undefined | null> {
    const real = this.real ?? (await this.load());
    return real.resolveCodeLens ? real.resolveCodeLens(lens, token) : lens;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

export class LazyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private subscription: vscode.Disposable | undefined;

  constructor(private readonly load: Load<vscode.TextDocumentContentProvider>) {}

  attach(real: vscode.TextDocumentContentProvider): void {
    this.subscription = real.onDidChange?.((uri) => this.changed.fire(uri));
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string | undefined | null> {
    return (await this.load()).provideTextDocumentContent(uri, token);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
