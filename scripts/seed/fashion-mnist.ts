import { existsSync } from "node:fs";
import { join } from "node:path";
import { readIdx } from "../../lib/dp/data/read-idx.ts";
import { writeLines } from "./write-lines.ts";

export const FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";
export const FASHION_MNIST_ROWS = 2000;

/** The first FASHION_MNIST_ROWS training images as label + 784 pixel columns, or null without the Debian package. */
export async function writeFashionMnist(dir: string): Promise<string | null> {
  const images = join(FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz");
  const labels = join(FASHION_MNIST_DIR, "train-labels-idx1-ubyte.gz");
  if (!existsSync(images) || !existsSync(labels)) return null;
  const pixels = (await readIdx(images, FASHION_MNIST_ROWS)).data;
  const classes = (await readIdx(labels, FASHION_MNIST_ROWS)).data;
  const header = ["label", ...Array.from({ length: 28 * 28 }, (_, i) => `pixel${i + 1}`)].join(",");
  const path = join(dir, "fashion-mnist-train-2000.csv");
  await writeLines(path, (function* () {
    yield header;
    for (let i = 0; i < classes.length; i += 1) yield `${classes[i]},${pixels.subarray(i * 28 * 28, (i + 1) * 28 * 28).join(",")}`;
  })());
  return path;
}
