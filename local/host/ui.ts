/**
 * The Ui a script reaches through SpreadsheetApp.getUi(): custom menus, alerts, prompts, dialogs.
 *
 * Reference: https://developers.google.com/apps-script/reference/base/ui and
 * https://developers.google.com/apps-script/guides/menus (menus added from onOpen).
 *
 * Host side (`UiHost`): records every menu added to the UI (caption -> items with caption and function
 * name), every alert and prompt shown, and answers them from a queue the test scripts.
 * While an alert or prompt is open the script waits for the user: the host releases the execution's
 * locks (DESIGN §4, "Dialogs release locks") and runs the answer's `during` callback, in which a test
 * lets other users act (edit, click a menu) before the answer comes back.
 * ASSUMPTION: with nothing scripted, an alert or prompt is answered with the affirmative button of its
 * button set (OK for OK / OK_CANCEL, YES for YES_NO / YES_NO_CANCEL) and an empty response text.
 */
import type { HostRuntime } from './runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from './strict';
import { enumName, makeEnum, signatureError, type EnumOf, type EnumValue } from './services/common';

type RealUi = GoogleAppsScript.Base.Ui;
type RealMenu = GoogleAppsScript.Base.Menu;
type RealPromptResponse = GoogleAppsScript.Base.PromptResponse;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export const Button: EnumOf<ButtonName> = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet: EnumOf<ButtonSetName> = makeEnum([
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
] as const);

/** Buttons each set shows; CLOSE (the dialog's X) is always possible. */
const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  caption: string;
  items: MenuEntry[];
}

export interface ShownDialog {
  kind: 'alert' | 'prompt';
  title?: string;
  prompt: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  responseText?: string;
  executionId?: number;
  atMs: number;
}

export interface ShownHtml {
  kind: 'modalDialog' | 'modelessDialog' | 'sidebar';
  title?: string;
  content?: string;
  executionId?: number;
}

export interface ScriptedAnswer {
  button?: ButtonName;
  text?: string;
  /** Runs while the dialog is open, before the answer returns (other users' edits and clicks). */
  during?: () => void;
}

/** Host-side state of the Ui: what the script showed, and the answers the test queued. */
export class UiHost {
  readonly menus = new Map<string, MenuRecord>();
  readonly shown: ShownDialog[] = [];
  readonly html: ShownHtml[] = [];
  private readonly answers: ScriptedAnswer[] = [];
  /** Set by LocalHost: what happens to the execution when a dialog opens (its locks are released). */
  onDialogOpen?: (executionId: number | undefined) => void;

  constructor(private readonly rt: HostRuntime) {}

  /**
   * Queues the answer for the next alert or prompt; `during` runs while that dialog is open, before
   * the answer returns.
   */
  answer(answer: ScriptedAnswer | ButtonName, during?: () => void): this {
    const scripted: ScriptedAnswer =
      typeof answer === 'string' ? { button: answer } : { ...answer };
    if (during) scripted.during = during;
    this.answers.push(scripted);
    return this;
  }

  pendingAnswers(): number {
    return this.answers.length;
  }

  /** Every menu item reachable from the UI, with its path ("Thi đua > Giới thiệu"). */
  menuItems(): Array<{ path: string; caption: string; functionName: string }> {
    const out: Array<{ path: string; caption: string; functionName: string }> = [];
    const walk = (menu: MenuRecord, prefix: string): void => {
      for (const entry of menu.items) {
        if (entry.type === 'item') {
          out.push({
            path: `${prefix} > ${entry.caption}`,
            caption: entry.caption,
            functionName: entry.functionName,
          });
        } else if (entry.type === 'submenu') {
          walk(entry.menu, `${prefix} > ${entry.menu.caption}`);
        }
      }
    };
    for (const menu of this.menus.values()) walk(menu, menu.caption);
    return out;
  }

  /** The fake handed to the script (through SpreadsheetApp.getUi()). */
  createUi(): RealUi {
    return strict(new UiFake(this.rt, this), 'Ui') as unknown as RealUi;
  }

  /** @internal used by the fakes */
  nextAnswer(buttons: ButtonSetName): ScriptedAnswer {
    const scripted = this.answers.shift();
    const allowed = BUTTONS_OF[buttons];
    const fallback = allowed[0] as ButtonName;
    if (!scripted) return { button: fallback, text: '' };
    const button = scripted.button ?? fallback;
    const during = scripted.during;
    if (button !== 'CLOSE' && !allowed.includes(button)) {
      // A mistake in the test, not in the script: fail loudly in host terms.
      throw new Error(
        `thidua local host: scripted answer ${button} is not a button of ButtonSet.${buttons}`,
      );
    }
    const out: ScriptedAnswer = { button, text: scripted.text ?? '' };
    if (during) out.during = during;
    return out;
  }
}

class MenuFake implements FakeOf<RealMenu> {
  private readonly record: MenuRecord;

  constructor(
    private readonly rt: HostRuntime,
    private readonly host: UiHost,
    caption: string,
  ) {
    this.record = { caption, items: [] };
  }

  addItem(caption: string, functionName: string): RealMenu {
    this.rt.call('Menu.addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError(this.rt, 'Menu.addItem', [caption, functionName]);
    }
    this.record.items.push({ type: 'item', caption, functionName });
    return this.self();
  }

