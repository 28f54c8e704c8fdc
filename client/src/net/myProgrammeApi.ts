// Every HTTP call of "my programme": the visitor's own stars, reminder settings, calendar feed
// and transfer codes (the signed cookie says whose; nothing here names a visitor). Answers are
// parsed by the shared schemas before anyone trusts them. Light on purpose: the hall imports
// it for in-page reminders, so it pulls in no programme schemas.
import { z } from 'zod';
import { API } from '../../../shared/api.ts';
import { MyProgrammeView, type ReminderBody, TransferCodeView } from '../../../shared/programme/myProgramme.ts';
import { send } from './http.ts';

const json = async <T>(res: Response, schema: z.ZodType<T>): Promise<T> => schema.parse(await res.json());

export const fetchMyProgramme = async (): Promise<MyProgrammeView> => json(await send('GET', API.myProgramme), MyProgrammeView);

export const setStar = async (eventId: string, starred: boolean): Promise<MyProgrammeView> =>
  json(await send('POST', API.myProgrammeStars, { eventId, starred }), MyProgrammeView);

export const saveReminders = async (body: z.input<typeof ReminderBody>): Promise<MyProgrammeView> =>
  json(await send('PUT', API.myProgrammeReminders, body), MyProgrammeView);

export const renewFeed = async (): Promise<MyProgrammeView> => json(await send('POST', API.myProgrammeFeed), MyProgrammeView);

export const makeTransferCode = async (): Promise<TransferCodeView> => json(await send('POST', API.myProgrammeTransfer), TransferCodeView);

export const redeemTransferCode = async (code: string): Promise<MyProgrammeView> =>
  json(await send('POST', API.myProgrammeRedeem, { code }), MyProgrammeView);

const Clock = z.object({ nowMs: z.number() });
/** Fair time minus this browser's, read at the middle of the round trip (as the programme pages do). */
export async function fetchFairOffset(): Promise<number> {
  const sent = Date.now();
  const clock = await json(await send('GET', API.programmeClock), Clock);
  return clock.nowMs - (sent + Date.now()) / 2;
}
