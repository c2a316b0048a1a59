/** A button that opens a panel under it (aria-expanded / aria-controls); Esc or a click outside closes it. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** Button content. */
  label: ReactNode;
  /** Accessible name of the button (when `label` is not plain text) and of the panel. */
  ariaLabel: string;
  children: (close: () => void) => ReactNode;
  align?: 'left' | 'right';
  buttonClass?: string;
}

export function Popover({ label, ariaLabel, children, align = 'left', buttonClass }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const btn = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        btn.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={root} className="relative">
      <button
        ref={btn}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        // The name starts with the visible text (WCAG 2.5.3, "label in name": speech users say what they see).
        aria-label={typeof label === 'string' && !ariaLabel.includes(label) ? `${label} — ${ariaLabel}` : ariaLabel}
        onClick={() => setOpen((o) => !o)}
        className={buttonClass ?? 'hbtn'}
      >
        {label}
      </button>
      {open && (
        <div
          id={id}
          role="dialog"
          aria-label={ariaLabel}
          className={
            'absolute top-full z-40 mt-1 max-h-[75vh] w-[min(30rem,90vw)] overflow-auto rounded-lg border border-slate-300 bg-white p-3 text-slate-900 shadow-xl ' +
            (align === 'right' ? 'right-0' : 'left-0')
          }
        >
          {children(() => {
            setOpen(false);
            btn.current?.focus();
          })}
        </div>
      )}
    </div>
  );
}