  addSeparator(): RealMenu {
    this.rt.call('Menu.addSeparator');
    this.record.items.push({ type: 'separator' });
    return this.self();
  }

  addSubMenu(menu: RealMenu): RealMenu {
    this.rt.call('Menu.addSubMenu');
    const sub = menus.get(menu);
    if (!sub) throw signatureError(this.rt, 'Menu.addSubMenu', [menu]);
    this.record.items.push({ type: 'submenu', menu: sub.record });
    return this.self();
  }

  addToUi(): void {
    this.rt.call('Menu.addToUi');
    // Adding a menu with the caption of an existing one replaces it (onOpen runs on every open).
    this.host.menus.set(this.record.caption, this.record);
  }

  private self(): RealMenu {
    // Called through the strict proxy, `this` is the proxy already.
    return (proxies.get(this) ?? this) as unknown as RealMenu;
  }
}

/** Fake Menu objects by the proxy handed to the script, and back. */
const menus = new WeakMap<object, MenuFake>();
const proxies = new WeakMap<MenuFake, object>();

class PromptResponseFake implements FakeOf<RealPromptResponse> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly text: string,
    private readonly button: EnumValue,
  ) {}

  getResponseText(): string {
    this.rt.call('PromptResponse.getResponseText');
    return this.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    this.rt.call('PromptResponse.getSelectedButton');
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }
}

class UiFake implements FakeOf<RealUi> {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly rt: HostRuntime,
    private readonly host: UiHost,
  ) {}

  createMenu(caption: string): RealMenu {
    this.rt.call('Ui.createMenu');
    if (typeof caption !== 'string') throw signatureError(this.rt, 'Ui.createMenu', [caption]);
    const fake = new MenuFake(this.rt, this.host, caption);
    const proxy = strict(fake, 'Menu');
    menus.set(proxy, fake);
    proxies.set(fake, proxy);
    return proxy;
  }

  alert(
    titleOrPrompt: string,
    promptOrButtons?: string | GoogleAppsScript.Base.ButtonSet,
    buttons?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button {
    this.rt.call('Ui.alert');
    const shown = this.show('alert', 'Ui.alert', [titleOrPrompt, promptOrButtons, buttons]);
    return Button[shown.answer] as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(
    titleOrPrompt: string,
    promptOrButtons?: string | GoogleAppsScript.Base.ButtonSet,
    buttons?: GoogleAppsScript.Base.ButtonSet,
  ): RealPromptResponse {
    this.rt.call('Ui.prompt');
    const shown = this.show('prompt', 'Ui.prompt', [titleOrPrompt, promptOrButtons, buttons]);
    return strict(
      new PromptResponseFake(this.rt, shown.responseText ?? '', Button[shown.answer]),
      'PromptResponse',
    );
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.rt.call('Ui.showModalDialog');
    this.recordHtml('modalDialog', userInterface, title);
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.rt.call('Ui.showModelessDialog');
    this.recordHtml('modelessDialog', userInterface, title);
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.rt.call('Ui.showSidebar');
    this.recordHtml('sidebar', userInterface);
  }

  private recordHtml(kind: ShownHtml['kind'], output: HtmlOutput, title?: string): void {
    let content: string | undefined;
    const getContent = (output as { getContent?: unknown } | null)?.getContent;
    if (typeof getContent === 'function') {
      content = this.rt.uncounted(() => String((getContent as () => unknown).call(output)));
    }
    this.host.html.push({ kind, title, content, executionId: this.rt.current?.id });
  }

  /** The three overloads: (prompt), (prompt, buttons), (title, prompt, buttons). */
  private show(kind: 'alert' | 'prompt', method: string, args: unknown[]): ShownDialog {
    const [a, b, c] = args;
    let title: string | undefined;
    let prompt: string;
    let set: unknown = ButtonSet.OK;
    if (typeof a === 'string' && b === undefined && c === undefined) {
      prompt = a;
    } else if (typeof a === 'string' && enumName(ButtonSet, b) && c === undefined) {
      prompt = a;
      set = b;
    } else if (typeof a === 'string' && typeof b === 'string' && enumName(ButtonSet, c)) {
      title = a;
      prompt = b;
      set = c;
    } else {
      throw signatureError(
        this.rt,
        method,
        args.filter((x) => x !== undefined),
      );
    }
    const buttons = enumName(ButtonSet, set) as ButtonSetName;
    const answer = this.host.nextAnswer(buttons);
    const exec = this.rt.current;
    const shown: ShownDialog = {
      kind,
      title,
      prompt,
      buttons,
      answer: answer.button as ButtonName,
      responseText: kind === 'prompt' ? answer.text : undefined,
      executionId: exec?.id,
      atMs: this.rt.nowMs,
    };
    this.host.shown.push(shown);
    // The script is suspended while the user reads: its locks go, and others may act meanwhile.
    this.host.onDialogOpen?.(exec?.id);
    if (answer.during) {
      answer.during();
      // The callback's executions ended; this one resumes (LocalHost.run restores the outer state too).
      this.rt.current = exec;
    }
    return shown;
  }
}

// Compile-time: the fakes expose no method Apps Script lacks.
export const uiChecks: [true, true, true] = [
  assertType<AssertNoExtraMethods<UiFake, RealUi>>(),
  assertType<AssertNoExtraMethods<MenuFake, RealMenu>>(),
  assertType<AssertNoExtraMethods<PromptResponseFake, RealPromptResponse>>(),
];
