import { useTranslation } from 'react-i18next';
import { STEPS, type Step } from '../store';

/** Where the person is in the six steps; earlier steps can be revisited (their choices are kept). */
export function WizardSteps(props: {
  current: Step;
  reachable: (step: Step) => boolean;
  onGo: (step: Step) => void;
}) {
  const { t } = useTranslation('bulk');
  return (
    <ol className="wizard-steps" aria-label={t('steps.label')}>
      {STEPS.map((step, i) => (
        <li key={step}>
          <button
            type="button"
            className="wizard-step"
            aria-current={props.current === step ? 'step' : undefined}
            disabled={!props.reachable(step) || props.current === step}
            onClick={() => props.onGo(step)}
          >
            <span className="wizard-step-number">{i + 1}</span> {t(`steps.${step}`)}
          </button>
        </li>
      ))}
    </ol>
  );
}
