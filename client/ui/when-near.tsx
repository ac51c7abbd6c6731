import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Renders its children once their place comes near the screen (within `margin`), and keeps them:
 * what sits below the fold (the progress view's charts) loads when scrolled to, not with the map.
 * Until then a placeholder of `minHeight` holds the place, with the children's test id.
 */
export function WhenNear({
  children,
  minHeight,
  testId,
  margin = '400px',
}: {
  children: ComponentChildren;
  minHeight: string;
  testId: string;
  margin?: string;
}) {
  const [near, setNear] = useState(false);
  const place = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (near || !place.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: margin });
    observer.observe(place.current);
    return () => observer.disconnect();
  }, [near, margin]);
  return near ? children : <div ref={place} style={{ minHeight }} data-testid={testId} aria-hidden="true" />;
}
