import { endOfYear, type IsoDate } from './dates.ts';
import { statusRank, type NtmStatus, type RecognisedStatus } from './ntm-status.ts';

/**
 * The one "as of" rule, shared by the server, the data pipeline and the client.
 *
 * - A recognition for year Y counts from 31 December of Y: reports count communes
 *   by the year a recognition is for; the decision date is shown, never counted.
 * - A recognition whose year is unknown counts from the date of its earliest
 *   source (see `sourceDateStart`), and is flagged as year-unknown.
 * - The status as of D is the highest-ranked status among the recognitions that
 *   count by D: a later, lower recognition never demotes a commune.
 * - A retracted recognition (withdrawn with a reason; its history is kept) never counts.
 */
export interface Recognition {
  status: RecognisedStatus;
  /** The year the recognition is for, or null when no source states it. */
  yearFor: number | null;
  /** From this date on the recognition counts; null when it can never be dated. */
  countsFrom: IsoDate | null;
  /** Set when the recognition was withdrawn: it is kept, but never counts. */
  retracted?: { at: string; reason: string } | null;
}

export function recognitionCountsFrom(yearFor: number | null, earliestSourceDate: IsoDate | null): IsoDate | null {
  return yearFor !== null ? endOfYear(yearFor) : earliestSourceDate;
}

export interface StatusAsOf<R extends Recognition> {
  status: NtmStatus;
  /** The recognition that gave the status (the earliest one at that rank), or null for "none". */
  recognition: R | null;
}

export function statusAsOf<R extends Recognition>(recognitions: readonly R[], asOf: IsoDate): StatusAsOf<R> {
  let best: R | null = null;
  for (const r of recognitions) {
    if (r.countsFrom === null || r.countsFrom > asOf || r.retracted) continue;
    if (best === null || statusRank(r.status) > statusRank(best.status) || (r.status === best.status && r.countsFrom < (best.countsFrom as IsoDate))) {
      best = r;
    }
  }
  return { status: best ? best.status : 'none', recognition: best };
}
