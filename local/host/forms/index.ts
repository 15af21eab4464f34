/**
 * FormApp for the script (https://developers.google.com/apps-script/reference/forms/form-app),
 * and the respondents' side for tests: a person opening the form's link and submitting it.
 *
 * What the fakes keep from Google's reference:
 * - Form.setCollectEmail(collect): "Sets whether the form collects respondents' email addresses";
 *   FormResponse.getRespondentEmail() "Gets the email address of the person who submitted a
 *   response, if the Form.setCollectEmail(collect) setting is enabled" — otherwise '' here.
 *   The host keeps who answered only to enforce one response per account, and no method of the
 *   fakes returns it (https://developers.google.com/apps-script/reference/forms/form-response).
 * - Form.setLimitOneResponsePerUser(enabled): "Sets whether the form allows only one response per
 *   respondent … If the value is true, the script cannot submit form responses at all" and the
 *   respondent must sign in: an anonymous visitor is refused, and a second submission by the same
 *   account is refused ("You've already responded") (reference: form#setLimitOneResponsePerUser).
 * - Form.setAcceptingResponses(false) closes the form; a closed form refuses submissions
 *   ("This form is no longer accepting responses").
 * - openById of a form the user may not edit: "No item with the given ID could be found, or you do
 *   not have permission to access it." (ASSUMPTION: Google's wording for forms; the behaviour —
 *   only the form's editors open it — is the Drive sharing rule).
 * - Publishing (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms):
 *   "forms created by the API after June 30, 2026 will be created in an unpublished state. You must
 *   publish the forms before they can accept responses." Whether FormApp.create counts as "the
 *   API" is not stated, and @types/google-apps-script has no Form.setPublished: STRICTER READING,
 *   a form created after that date (on the host's clock) is unpublished until its owner publishes
 *   it in the Forms editor (`FormsHost.publish`, the person's click), and refuses responses until then.
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { requireAuthorization, signatureError } from '../services/common';
import type { DriveModel } from '../drive/model';
/** Accounts compare without case, as Google's do. */
const emailKey = (email: string): string => email.trim().toLowerCase();

type RealFormApp = GoogleAppsScript.Forms.FormApp;
type RealForm = GoogleAppsScript.Forms.Form;
type RealItem = GoogleAppsScript.Forms.Item;
type RealMultipleChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
type RealFormResponse = GoogleAppsScript.Forms.FormResponse;
type RealItemResponse = GoogleAppsScript.Forms.ItemResponse;

export const FORMS_SCOPE = 'https://www.googleapis.com/auth/forms';
export const FORM_MIME = 'application/vnd.google-apps.form';
/** After this instant, new forms are created unpublished (see the header). */
export const UNPUBLISHED_BY_DEFAULT_AFTER = Date.parse('2026-07-01T00:00:00Z');

export interface FormItemModel {
  id: number;
  title: string;
  helpText: string;
  choices: string[];
  required: boolean;
}

export interface FormResponseModel {
  id: string;
  timestampMs: number;
  /** Only when the form collected e-mails at the time of the response. */
  email: string;
  answers: Map<number, string>;
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  owner: string;
  editors: Set<string>;
  collectEmail: boolean;
  limitOne: boolean;
  allowEdits: boolean;
  respondAgainLink: boolean;
  accepting: boolean;
  published: boolean;
  items: FormItemModel[];
  responses: FormResponseModel[];
  /** Accounts that answered (host-only: never returned by a fake). */
  respondents: Set<string>;
}

export type RespondOutcome =
  | { ok: true }
  | {
      ok: false;
      reason: 'unpublished' | 'closed' | 'signInRequired' | 'alreadyResponded' | 'badChoice';
    };

/** The forms the scripts made, and what respondents do with them. */
export class FormsHost {
  readonly forms = new Map<string, FormModel>();
  private next = 1;

  constructor(
    private readonly rt: HostRuntime,
    private readonly drive?: DriveModel,
  ) {}

  create(title: string, owner: string): FormModel {
    const id = `form-${String(this.next++)}`;
    const form: FormModel = {
      id,
      title,
      description: '',
      owner,
      editors: new Set([emailKey(owner)]),
      collectEmail: false,
      limitOne: false,
      allowEdits: false,
      respondAgainLink: true,
      accepting: true,
      published: this.rt.nowMs <= UNPUBLISHED_BY_DEFAULT_AFTER,
      items: [],
      responses: [],
      respondents: new Set(),
    };
    this.forms.set(id, form);
    this.drive?.registerFile({ id, name: title, mimeType: FORM_MIME, owner });
    return form;
  }

  /** The owner clicks "Publish" in the Forms editor. */
  publish(user: string, formId: string): void {
    const form = this.forms.get(formId);
    if (!form || !form.editors.has(emailKey(user)))
      throw new Error(`${user} cannot publish ${formId}`);
    form.published = true;
  }

