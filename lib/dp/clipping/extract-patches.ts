import * as tf from "../tf.ts";

// One identity kernel per (kernel size, channels): it never changes, so build it once.
const identityKernels = new Map<string, tf.Tensor4D>();

/** [k, k, in, k·k·in] with a single 1 mapping input tap (di, dj, c) to output channel (di·k + dj)·in + c. */
function identityKernel(kernelSize: number, channels: number): tf.Tensor4D {
  const key = `${kernelSize}x${channels}`;
  let kernel = identityKernels.get(key);
  if (!kernel) {
    const taps = kernelSize * kernelSize * channels;
    const values = new Float32Array(taps * taps);
    // Row-major [di][dj][c][out]: tap t = (di·k + dj)·in + c sits at flat index t·taps + t.
    for (let t = 0; t < taps; t++) values[t * taps + t] = 1;
    kernel = tf.keep(tf.tensor4d(values, [kernelSize, kernelSize, channels, taps]));
    identityKernels.set(key, kernel);
  }
  return kernel;
}

/**
 * im2col: the receptive field of every output position of a conv layer, as rows of
 * kh·kw·inChannels values in the same order as a flattened [kh, kw, in, out] kernel.
 * Returns [batch, positions, kh·kw·in]. tfjs has no extract_patches op; a convolution with an
 * identity kernel computes exactly the patches, with TensorFlow's own padding rules, and runs on the
 * backend's fast conv kernel (k·k strided slices were 30–60× slower on wasm).
 */
export function extractPatches(input: tf.Tensor4D, kernelSize: number, stride: number, padding: "valid" | "same"): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, , , channels] = input.shape;
    const patches = tf.conv2d(input, identityKernel(kernelSize, channels), stride, padding);
    const [, outHeight, outWidth, taps] = patches.shape;
    return tf.reshape(patches, [batch, outHeight * outWidth, taps]);
  });
}
