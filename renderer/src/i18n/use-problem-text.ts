import { useTranslation } from 'react-i18next';
import type { Problem } from '../lib/problem';
import { translateCoreSentence } from './core-sentences';

/** Turns a stored Problem into text in the current language. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation();
  return (problem) =>
    'key' in problem
      ? t(problem.key, problem.params ?? {})
      : translateCoreSentence(t, problem.sentence);
}
