import { ICON_ATTRS, ICONS, type IconName } from './icons';

/** One of the header's icons (icons.ts), decorative: the button it sits in carries the name. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg aria-hidden="true" {...ICON_ATTRS}>
      {ICONS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
