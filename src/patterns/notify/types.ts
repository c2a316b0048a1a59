/**
 * Node ids, table names, row shapes and the notification ladders of the best-effort notification pattern
 * (payment platform → merchant). Times are real times in virtual milliseconds: a 24-hour ladder runs as is.
 */
import type { NodeState, Params } from '../../engine/types';

export const CLIENT = 'client';
export const PLATFORM = 'platform';
export const MERCHANT = 'merchant';

const SEC = 1_000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/**
 * WeChat Pay APIv3 payment notification (支付通知): "通知频率为15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h -
 * 总计 24h4m" — the intervals between notifications after each failed one (15 retries after the first attempt), "但微信不
 * 保证通知最终能成功"; an answer that is not a success or comes too late counts as a failure; the same notification may
 * arrive more than once; "如果在所有通知频率后没有收到微信侧回调，商户应调用查询订单接口确认订单状态".
 * https://pay.weixin.qq.com/doc/v3/partner/4012231898 (also apiv3_partner/apis/chapter7_3_13). Some older / other
 * WeChat products document 15/15/30/180/1800/1800/1800/1800/3600 s instead: a 'custom' ladder plays that one.
 */
export const WECHAT_LADDER: readonly number[] = [
  15 * SEC,
  15 * SEC,
  30 * SEC,
  3 * MIN,
  10 * MIN,
  20 * MIN,
  30 * MIN,
  30 * MIN,
  30 * MIN,
  60 * MIN,
  3 * HOUR,
  3 * HOUR,
  3 * HOUR,
  6 * HOUR,
  6 * HOUR,
];

/**
 * Alipay asynchronous notification (notify_url): resent until the merchant prints exactly `success`, for up to
 * 24 h 22 min — "一般情况下，25 小时以内完成 8 次通知（通知的间隔频率一般是：4m,10m,10m,1h,2h,6h,15h）"; notify_id stays the
 * same across the resends of one notification. https://opendocs.alipay.com/open/270/105902 — Alipay's global
 * (Antom) developer help gives 2m for the first interval; a 'custom' ladder "2m,10m,10m,1h,2h,6h,15h" plays that one.
 */
export const ALIPAY_LADDER: readonly number[] = [4 * MIN, 10 * MIN, 10 * MIN, 1 * HOUR, 2 * HOUR, 6 * HOUR, 15 * HOUR];

const UNIT: Record<string, number> = { ms: 1, s: SEC, m: MIN, h: HOUR };

/** "1s,5s,30s" / "500ms, 2m, 1h" / "1500" (ms) → intervals in ms; entries that do not parse are skipped. */
export function parseLadder(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(part);
    if (!m) continue;
    const v = Math.round(Number(m[1]) * UNIT[m[2] ?? 'ms']);
    if (Number.isFinite(v) && v >= 0) out.push(v);
  }
  return out.slice(0, 100);
}

/** The retry intervals the parameters select: interval i is waited after attempt i + 1 was sent and failed. */
export function ladderOf(p: Params): readonly number[] {
  switch (p.ladder) {
    case 'alipay':
      return ALIPAY_LADDER;
    case 'custom':
      return parseLadder(String(p.customLadder ?? ''));
    default:
      return WECHAT_LADDER;
  }
}

export const num = (p: Params, k: string): number => Number(p[k] ?? 0);

/** Table names, per node. */
export const CT = { orders: 'orders' } as const;
export const PT = { orders: 'orders', notify: 'notify', open: 'open' } as const;
export const MT = { orders: 'orders', processed: 'processed', open: 'open' } as const;

/** The client's order: created at the merchant first, then paid at the platform. */
export type COrder = {
  start: number;
  st: 'ordering' | 'paying';
};

/** The platform's order: paid by its local transaction. */
export type POrder = {
  st: 'paid';
  at: number;
};

/**
 * The platform's notification of an order (one row per order, updated per attempt): notify_id, the attempt number,
 * when it was sent, when the next one is due, and its state.
 */
export type PNotify = {
  mid: string;
  n: number;
  st: 'sending' | 'failed' | 'delivered' | 'given-up';
  sentAt: number;
  /** When attempt n + 1 is due (state failed), else null. */
  nextAt: number | null;
  /** When it was delivered or given up. */
  endAt: number | null;
};

export interface PDurable {
  paid: number;
  delivered: number;
  givenUp: number;
}
export type PState = NodeState<PDurable, Record<string, never>>;

/** The merchant's order: applied (marked paid, goods shipped) `applied` times — more than once is the bug. */
export type MOrder = {
  st: 'unpaid' | 'paid';
  created: number;
  paidAt: number | null;
  via: 'notify' | 'reconcile' | null;
  applied: number;
};

/** A processed notification (the merchant's dedup table, keyed by notify_id). */
export type MProcessed = {
  tx: string;
  at: number;
  via: 'notify' | 'reconcile';
};

export interface MDurable {
  /** Notifications handled (for the slow-handler parameter: the first `slowCount` are slow). */
  handled: number;
  /** Business effects applied (orders marked paid, duplicates included). */
  applied: number;
  /** Reconciliation queries sent. */
  queries: number;
}
export interface MVolatile {
  /** The scheduled reconciliation job's timer is set. */
  armed: boolean;
}
export type MState = NodeState<MDurable, MVolatile>;

export type CState = NodeState<Record<string, never>, Record<string, never>>;

/** notify_id of an order's notification: stable across retries (Alipay's notify_id, WeChat's notification id). */
export const midOf = (tx: string) => 'N-' + tx;

/** "prefix:rest" → rest (transaction ids may contain ':'). */
export const after = (name: string, prefix: string): string | null =>
  name.charCodeAt(prefix.length) === 58 /* ':' */ && name.startsWith(prefix) ? name.slice(prefix.length + 1) : null;

/** A duration for narration: "15s", "3m", "1h24m", "500ms". */
export function fmtDuration(ms: number): string {
  if (ms < 1_000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.round((ms % 60_000) / 1_000);
  return (h ? `${h}h` : '') + (m ? `${m}m` : '') + (s || (!h && !m) ? `${s}s` : '');
}
