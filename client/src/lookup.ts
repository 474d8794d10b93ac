// "HCPCS: Look up code…": a quick pick searching the server's hcpcs/lookup as you type, with the
// status on a date you can change; Enter inserts the code (or copies it with no editor open); the
// item buttons copy it or open its card (a Markdown preview of hcpcs/codeCard).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CODE_CARD_REQUEST, GUIDANCE_REQUEST, LOOKUP_REQUEST, type GuidanceResult, type CodeCardResult, type LookupItem, type LookupResult } from '../../server/src/protocol';

const COPY = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy the code' };
const CARD = { iconPath: new vscode.ThemeIcon('preview'), tooltip: 'Open its card' };
const DATE = { iconPath: new vscode.ThemeIcon('calendar'), tooltip: 'Change the date of service' };

type Item = vscode.QuickPickItem & { code?: string };

function toItem(i: LookupItem): Item {
  return {
    label: i.code,
    description: `${i.short} — ${i.statusText}`,
    detail: [i.long, i.unit].filter(Boolean).join(' · '),
    code: i.code,
    buttons: [COPY, CARD],
  };
}

async function preview(markdown: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}

export async function openCard(client: LanguageClient, code: string, date?: string): Promise<void> {
  const { markdown } = await client.sendRequest<CodeCardResult>(CODE_CARD_REQUEST, { code, date });
  if (markdown) await preview(markdown);
}

/** the card's "Full guidance" link */
export async function openGuidance(client: LanguageClient, code: string): Promise<void> {
  const { markdown } = await client.sendRequest<GuidanceResult>(GUIDANCE_REQUEST, { code });
  if (markdown) await preview(markdown);
  else vscode.window.showInformationMessage(`HCPCS: no guidance for ${code}.`);
}

async function copy(code: string): Promise<void> {
  await vscode.env.clipboard.writeText(code);
  vscode.window.setStatusBarMessage(`HCPCS: ${code} copied`, 3000);
}

/** `initial`: text to search at once (tests and the command's argument) */
export function lookupCommand(client: () => LanguageClient | undefined) {
  return async (initial?: string): Promise<void> => {
    const lsp = client();
    if (!lsp) return;
    const pick = vscode.window.createQuickPick<Item>();
    pick.placeholder = 'A code (J7500), its start (J75), a drug (tacrolimus) or descriptor words';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.buttons = [DATE];
    let date: string | undefined;
    let asked = 0;
    let askingDate = false; // the date box hides the pick for a moment: keep it
    const search = async (query: string) => {
      const mine = ++asked;
      pick.busy = true;
      const result = await lsp.sendRequest<LookupResult>(LOOKUP_REQUEST, { query, date });
      if (mine !== asked) return; // a newer search is on its way
      pick.busy = false;
      date = result.date;
      pick.title = `Look up HCPCS code — status on ${result.date} (${result.release})`;
      pick.items = result.items.length ? result.items.map(toItem) : [{ label: result.message ?? 'No match', alwaysShow: true }];
    };
    pick.onDidChangeValue((v) => void search(v));
    pick.onDidTriggerButton(async () => {
      askingDate = true;
      const typed = await vscode.window.showInputBox({ title: 'Date of service', prompt: 'yyyy-mm-dd, MM/DD/YYYY or YYYYMMDD', value: date });
      askingDate = false;
      if (typed !== undefined) date = typed;
      pick.show();
      await search(pick.value);
    });
    pick.onDidTriggerItemButton(async ({ item, button }) => {
      if (!item.code) return;
      if (button === COPY) await copy(item.code);
      else await openCard(lsp, item.code, date);
    });
    pick.onDidAccept(async () => {
      const code = pick.selectedItems[0]?.code;
      if (!code) return;
      pick.hide();
      const editor = vscode.window.activeTextEditor;
      if (editor) await editor.edit((e) => editor.selections.forEach((s) => e.replace(s, code)));
      else await copy(code);
    });
    pick.onDidHide(() => {
      if (!askingDate) pick.dispose();
    });
    pick.value = typeof initial === 'string' ? initial : '';
    pick.show();
    await search(pick.value);
  };
}
