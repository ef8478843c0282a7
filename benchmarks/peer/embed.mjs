// The peer of `clip bench`'s peer stage: transformers.js embeds images with a CLIP model folder, its own
// preprocessing included (RawImage.read decodes with sharp, the CLIP image processor resizes, crops, normalises).
//
// Usage: node embed.mjs MODEL_FOLDER LIST_FILE SECONDS THREADS BATCH EMBEDDINGS_OUT
//   LIST_FILE: one image path per line. EMBEDDINGS_OUT: JSON {path: [unit-length floats] | {"error": "..."}}
//   written after the first, untimed pass. Then the usable images are embedded again and again for SECONDS.
// Prints one JSON object: {"images": N, "seconds": S, "images_per_second": R, "failed": F}.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env, AutoProcessor, CLIPVisionModelWithProjection, RawImage } from '@huggingface/transformers';

const [modelFolder, listFile, seconds, threads, batchSize, embeddingsOut] = process.argv.slice(2);
if (!embeddingsOut) {
  console.error('usage: node embed.mjs MODEL_FOLDER LIST_FILE SECONDS THREADS BATCH EMBEDDINGS_OUT');
  process.exit(2);
}

// Local files only: the folder's parent is the model root, its name the model id.
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = path.dirname(path.resolve(modelFolder)) + '/';
const modelId = path.basename(path.resolve(modelFolder));
const processor = await AutoProcessor.from_pretrained(modelId);
const model = await CLIPVisionModelWithProjection.from_pretrained(modelId, {
  dtype: 'fp32',
  device: 'cpu',
  session_options: { intraOpNumThreads: Number(threads) },
});

async function embed(files) {
  const images = await Promise.all(files.map((file) => RawImage.read(file)));
  const inputs = await processor(images);
  const { image_embeds: embeds } = await model(inputs);
  const [rows, dimension] = embeds.dims;
  const result = [];
  for (let row = 0; row < rows; row++) {
    const vector = Array.from(embeds.data.slice(row * dimension, (row + 1) * dimension));
    const norm = Math.hypot(...vector);
    result.push(vector.map((value) => value / norm));
  }
  return result;
}

const files = readFileSync(listFile, 'utf8').split('\n').filter((line) => line.length > 0);
const embeddings = {};
const usable = [];
for (const file of files) {
  try {
    [embeddings[file]] = await embed([file]);
    usable.push(file);
  } catch (error) {
    embeddings[file] = { error: String(error?.message ?? error) };
  }
}
writeFileSync(embeddingsOut, JSON.stringify(embeddings));

const batch = Number(batchSize);
const budget = Number(seconds) * 1000;
let count = 0;
let next = 0;
const start = performance.now();
while (performance.now() - start < budget) {
  const chunk = [];
  for (let i = 0; i < batch; i++) {
    chunk.push(usable[next]);
    next = (next + 1) % usable.length;
  }
  await embed(chunk);
  count += chunk.length;
}
const elapsed = (performance.now() - start) / 1000;
console.log(JSON.stringify({
  images: count, seconds: elapsed, images_per_second: count / elapsed, failed: files.length - usable.length,
}));
