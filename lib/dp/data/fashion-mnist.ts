import { existsSync } from "node:fs";
import path from "node:path";
import type { TrainingData } from "../training/train.ts";
import { readIdx } from "./read-idx.ts";

/** Where Debian's dataset-fashion-mnist package puts the files. */
export const FASHION_MNIST_DIR = process.env.CANARY_FASHION_MNIST_DIR ?? "/usr/share/datasets/fashion-mnist";

export const FASHION_MNIST_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

export function fashionMnistAvailable(dir = FASHION_MNIST_DIR): boolean {
  return existsSync(path.join(dir, "train-images-idx3-ubyte.gz"));
}

/** Images scaled to [0, 1], as [count, 28, 28, 1] rows. */
export async function loadFashionMnist(split: "train" | "test", limit?: number, dir = FASHION_MNIST_DIR): Promise<TrainingData> {
  const prefix = split === "train" ? "train" : "t10k";
  const images = await readIdx(path.join(dir, `${prefix}-images-idx3-ubyte.gz`), limit);
  const labels = await readIdx(path.join(dir, `${prefix}-labels-idx1-ubyte.gz`), limit);
  const features = new Float32Array(images.data.length);
  for (let i = 0; i < features.length; i++) features[i] = images.data[i]! / 255;
  return { features, labels: Int32Array.from(labels.data), count: images.shape[0]! };
}
