import type { AppDeps } from './service-context';

/**
 * Runs `job` every `intervalMs` in this process, never two runs at once. Jobs are written so
 * that any number of processes may run them together (they claim their rows in the database).
 */
export function startPeriodic<T>(deps: AppDeps, name: string, intervalMs: number, job: () => Promise<T>) {
  let running: Promise<T> | null = null;
  const runOnce = () => (running ??= job().finally(() => (running = null)));
  const timer = setInterval(
    () => void runOnce().catch((error: unknown) => deps.logger.error({ err: error, job: name }, 'periodic job failed')),
    intervalMs,
  );
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
