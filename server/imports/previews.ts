import { randomBytes } from 'node:crypto';
import type { Snapshot } from '../db/snapshot.ts';
import type { Actor } from '../edits/index.ts';
import { ApiError } from '../http/errors.ts';
import type { BatchInfo, Outcome } from './execute.ts';
import type { ImportPreviewResponse } from '../catalog/imports.ts';
import { importMessages as I } from '../messages/imports.ts';
import type { Lang } from '../messages/text.ts';
import type { ImportKind, Plan } from './plan.ts';

/** A preview kept on the server until it is committed, discarded or expires, so a commit applies exactly what was shown. */
export interface StoredPreview {
  id: string;
  owner: Actor;
  kind: ImportKind;
  batch: BatchInfo;
  plan: Plan;
  /** The data the plan was checked against, and its revision: a commit needs the same. */
  data: Snapshot;
  revision: number;
  outcome: Outcome;
  expiresAt: number;
  canCommit: boolean;
  /** The preview as the API answers it, its issues in the language asked for. */
  response(lang: Lang): ImportPreviewResponse;
}

/**
 * Previews in memory, keyed by an unguessable id (128 random bits) and tied to the user who
 * made them: another user's id is "not found". Bounded in time and number.
 * @param ttlMs how long a preview lasts @default 30 minutes
 * @param max the most previews kept at once (the oldest go first) @default 32
 */
export class PreviewStore {
  private readonly previews = new Map<string, StoredPreview>();

  constructor(
    private readonly now: () => number = Date.now,
    readonly ttlMs = 30 * 60 * 1000,
    private readonly max = 32,
  ) {}

  static newId(): string {
    return randomBytes(16).toString('base64url');
  }

  put(p: StoredPreview): void {
    this.sweep();
    this.previews.set(p.id, p);
    while (this.previews.size > this.max) this.previews.delete(this.previews.keys().next().value!);
  }

  /** The user's preview, or a 404 that does not say whether someone else's exists. */
  get(id: string, actor: Actor): StoredPreview {
    this.sweep();
    const p = this.previews.get(id);
    if (!p || p.owner.login !== actor.login || p.owner.userId !== actor.userId) {
      throw new ApiError(404, 'not_found', I.noPreview(id, Math.round(this.ttlMs / 60000)));
    }
    return p;
  }

  delete(id: string): void {
    this.previews.delete(id);
  }

  private sweep() {
    const t = this.now();
    for (const [id, p] of this.previews) if (p.expiresAt <= t) this.previews.delete(id);
  }
}
