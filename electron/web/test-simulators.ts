import {
  EMBEDDED_SANDBOX_OPTIONS,
  type SandboxApis,
  type SandboxHandle,
  startSandbox,
} from '../sandbox';

/** Enough for every spec of a run, and a run or two more; more means a spec is leaking them. */
export const MAX_TEST_SIMULATORS = 16;

/**
 * Extra simulators for the e2e suite (test hooks only): a spec that needs
 * figures or contacts no other spec touches gets a simulator of its own, with
 * its own contacts, blacklist, balance and delivery reports, and adds an
 * account pointing at it through the app. They live as long as the web shell.
 */
export class TestSimulators {
  private readonly running: SandboxHandle[] = [];

  async start(seed: number): Promise<SandboxApis> {
    if (this.running.length >= MAX_TEST_SIMULATORS)
      throw new Error(
        `${MAX_TEST_SIMULATORS} test simulators already run in this web shell; restart it for more.`,
      );
    const simulator = await startSandbox({ ...EMBEDDED_SANDBOX_OPTIONS, seed });
    this.running.push(simulator);
    return simulator.apis;
  }

  async closeAll(): Promise<void> {
    const closing = this.running.splice(0).map((s) => s.close());
    await Promise.allSettled(closing);
  }
}
