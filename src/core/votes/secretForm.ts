/**
 * The secret ballot (bỏ phiếu kín) as a Google Form: one question per nominee with the choices
 * "Đồng ý" / "Không đồng ý" (unanswered is blank), no e-mail collected, one response per signed-in
 * account. The form's id, round and questions are kept in the document properties so the tally
 * reads the form the cluster voted on. Pure: src/gas/votes/secretBallot.ts makes the form.
 */
import * as z from 'zod/mini';
import { BALLOT_MARK_LABELS } from '../layout/labels';
import type { Ballot, BallotMark } from '../model/ballot';
import { nameKey } from '../text/normalize';

export const SECRET_FORM_PROPERTY = 'thidua.vote.form';

const SecretFormSchema = z.object({
  id: z.string(),
  url: z.string(),
  round: z.int().check(z.gte(1)),
  /** The questions, one per nominee, as the ballot labels them. */
  labels: z.array(z.string()),
});
export type SecretFormRecord = z.infer<typeof SecretFormSchema>;

export function parseSecretForm(raw: string | null): SecretFormRecord | undefined {
  if (raw === null || raw === '') return undefined;
  try {
    const parsed = SecretFormSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function serializeSecretForm(record: SecretFormRecord): string {
  return JSON.stringify(record);
}

export const SECRET_CHOICES = [BALLOT_MARK_LABELS.yes, BALLOT_MARK_LABELS.no];

export function secretFormTitle(clusterName: string, year: number, round: number): string {
  return (
    `Phiếu bình xét thi đua năm ${String(year)} - ${clusterName}` +
    (round > 1 ? ` (vòng ${String(round)})` : '')
  );
}

export function secretFormDescription(members: number): string {
  return (
    'Phiếu kín: biểu mẫu không thu địa chỉ thư điện tử, không ai (kể cả người tạo) biết ai bỏ phiếu thế nào. ' +
    'Mỗi tài khoản của đơn vị thành viên trả lời một lần, không sửa lại được. ' +
    `Với mỗi đề cử, chọn "${BALLOT_MARK_LABELS.yes}" hoặc "${BALLOT_MARK_LABELS.no}", hoặc để trống. ` +
    `Cụm có ${String(members)} thành viên; nhiều phiếu hơn số thành viên thì cuộc bỏ phiếu không hợp lệ.`
  );
}

/** One response: the answer given to each question, by question title. */
export type SecretResponse = ReadonlyMap<string, string>;

/** Each response as an anonymous ballot over the recorded questions. */
export function ballotsFromResponses(
  responses: readonly SecretResponse[],
  labels: readonly string[],
): Ballot[] {
  const markOf = (answer: string | undefined): BallotMark => {
    if (answer === undefined) return 'blank';
    const k = nameKey(answer);
    if (k === nameKey(BALLOT_MARK_LABELS.yes)) return 'yes';
    if (k === nameKey(BALLOT_MARK_LABELS.no)) return 'no';
    return 'blank';
  };
  return responses.map((answers, i) => ({
    // Anonymous: a position, never an account.
    voter: `Phiếu ${String(i + 1)}`,
    spoiled: false,
    marks: labels.map((label) => ({ nominee: label, mark: markOf(answers.get(label)) })),
  }));
}
