import * as tf from "../tf.ts";

/**
 * im2col: the receptive field of every output position of a conv layer, as rows of
 * kh·kw·inChannels values in the same order as a flattened [kh, kw, in, out] kernel.
 * Returns [batch, positions, kh·kw·in]. tfjs has no extract_patches op, so it is built
 * from kh·kw strided slices; padding follows TensorFlow's "same" rule (extra pad at the end).
 */
export function extractPatches(input: tf.Tensor4D, kernelSize: number, stride: number, padding: "valid" | "same"): tf.Tensor3D {
  const [batch, height, width, channels] = input.shape;
  const outHeight = padding === "same" ? Math.ceil(height / stride) : Math.floor((height - kernelSize) / stride) + 1;
  const outWidth = padding === "same" ? Math.ceil(width / stride) : Math.floor((width - kernelSize) / stride) + 1;
  let padded: tf.Tensor4D = input;
  if (padding === "same") {
    const padH = Math.max((outHeight - 1) * stride + kernelSize - height, 0);
    const padW = Math.max((outWidth - 1) * stride + kernelSize - width, 0);
    const top = Math.floor(padH / 2);
    const left = Math.floor(padW / 2);
    padded = tf.pad(input, [[0, 0], [top, padH - top], [left, padW - left], [0, 0]]);
  }
  const slices: tf.Tensor4D[] = [];
  for (let di = 0; di < kernelSize; di++) {
    for (let dj = 0; dj < kernelSize; dj++) {
      slices.push(
        tf.stridedSlice(
          padded,
          [0, di, dj, 0],
          [batch, di + (outHeight - 1) * stride + 1, dj + (outWidth - 1) * stride + 1, channels],
          [1, stride, stride, 1],
        ) as tf.Tensor4D,
      );
    }
  }
  return tf.reshape(tf.concat(slices, 3), [batch, outHeight * outWidth, kernelSize * kernelSize * channels]);
}
