import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
// The diff editor's gutter and unchanged-region widgets draw codicons; editor.api alone lacks the font.
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';

/** The read-only Monaco diff editor: original = desired (Git, rendered), modified = live. */
export class DiffView {
  private readonly editor: monaco.editor.IStandaloneDiffEditor;
  private readonly original = monaco.editor.createModel('', 'yaml');
  private readonly modified = monaco.editor.createModel('', 'yaml');

  constructor(container: HTMLElement) {
    const style = getComputedStyle(document.body);
    const fontSize = Number.parseFloat(style.getPropertyValue('--vscode-editor-font-size'));
    this.editor = monaco.editor.createDiffEditor(container, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      // Side by side (Git | Live) down to a narrower pane than Monaco's default 900 px; inline below that.
      useInlineViewWhenSpaceIsLimited: true,
      renderSideBySideInlineBreakpoint: 640,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderOverviewRuler: true,
      ariaLabel: 'Desired (Git) versus live',
      fontFamily: style.getPropertyValue('--vscode-editor-font-family').trim() || undefined,
      fontSize: Number.isFinite(fontSize) ? fontSize : undefined,
    });
    this.editor.setModel({ original: this.original, modified: this.modified });
  }

  show(desired: string, live: string): void {
    // Same text again (a refresh with no change) keeps the scroll position.
    if (this.original.getValue() !== desired) this.original.setValue(desired);
    if (this.modified.getValue() !== live) this.modified.setValue(live);
  }

  clear(): void {
    this.show('', '');
  }

  dispose(): void {
    this.editor.dispose();
    this.original.dispose();
    this.modified.dispose();
  }
}
