/** A reason the step stops, already worded as the one sentence the person reads. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
}
