import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import type { ToastContent as Content } from './toast-queue';
import { toasts } from './toast-queue';

/** Where toasts appear (announced politely; F6 reaches them from the keyboard); see Toasts.tsx. */
export function ToastList({
  closeLabel,
  regionLabel,
}: {
  closeLabel: string;
  regionLabel: string;
}) {
  return (
    <ToastRegion queue={toasts} className="toast-region" aria-label={regionLabel}>
      {({ toast }: { toast: { content: Content; key: string } }) => (
        <Toast toast={toast as never} className={`toast toast-${toast.content.tone}`}>
          <ToastContent>
            <Text slot="title">{toast.content.text}</Text>
          </ToastContent>
          <Button slot="close" className="toast-close" aria-label={closeLabel}>
            ×
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