  /**
   * A person opens the form's link and submits it; `user` '' is an anonymous visitor. Answers
   * are by question title; an unanswered question is left out.
   */
  respond(user: string, formId: string, answers: Record<string, string>): RespondOutcome {
    const form = this.forms.get(formId);
    if (!form) throw new Error(`no form ${formId}`);
    if (!form.published) return { ok: false, reason: 'unpublished' };
    if (!form.accepting) return { ok: false, reason: 'closed' };
    const key = emailKey(user);
    if ((form.limitOne || form.collectEmail) && key === '')
      return { ok: false, reason: 'signInRequired' };
    if (form.limitOne && form.respondents.has(key))
      return { ok: false, reason: 'alreadyResponded' };
    const byTitle = new Map(form.items.map((i) => [i.title, i]));
    const stored = new Map<number, string>();
    for (const [title, value] of Object.entries(answers)) {
      const item = byTitle.get(title);
      if (!item || (item.choices.length > 0 && !item.choices.includes(value))) {
        return { ok: false, reason: 'badChoice' };
      }
      stored.set(item.id, value);
    }
    form.respondents.add(key);
    form.responses.push({
      id: `${formId}-r${String(form.responses.length + 1)}`,
      timestampMs: this.rt.nowMs,
      email: form.collectEmail ? user : '',
      answers: stored,
    });
    return { ok: true };
  }
}

const NO_ACCESS =
  'No item with the given ID could be found, or you do not have permission to access it.';

class ItemFake implements FakeOf<RealItem> {
  constructor(
    protected readonly rt: HostRuntime,
    protected readonly item: FormItemModel,
  ) {}
  getTitle(): string {
    this.rt.call('Item.getTitle');
    return this.item.title;
  }
  getId(): number {
    this.rt.call('Item.getId');
    return this.item.id;
  }
}

class MultipleChoiceItemFake implements FakeOf<RealMultipleChoiceItem> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly item: FormItemModel,
  ) {}
  private self(): RealMultipleChoiceItem {
    return strict(this, 'MultipleChoiceItem') as unknown as RealMultipleChoiceItem;
  }
  setTitle(title: string): RealMultipleChoiceItem {
    this.rt.call('MultipleChoiceItem.setTitle');
    this.item.title = String(title);
    return this.self();
  }
  setHelpText(text: string): RealMultipleChoiceItem {
    this.rt.call('MultipleChoiceItem.setHelpText');
    this.item.helpText = String(text);
    return this.self();
  }
  setChoiceValues(values: string[]): RealMultipleChoiceItem {
    this.rt.call('MultipleChoiceItem.setChoiceValues');
    if (!Array.isArray(values) || values.length === 0) {
      throw signatureError(this.rt, 'MultipleChoiceItem.setChoiceValues', [values]);
    }
    this.item.choices = values.map(String);
    return this.self();
  }
  setRequired(enabled: boolean): RealMultipleChoiceItem {
    this.rt.call('MultipleChoiceItem.setRequired');
    this.item.required = Boolean(enabled);
    return this.self();
  }
  getTitle(): string {
    this.rt.call('MultipleChoiceItem.getTitle');
    return this.item.title;
  }
}

class ItemResponseFake implements FakeOf<RealItemResponse> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly item: FormItemModel,
    private readonly value: string,
  ) {}
  getItem(): RealItem {
    this.rt.call('ItemResponse.getItem');
    return strict(new ItemFake(this.rt, this.item), 'Item') as unknown as RealItem;
  }
  getResponse(): string {
    this.rt.call('ItemResponse.getResponse');
    return this.value;
  }
}

class FormResponseFake implements FakeOf<RealFormResponse> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly form: FormModel,
    private readonly response: FormResponseModel,
  ) {}
  getRespondentEmail(): string {
    this.rt.call('FormResponse.getRespondentEmail');
    return this.response.email;
  }
  getTimestamp(): Date {
    this.rt.call('FormResponse.getTimestamp');
    return new Date(this.response.timestampMs);
  }
  getItemResponses(): RealItemResponse[] {
    this.rt.call('FormResponse.getItemResponses');
    // In the form's order; unanswered questions have no item response.
    return this.form.items.flatMap((item) => {
      const value = this.response.answers.get(item.id);
      return value === undefined
        ? []
        : [
            strict(
              new ItemResponseFake(this.rt, item, value),
              'ItemResponse',
            ) as unknown as RealItemResponse,
          ];
    });
  }
}

