/**
 * Message tokens, drawn above the nodes (in React Flow's viewport portal) so a token is never hidden under a
 * service box. For every message in flight at the cursor (inFlightAt), a labelled token sits on its link's path at
 * its progress (linear along the straight link) — computed from the cursor's virtual time, never by a
 * CSS/SMIL animation. A → B tokens run on one side of the line and B → A on the other; doomed messages (dropped on
 * arrival) are dashed red with ✕, network duplicates carry ⧉. With prefers-reduced-motion tokens jump (0 or 1).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InFlight } from '../../engine';
import { useLab } from '../../store/lab';
import { messageColor } from '../theme';
import { useReducedMotion } from '../hooks/useReducedMotion';
import { inFlight, msgOfRow, pairId, rowKeysOf, sendSeqOf, textOn } from './derive';
import { linkPath, type Box } from './geometry';

const TOKEN_FONT = 14;
const CHAR_W = 8.6; // monospace advance at 14 px
const SIDE = 13; // px between the line and a token's centre

function PairTokens({
  a,
  b,
  tokens,
  labelOf,
}: {
  a: Box & { id: string };
  b: Box & { id: string };
  tokens: InFlight[];
  labelOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const reduced = useReducedMotion();
  const selSeq = useLab((s) => sendSeqOf(s.selection, s.index));
  const hoverSeq = useLab((s) => sendSeqOf(s.hover, s.index));
  const selRow = useLab((s) => rowKeysOf(s.selection, s.index));
  const hoverRow = useLab((s) => rowKeysOf(s.hover, s.index));
  const select = useLab((s) => s.select);
  const setHover = useLab((s) => s.setHover);
  // The link is a straight segment border to border: a token's place is plain arithmetic (no SVG geometry calls,
  // nothing that could touch layout). It only changes with the layout, not with the cursor.
  const { s: p0, e: p1 } = linkPath(a, b);
  const dx = p1.x - p0.x;
  const dy = p1.y - p0.y;
  const norm = Math.hypot(dx, dy) || 1;
  const nx = -dy / norm;
  const ny = dx / norm;
  /** Token centre at progress `raw` (0 … 1) from its sender; A → B on one side of the line, B → A on the other. */
  const place = (raw: number, forward: boolean) => {
    const p = reduced ? (raw < 0.5 ? 0 : 1) : raw;
    const f = forward ? p : 1 - p;
    const side = forward ? SIDE : -SIDE;
    return `translate(${p0.x + dx * f + nx * side},${p0.y + dy * f + ny * side})`;
  };

  return (
    <g>
      <g>
        {tokens.map((m) => {
          // ⧉ (duplicate) is drawn as two squares: the glyph is missing from many projector PCs' fonts.
          const dup = m.copy > 0;
          const label = `${m.doomed ? '✕ ' : ''}${m.msg.type}`;
          const iconW = dup ? 16 : 0;
          const w = label.length * CHAR_W + 16 + iconW;
          const h = TOKEN_FONT + 10;
          const fill = messageColor(m.msg.type);
          const strong =
            selSeq === m.sendSeq || hoverSeq === m.sendSeq || msgOfRow(m.msg, selRow) || msgOfRow(m.msg, hoverRow);
          const desc = t(m.doomed ? 'diagram.tokenDoomed' : 'diagram.token', {
            type: (dup ? '⧉ ' : '') + m.msg.type,
            from: labelOf(m.from),
            to: labelOf(m.to),
          });
          return (
            <g
              key={`${m.sendSeq}:${m.copy}`}
              transform={place(m.progress, m.from === a.id)}
              data-progress={m.progress}
              data-msg={m.sendSeq}
              role="button"
              aria-label={desc}
              className="msg-token"
              style={{ pointerEvents: 'all', cursor: 'pointer' }}
              onClick={(ev) => {
                ev.stopPropagation();
                select({ kind: 'message', sendSeq: m.sendSeq });
              }}
              onPointerEnter={() => setHover({ kind: 'message', sendSeq: m.sendSeq })}
              onPointerLeave={() => setHover(null)}
            >
              <title>{desc}</title>
              <rect
                x={-w / 2}
                y={-h / 2}
                width={w}
                height={h}
                rx={h / 2}
                fill={m.doomed ? '#ffffff' : fill}
                stroke={m.doomed ? '#b91c1c' : strong ? '#0c4a6e' : '#ffffff'}
                strokeWidth={strong || m.doomed ? 3 : 1.5}
                strokeDasharray={m.doomed ? '4 3' : undefined}
              />
              {dup && (
                <g
                  transform={`translate(${-w / 2 + 7},-6)`}
                  fill="none"
                  stroke={m.doomed ? '#b91c1c' : textOn(fill)}
                  strokeWidth={1.6}
                >
                  <rect x={0} y={3} width={8} height={8} />
                  <rect x={4} y={0} width={8} height={8} />
                </g>
              )}
              <text
                x={iconW / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fontFamily="ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace"
                fontSize={TOKEN_FONT}
                fontWeight={700}
                fill={m.doomed ? '#b91c1c' : textOn(fill)}
                textDecoration={m.doomed ? 'line-through' : undefined}
              >
                {label}
              </text>
            </g>
          );
        })}
      </g>
    </g>
  );
}

function TokenLayerImpl({ boxes }: { boxes: (Box & { id: string; label: string })[] }) {
  const { t } = useTranslation();
  const index = useLab((s) => s.index);
  const cursor = useLab((s) => s.cursor);
  const flying = inFlight(index, cursor);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const groups = new Map<string, InFlight[]>();
  for (const m of flying) {
    if (m.from === m.to || !byId.has(m.from) || !byId.has(m.to)) continue;
    const id = pairId(m.from, m.to);
    const list = groups.get(id) ?? [];
    list.push(m);
    groups.set(id, list);
  }
  const labelOf = (id: string) => byId.get(id)?.label ?? id;
  return (
    <svg
      className="token-layer"
      width={1}
      height={1}
      style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible', pointerEvents: 'none' }}
      aria-label={t('diagram.tokens')}
      role="group"
    >
      {[...groups].map(([id, tokens]) => {
        const [x, y] = id.split('|');
        const a = byId.get(x)!;
        const b = byId.get(y)!;
        return <PairTokens key={id} a={a} b={b} tokens={tokens} labelOf={labelOf} />;
      })}
    </svg>
  );
}

export const TokenLayer = memo(TokenLayerImpl);
