/**
 * The secret ballot in a Google Form (Cấu hình "Bỏ phiếu kín bằng Google Form"): "Tạo phiếu bình
 * xét" makes the form, "Kiểm phiếu bình xét" closes it and reads its responses. The form collects
 * no e-mail and takes one response per signed-in account, so nobody, its creator included, can
 * see who voted what (FormResponse.getRespondentEmail is blank when e-mails are not collected).
 */
import type { Ballot } from '../../core/model/ballot';
import type { BallotNominee } from '../../core/votes/ballotSheet';
import {
  SECRET_CHOICES,
  SECRET_FORM_PROPERTY,
  ballotsFromResponses,
  parseSecretForm,
  secretFormDescription,
  secretFormTitle,
  serializeSecretForm,
  type SecretFormRecord,
} from '../../core/votes/secretForm';

type Properties = GoogleAppsScript.Properties.Properties;

/** Closes the form of an earlier ballot, if this user can open it, so it takes no more answers. */
function closeEarlierForm(properties: Properties): void {
  const earlier = parseSecretForm(properties.getProperty(SECRET_FORM_PROPERTY));
  if (earlier === undefined) return;
  try {
    FormApp.openById(earlier.id).setAcceptingResponses(false);
  } catch {
    // Made by another account: it stays as it is, and the tally reads only the new form.
  }
}

export function createSecretBallot(
  nominees: readonly BallotNominee[],
  round: number,
  context: { clusterName: string; year: number; members: number },
): SecretFormRecord {
  const properties = PropertiesService.getDocumentProperties();
  closeEarlierForm(properties);
  const form = FormApp.create(secretFormTitle(context.clusterName, context.year, round));
  form
    .setDescription(secretFormDescription(context.members))
    .setCollectEmail(false)
    .setLimitOneResponsePerUser(true)
    .setAllowResponseEdits(false)
    .setShowLinkToRespondAgain(false);
  for (const n of nominees) {
    form
      .addMultipleChoiceItem()
      .setTitle(n.label)
      .setChoiceValues(SECRET_CHOICES)
      .setRequired(false);
  }
  const record: SecretFormRecord = {
    id: form.getId(),
    url: form.getPublishedUrl(),
    round,
    labels: nominees.map((n) => n.label),
  };
  properties.setProperty(SECRET_FORM_PROPERTY, serializeSecretForm(record));
  return record;
}

export type SecretRead =
  | { readonly ok: true; readonly record: SecretFormRecord; readonly ballots: Ballot[] }
  | { readonly ok: false; readonly message: string };

/** Closes the form (no answer after the count) and reads every response as an anonymous ballot. */
export function readSecretBallots(prepareCaption: string): SecretRead {
  const record = parseSecretForm(
    PropertiesService.getDocumentProperties().getProperty(SECRET_FORM_PROPERTY),
  );
  if (record === undefined) {
    return {
      ok: false,
      message: `Chưa có phiếu kín nào. Hãy chọn «${prepareCaption}» để tạo biểu mẫu bỏ phiếu kín.`,
    };
  }
  let form: GoogleAppsScript.Forms.Form;
  try {
    form = FormApp.openById(record.id);
  } catch {
    return {
      ok: false,
      message:
        'Không mở được biểu mẫu bỏ phiếu kín: chỉ tài khoản đã tạo biểu mẫu (người chọn «' +
        `${prepareCaption}») kiểm phiếu được. Hãy nhờ người đó chọn «Kiểm phiếu bình xét».`,
    };
  }
  form.setAcceptingResponses(false);
  const responses = form.getResponses().map((response) => {
    const answers = new Map<string, string>();
    for (const item of response.getItemResponses()) {
      const value = item.getResponse();
      answers.set(item.getItem().getTitle(), typeof value === 'string' ? value : String(value));
    }
    return answers;
  });
  return { ok: true, record, ballots: ballotsFromResponses(responses, record.labels) };
}
