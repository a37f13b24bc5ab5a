import { lazy, Suspense, useRef, useSyncExternalStore } from 'react';
import { toasts } from './toast-queue';

/** The toast region's code is fetched ahead in an idle moment, or when the first toast comes. */
export const loadToastList = () => import('./ToastList');
const ToastList = lazy(() =>
  Promise.all([loadToastList(), import('./AriaLocale')]).then(([m, locale]) => ({
    default: locale.withAriaLocale(m.ToastList),
  })),
);

const subscribe = (changed: () => void) => toasts.subscribe(changed);
const anyShown = () => toasts.visibleToasts.length > 0;

/**
 * Where toasts appear. The start view shows none, so the region (React Aria's
 * toast and landmark code) mounts with the first toast and then stays, as
 * its region would have been there from the start.
 */
export function Toasts(props: { closeLabel: string; regionLabel: string }) {
  const shown = useSyncExternalStore(subscribe, anyShown);
  const wanted = useRef(false);
  if (shown) wanted.current = true;
  if (!wanted.current) return null;
  return (
    <Suspense fallback={null}>
      <ToastList {...props} />
    </Suspense>
  );
}
