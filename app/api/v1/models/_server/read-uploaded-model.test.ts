import { describe, expect, it } from "vitest";
import { readUploadedModel } from "./read-uploaded-model";

const modelJson = {
  format: "layers-model",
  modelTopology: { class_name: "Sequential", config: { layers: [] } },
  weightsManifest: [{ paths: ["group1-shard1of1.bin"], weights: [{ name: "dense/kernel", shape: [2, 2], dtype: "float32" }] }],
};

function multipart(fields: [string, Blob | string, string?][]): Request {
  const form = new FormData();
  for (const [name, value, filename] of fields) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, filename);
  }
  return new Request("http://localhost/api/v1/models/m/versions", { method: "POST", body: form });
}

describe("readUploadedModel", () => {
  it("makes a bundle of model.json and the shards it names, with the metadata", async () => {
    const weights = new Uint8Array(16).fill(1);
    const { bundle, metadata } = await readUploadedModel(
      multipart([
        ["model", new Blob([JSON.stringify(modelJson)]), "model.json"],
        ["weights", new Blob([weights]), "group1-shard1of1.bin"],
        ["metadata", JSON.stringify({ declaredGuarantee: { epsilon: 2, delta: 1e-5 } })],
      ]),
    );
    expect(bundle).toMatchObject({ format: "canary-tfjs-layers-bundle", weightSpecs: modelJson.weightsManifest[0]!.weights });
    expect(Buffer.from(bundle.weightData, "base64")).toEqual(Buffer.from(weights));
    expect(metadata).toEqual({ declaredGuarantee: { epsilon: 2, delta: 1e-5 } });
  });

  it("names what is wrong: no model.json, a missing shard, bad metadata, another content type, too large", async () => {
    await expect(readUploadedModel(multipart([["weights", new Blob([new Uint8Array(4)]), "x.bin"]]))).rejects.toThrow("multipart field `model` (the model.json file) is missing");
    await expect(readUploadedModel(multipart([["model", new Blob([JSON.stringify(modelJson)]), "model.json"]]))).rejects.toThrow('the weights file "group1-shard1of1.bin" named in model.json was not uploaded');
    await expect(
      readUploadedModel(multipart([["model", new Blob([JSON.stringify(modelJson)]), "model.json"], ["metadata", JSON.stringify({ declaredGuarantee: { epsilon: -1, delta: 1e-5 } })]])),
    ).rejects.toThrow(/^metadata\.declaredGuarantee\.epsilon: /);
    await expect(readUploadedModel(new Request("http://localhost/x", { method: "POST", body: "x", headers: { "content-type": "text/plain" } }))).rejects.toMatchObject({ code: "unsupported_media_type" });
    await expect(
      readUploadedModel(new Request("http://localhost/x", { method: "POST", body: "{}", headers: { "content-type": "application/json", "content-length": String(11 * 1024 ** 2) } })),
    ).rejects.toThrow("the model is too large: uploads may be at most 10 MB");
    await expect(readUploadedModel(new Request("http://localhost/x", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }))).rejects.toThrow("a JSON upload is `{ bundle, metadata? }`");
  });
});
