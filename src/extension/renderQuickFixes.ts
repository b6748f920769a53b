import * as vscode from 'vscode';

/**
 * Quick fixes for render errors where the fix is obvious: a misspelled field
 * ("did you mean …?") is renamed, and a YAML 1.1 boolean that should be a
 * string is quoted.
 */
export class RenderQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'driftline') continue;
      const rename = /unknown field "([^"]+)".*did you mean "([^"]+)"\?/.exec(diagnostic.message);
      if (rename?.[1] && rename[2]) {
        const fix = replaceOnLine(document, diagnostic.range.start.line, rename[1], rename[2], `Rename to "${rename[2]}"`);
        if (fix) actions.push(withDiagnostic(fix, diagnostic));
      }
      const quote = /quote it: ("[^"]*")/.exec(diagnostic.message);
      if (quote?.[1]) {
        const bare = quote[1].slice(1, -1);
        const fix = replaceOnLine(document, diagnostic.range.start.line, bare, quote[1], `Quote as ${quote[1]}`, true);
        if (fix) actions.push(withDiagnostic(fix, diagnostic));
      }
    }
    return actions;
  }
}

function replaceOnLine(document: vscode.TextDocument, line: number, from: string, to: string, title: string, last = false): vscode.CodeAction | undefined {
  if (line >= document.lineCount) return undefined;
  const text = document.lineAt(line).text;
  const at = last ? text.lastIndexOf(from) : text.indexOf(from);
  if (at < 0) return undefined;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, new vscode.Range(line, at, line, at + from.length), to);
  action.isPreferred = true;
  return action;
}

function withDiagnostic(action: vscode.CodeAction, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  action.diagnostics = [diagnostic];
  return action;
}
