// Waits for work at most so long: the answer, or a fallback once the time is up (the work itself goes on).

/**
 * `work`'s result, or `fallback` after `ms`. The timer is cleared as soon as either comes, and it does keep the
 * process alive meanwhile: a shutdown waiting on an unref'd worker thread would otherwise just end, mid-wait.
 */
export async function within<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
