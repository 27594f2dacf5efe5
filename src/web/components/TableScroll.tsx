// The frame a wide table scrolls in. When the table is wider than the frame, keyboard users must be able
// to scroll it too: the frame then becomes a named region with its own tab stop (WCAG 2.1.1).
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

export function TableScroll(props: { children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const [label, setLabel] = useState<string | null>(null);

  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => {
      const isWider = element.scrollWidth > element.clientWidth + 1;
      const caption = element.querySelector('caption')?.textContent?.trim() ?? '';
      setLabel(isWider ? caption : null);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);

  // A frame that does not scroll stays a plain box: an extra tab stop there would only be noise.
  const region = label === null ? {} : { tabIndex: 0, role: 'region', 'aria-label': label || undefined };
  return (
    <div ref={frame} className="table-scroll" {...region}>
      {props.children}
    </div>
  );
}