class FormFake implements FakeOf<RealForm> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly form: FormModel,
  ) {}
  private self(): RealForm {
    return strict(this, 'Form') as unknown as RealForm;
  }
  private set(method: string, apply: () => void): RealForm {
    this.rt.call(`Form.${method}`);
    apply();
    return this.self();
  }
  getId(): string {
    this.rt.call('Form.getId');
    return this.form.id;
  }
  getTitle(): string {
    this.rt.call('Form.getTitle');
    return this.form.title;
  }
  getPublishedUrl(): string {
    this.rt.call('Form.getPublishedUrl');
    return `https://docs.google.com/forms/d/e/${this.form.id}/viewform`;
  }
  getEditUrl(): string {
    this.rt.call('Form.getEditUrl');
    return `https://docs.google.com/forms/d/${this.form.id}/edit`;
  }
  setTitle(title: string): RealForm {
    return this.set('setTitle', () => (this.form.title = String(title)));
  }
  setDescription(description: string): RealForm {
    return this.set('setDescription', () => (this.form.description = String(description)));
  }
  setCollectEmail(collect: boolean): RealForm {
    return this.set('setCollectEmail', () => (this.form.collectEmail = Boolean(collect)));
  }
  collectsEmail(): boolean {
    this.rt.call('Form.collectsEmail');
    return this.form.collectEmail;
  }
  setLimitOneResponsePerUser(enabled: boolean): RealForm {
    return this.set('setLimitOneResponsePerUser', () => (this.form.limitOne = Boolean(enabled)));
  }
  hasLimitOneResponsePerUser(): boolean {
    this.rt.call('Form.hasLimitOneResponsePerUser');
    return this.form.limitOne;
  }
  setAllowResponseEdits(enabled: boolean): RealForm {
    return this.set('setAllowResponseEdits', () => (this.form.allowEdits = Boolean(enabled)));
  }
  setShowLinkToRespondAgain(enabled: boolean): RealForm {
    return this.set(
      'setShowLinkToRespondAgain',
      () => (this.form.respondAgainLink = Boolean(enabled)),
    );
  }
  setAcceptingResponses(enabled: boolean): RealForm {
    return this.set('setAcceptingResponses', () => (this.form.accepting = Boolean(enabled)));
  }
  isAcceptingResponses(): boolean {
    this.rt.call('Form.isAcceptingResponses');
    return this.form.accepting;
  }
  addMultipleChoiceItem(): RealMultipleChoiceItem {
    this.rt.call('Form.addMultipleChoiceItem');
    const item: FormItemModel = {
      id: this.form.items.length + 1,
      title: '',
      helpText: '',
      choices: [],
      required: false,
    };
    this.form.items.push(item);
    return strict(
      new MultipleChoiceItemFake(this.rt, item),
      'MultipleChoiceItem',
    ) as unknown as RealMultipleChoiceItem;
  }
  getResponses(): RealFormResponse[] {
    this.rt.call('Form.getResponses');
    return this.form.responses.map(
      (r) =>
        strict(
          new FormResponseFake(this.rt, this.form, r),
          'FormResponse',
        ) as unknown as RealFormResponse,
    );
  }
}

class FormAppFake implements FakeOf<RealFormApp> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly host: FormsHost,
  ) {}
  create(title: string): RealForm {
    this.rt.call('FormApp.create');
    requireAuthorization(this.rt, 'FormApp.create', FORMS_SCOPE);
    if (typeof title !== 'string') throw signatureError(this.rt, 'FormApp.create', [title]);
    const user = this.rt.current?.user ?? '';
    return strict(
      new FormFake(this.rt, this.host.create(title, user)),
      'Form',
    ) as unknown as RealForm;
  }
  openById(id: string): RealForm {
    this.rt.call('FormApp.openById');
    requireAuthorization(this.rt, 'FormApp.openById', FORMS_SCOPE);
    const form = this.host.forms.get(String(id));
    const user = emailKey(this.rt.current?.user ?? '');
    if (!form || !form.editors.has(user)) throw this.rt.scriptError(NO_ACCESS);
    return strict(new FormFake(this.rt, form), 'Form') as unknown as RealForm;
  }
}

export interface FormsService {
  FormApp: RealFormApp;
  host: FormsHost;
}

export function createFormsService(rt: HostRuntime, drive?: DriveModel): FormsService {
  const host = new FormsHost(rt, drive);
  return {
    FormApp: strict(new FormAppFake(rt, host), 'FormApp') as unknown as RealFormApp,
    host,
  };
}

export const formsChecks: [true, true, true, true, true, true] = [
  assertType<AssertNoExtraMethods<FormAppFake, RealFormApp>>(),
  assertType<AssertNoExtraMethods<FormFake, RealForm>>(),
  assertType<AssertNoExtraMethods<MultipleChoiceItemFake, RealMultipleChoiceItem>>(),
  assertType<AssertNoExtraMethods<ItemFake, RealItem>>(),
  assertType<AssertNoExtraMethods<FormResponseFake, RealFormResponse>>(),
  assertType<AssertNoExtraMethods<ItemResponseFake, RealItemResponse>>(),
];
