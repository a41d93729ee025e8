// The byte size of the largest tensor stored in an ONNX model (initializers and Constant-node
// values, subgraphs included), read straight from the protobuf: the app compares it with the GPU's
// maxStorageBufferBindingSize before choosing WebGPU, since each such tensor becomes one buffer.

/** Bits per element of each TensorProto.DataType; 0 for strings and unknown types. */
const ELEMENT_BITS: Record<number, number> = {
  1: 32,
  2: 8,
  3: 8,
  4: 16,
  5: 16,
  6: 32,
  7: 64,
  9: 8,
  10: 16,
  11: 64,
  12: 32,
  13: 64,
  14: 64,
  15: 128,
  16: 16,
  17: 8,
  18: 8,
  19: 8,
  20: 8,
  21: 4,
  22: 4,
};

// Field numbers in onnx.proto3.
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const NODE_ATTRIBUTE = 5;
const ATTRIBUTE_TENSOR = 5;
const ATTRIBUTE_GRAPH = 6;
const ATTRIBUTE_TENSORS = 10;
const ATTRIBUTE_GRAPHS = 11;
const TENSOR_DIMS = 1;
const TENSOR_DATA_TYPE = 2;

interface Field {
  number: number;
  /** The varint's value, or for a length-delimited field its bytes. */
  value: number | Uint8Array;
}

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('ONNX file ends inside a varint');
    // Multiplication, not shifts: int64 dims and lengths may pass 2^31.
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return [value, at];
  }
}

function* fields(bytes: Uint8Array): Generator<Field> {
  let at = 0;
  while (at < bytes.length) {
    const [key, afterKey] = readVarint(bytes, at);
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      const [value, next] = readVarint(bytes, afterKey);
      yield { number, value };
      at = next;
    } else if (wire === 2) {
      const [length, start] = readVarint(bytes, afterKey);
      yield { number, value: bytes.subarray(start, start + length) };
      at = start + length;
    } else if (wire === 1 || wire === 5) {
      at = afterKey + (wire === 1 ? 8 : 4);
    } else {
      throw new Error(`ONNX file has protobuf wire type ${wire}, which ONNX does not use`);
    }
  }
}

function tensorBytes(tensor: Uint8Array): number {
  let elements = 1;
  let bits = 0;
  for (const { number, value } of fields(tensor)) {
    if (number === TENSOR_DIMS) {
      if (typeof value === 'number') {
        elements *= value;
        continue;
      }
      // Packed repeated int64.
      for (let at = 0; at < value.length;) {
        const [dim, next] = readVarint(value, at);
        elements *= dim;
        at = next;
      }
    } else if (number === TENSOR_DATA_TYPE && typeof value === 'number') {
      bits = ELEMENT_BITS[value] ?? 0;
    }
  }
  return Math.ceil((elements * bits) / 8);
}

function largestInGraph(graph: Uint8Array): number {
  let largest = 0;
  for (const { number, value } of fields(graph)) {
    if (typeof value === 'number') continue;
    if (number === GRAPH_INITIALIZER) largest = Math.max(largest, tensorBytes(value));
    if (number !== GRAPH_NODE) continue;
    for (const attribute of fields(value)) {
      if (attribute.number !== NODE_ATTRIBUTE || typeof attribute.value === 'number') continue;
      for (const { number: kind, value: content } of fields(attribute.value)) {
        if (typeof content === 'number') continue;
        if (kind === ATTRIBUTE_TENSOR || kind === ATTRIBUTE_TENSORS) largest = Math.max(largest, tensorBytes(content));
        if (kind === ATTRIBUTE_GRAPH || kind === ATTRIBUTE_GRAPHS) largest = Math.max(largest, largestInGraph(content));
      }
    }
  }
  return largest;
}

/** Bytes of the largest tensor in this ONNX model's bytes (ModelProto). */
export function largestTensorBytes(model: Uint8Array): number {
  let largest = 0;
  for (const { number, value } of fields(model)) {
    if (number === MODEL_GRAPH && typeof value !== 'number') largest = Math.max(largest, largestInGraph(value));
  }
  return largest;
}
