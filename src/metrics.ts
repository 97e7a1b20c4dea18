// Prometheus metrics (prom-client) for requests, decisions, reminders, answer latency and retention; one registry per app.
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'overname_http_requests_total',
    help: 'HTTP requests by route and status code',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  readonly actions = new Counter({
    name: 'overname_actions_total',
    help: 'Button presses and form actions by action and outcome',
    labelNames: ['action', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly reminders = new Counter({
    name: 'overname_reminders_total',
    help: 'Reminders by kind and result (sent, failed)',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: 'overname_answer_duration_seconds',
    help: 'Time to answer a knowledge question',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });
  readonly retentionCases = new Counter({
    name: 'overname_retention_deleted_cases_total',
    help: 'Closed cases deleted by the retention job (RETENTION_MONTHS), by their status',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly retentionFacts = new Counter({
    name: 'overname_retention_deleted_facts_total',
    help: 'Facts (audit trail entries) deleted with those cases',
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }
}
