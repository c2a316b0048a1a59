/**
 * A segmented toggle: a labelled group of buttons, the chosen one pressed (aria-pressed) and dark. The header's
 * language switch and the sequence chart's axis use it; `buttonClass` sets each button's size.
 */
export interface Segment<V extends string> {
  value: V;
  label: string;
  /** The label's language, when it is not the page's (中文 on an English page). */
  lang?: string;
}

export function Segmented<V extends string>({
  label,
  options,
  value,
  onChange,
  className = 'border-slate-300',
  buttonClass,
}: {
  label: string;
  options: readonly Segment<V>[];
  value: V;
  onChange: (v: V) => void;
  /** The frame's classes beside its layout (its border colour). */
  className?: string;
  buttonClass: string;
}) {
  return (
    <div role="group" aria-label={label} className={'flex shrink-0 overflow-hidden rounded border ' + className}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          lang={o.lang}
          onClick={() => onChange(o.value)}
          className={
            buttonClass +
            ' ' +
            (value === o.value ? 'bg-slate-800 text-white' : 'bg-white text-slate-800 hover:bg-slate-100')
          }
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
