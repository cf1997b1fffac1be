import * as vscode from 'vscode';

// Placeholder: replaced by the extension adapters (foundation issue).
export function activate(_context: vscode.ExtensionContext) {
  return {};
}

export function deactivate() {}
