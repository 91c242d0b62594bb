// TEMPORARY STUB: the public API compiles against these; the implementation follows.
import type { Account, AccountSettings, EntryInput, Lot } from "../schemas.js";
import type { PostOptions } from "../post.js";
import type { PostManyResult } from "../postMany.js";
import type { AvailableLot } from "../availableLots.js";
import type { Statement } from "../statement.js";
import { ErrorCode, OperationError } from "../../errors/errors.js";

export interface Settings { accountId: string; currency?: string; scale: number; negativeLimit: bigint }
export interface State { settings: Settings }
const todo = (): never => { throw new OperationError(ErrorCode.NOT_FOUND, "ledger: not implemented yet"); };
export function settingsFrom(_s: AccountSettings, _what: string): Settings { return todo(); }
export function emptyState(_s: Settings): State { return todo(); }
export function toAccount(_s: State): Account { return todo(); }
export function postEntries(_a: Account, _e: readonly EntryInput[], _o: PostOptions, _many: boolean): PostManyResult { return todo(); }
export function balanceOf(_a: Account, _at: string | Date): string { return todo(); }
export function availableLotsOf(_a: Account, _at: string | Date): AvailableLot[] { return todo(); }
export function statementOf(_a: Account, _from: string | Date, _to: string | Date): Statement { return todo(); }
export function replayEntries(_e: readonly EntryInput[], _s: AccountSettings): Account { return todo(); }
export function parseAccountChecked(_i: unknown): Account { return todo(); }
export function lotOf(_a: Account, _id: string): Lot { return todo(); }
export function reversibleOf(_a: Account, _id: string): string { return todo(); }
