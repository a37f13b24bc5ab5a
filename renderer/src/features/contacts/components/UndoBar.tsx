import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import type { UndoOffer } from '../store';

/**
 * "Deleted 3 contacts. Undo" for a few seconds after a delete, which asks
 * nothing. One timer per offer, cleared when it goes.
 */
export function UndoBar(props: { offer: UndoOffer; onUndo: () => void; onExpire: () => void }) {
  const { t } = useTranslation('contacts');
  const { offer, onExpire } = props;
  useEffect(() => {
    const timer = setTimeout(onExpire, Math.max(0, offer.until - Date.now()));
    return () => clearTimeout(timer);
  }, [offer, onExpire]);
  return (
    <div className="contacts-undo" role="status" data-testid="undo-bar">
      <span>{t('undo.deleted', { count: offer.count })}</span>
      <Button variant="primary" onPress={props.onUndo}>
        {t('undo.undo')}
      </Button>
    </div>
  );
}
