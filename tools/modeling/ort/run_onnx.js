// Runs one ONNX model on one raw little-endian input tensor with ONNX Runtime (the onnxruntime-node package)
// and writes its first output as raw float32, so the Python tooling can check exports against a real runtime.
// Usage: node run_onnx.js MODEL INPUT_NAME DTYPE(float32|int64) SHAPE(comma-separated) INPUT.bin OUTPUT.bin
'use strict';
const fs = require('fs');
const ort = require('onnxruntime-node');

async function main() {
  const [model, inputName, dtype, shapeText, inputPath, outputPath] = process.argv.slice(2);
  const shape = shapeText.split(',').map(Number);
  const bytes = fs.readFileSync(inputPath);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const data = dtype === 'int64' ? new BigInt64Array(buffer) : new Float32Array(buffer);

  const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'] });
  const results = await session.run({ [inputName]: new ort.Tensor(dtype, data, shape) });
  const output = results[session.outputNames[0]];

  fs.writeFileSync(outputPath, Buffer.from(output.data.buffer, output.data.byteOffset, output.data.byteLength));
  process.stdout.write(JSON.stringify({ name: session.outputNames[0], dims: output.dims }) + '\n');
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
