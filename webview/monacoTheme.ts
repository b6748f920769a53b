import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';

type MonacoBase = 'vs' | 'vs-dark' | 'hc-black' | 'hc-light';

// VS Code sets a body class per theme kind and exposes every theme colour as a CSS
// variable; Monaco wants a theme object of hex colours. Map the ones a diff shows.
const colorVariables: Record<string, string> = {
  'editor.background': '--vscode-editor-background',
  'editor.foreground': '--vscode-editor-foreground',
  'editorLineNumber.foreground': '--vscode-editorLineNumber-foreground',
  'editor.selectionBackground': '--vscode-editor-selectionBackground',
  'editorGutter.background': '--vscode-editorGutter-background',
  'diffEditor.insertedTextBackground': '--vscode-diffEditor-insertedTextBackground',
  'diffEditor.removedTextBackground': '--vscode-diffEditor-removedTextBackground',
  'diffEditor.insertedLineBackground': '--vscode-diffEditor-insertedLineBackground',
  'diffEditor.removedLineBackground': '--vscode-diffEditor-removedLineBackground',
  'diffEditor.border': '--vscode-diffEditor-border',
  'scrollbarSlider.background': '--vscode-scrollbarSlider-background',
  'scrollbarSlider.hoverBackground': '--vscode-scrollbarSlider-hoverBackground',
};

export function monacoBase(body: HTMLElement): MonacoBase {
  if (body.classList.contains('vscode-high-contrast-light')) return 'hc-light';
  if (body.classList.contains('vscode-high-contrast')) return 'hc-black';
  return body.classList.contains('vscode-light') ? 'vs' : 'vs-dark';
}

/** Defines and applies a Monaco theme from the workbench's current colours. */
export function applyWorkbenchTheme(body: HTMLElement): void {
  const style = getComputedStyle(body);
  const colors: Record<string, string> = {};
  for (const [id, variable] of Object.entries(colorVariables)) {
    const value = style.getPropertyValue(variable).trim();
    // Monaco accepts hex only; rgba()/named values keep the base theme's colour.
    if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value)) colors[id] = value;
  }
  monaco.editor.defineTheme('driftline', { base: monacoBase(body), inherit: true, rules: [], colors });
  monaco.editor.setTheme('driftline');
}

/** Re-themes whenever VS Code swaps the body's theme class (the user changed theme). */
export function followWorkbenchTheme(body: HTMLElement): { dispose(): void } {
  applyWorkbenchTheme(body);
  const observer = new MutationObserver(() => applyWorkbenchTheme(body));
  observer.observe(body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
  return { dispose: () => observer.disconnect() };
}
