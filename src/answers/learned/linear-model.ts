// A small one-vs-rest logistic model over sparse features, trained in-process with AdaGrad: fast to train at
// start-up (a fraction of a second for a thousand questions), deterministic, and nothing to download.
export type Example = { features: ReadonlyMap<string, number>; labels: ReadonlySet<string> };

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update; keeps weights of rare features small. */
  l2?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

/** Deterministic shuffle (a fixed linear congruential sequence) so training gives the same model every run. */
function shuffle(order: Int32Array, seed: number): void {
  let s = seed >>> 0;
  for (let i = order.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

interface Row {
  ids: Int32Array;
  values: Float64Array;
}

export class LinearModel {
  private constructor(
    readonly labels: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    /** One weight vector per label, indexed by feature id. */
    private readonly weights: Float64Array[],
  ) {}

  static train(labels: readonly string[], examples: readonly Example[], options: TrainOptions = {}): LinearModel {
    const epochs = options.epochs ?? 15;
    const rate = options.learningRate ?? 0.3;
    const l2 = options.l2 ?? 1e-4;
    // Feature names become dense ids once, so training works on typed arrays instead of string maps.
    const index = new Map<string, number>();
    const rows: Row[] = examples.map(({ features }) => {
      const ids = new Int32Array(features.size);
      const values = new Float64Array(features.size);
      let i = 0;
      for (const [name, value] of features) {
        let id = index.get(name);
        if (id === undefined) {
          id = index.size;
          index.set(name, id);
        }
        ids[i] = id;
        values[i++] = value;
      }
      return { ids, values };
    });
    const weights = labels.map(() => new Float64Array(index.size));
    const order = Int32Array.from(rows.keys());
    labels.forEach((label, l) => {
      const w = weights[l] as Float64Array;
      const g2 = new Float64Array(index.size);
      const ys = Uint8Array.from(examples, (e) => (e.labels.has(label) ? 1 : 0));
      for (let epoch = 0; epoch < epochs; epoch++) {
        shuffle(order, epoch + 1);
        for (const r of order) {
          const { ids, values } = rows[r] as Row;
          const y = ys[r] as number;
          let z = 0;
          for (let i = 0; i < ids.length; i++) z += (w[ids[i] as number] as number) * (values[i] as number);
          const error = sigmoid(z) - y;
          for (let i = 0; i < ids.length; i++) {
            const id = ids[i] as number;
            const grad = error * (values[i] as number) + l2 * (w[id] as number);
            g2[id] = (g2[id] as number) + grad * grad;
            w[id] = (w[id] as number) - (rate * grad) / Math.sqrt((g2[id] as number) + 1e-8);
          }
        }
      }
    });
    return new LinearModel(labels, index, weights);
  }

  /** The probability of each label for one question's features; unknown features weigh nothing. */
  predict(features: ReadonlyMap<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    this.labels.forEach((label, l) => {
      const w = this.weights[l] as Float64Array;
      let z = 0;
      for (const [name, value] of features) {
        const id = this.index.get(name);
        if (id !== undefined) z += (w[id] as number) * value;
      }
      out.set(label, sigmoid(z));
    });
    return out;
  }
}
