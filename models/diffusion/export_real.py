"""Exports the AI-redraw models to ONNX for onnxruntime-web: the text encoder and distilled UNet of
IDKiro/sdxs-512-dreamshaper (or --model stabilityai/sd-turbo) and TAESD's encoder and decoder
(madebyollin/taesd), with exactly the signatures of models/fixtures/diffusion (see README.md):

  text_encoder  input_ids int32 [batch, sequence] -> last_hidden_state float32 [batch, sequence, hidden]
  unet          sample float32 [batch, 4, height, width], timestep int64 [batch],
                encoder_hidden_states float32 [batch, sequence, hidden] -> out_sample float32 (noise)
  vae_encoder   sample float32 [batch, 3, height, width] in [-1, 1]
                -> latent_sample float32 [batch, 4, latent_height, latent_width] (UNet scale)
  vae_decoder   latent_sample -> sample float32 [batch, 3, height, width] in [-1, 1]

Each model is exported in float32 (a working file), checked against PyTorch on onnxruntime's CPU
provider, then written in two variants: fp16 (onnxconverter-common, inputs and outputs kept float32)
and q8 (onnxruntime dynamic quantisation: int8 weights). OUT/exported.json lists the files for
models/diffusion/pin-exported.ts. Needs the pinned packages of requirements.txt and the Hugging Face
hub (or its cache); about 8 GB of RAM for SDXS.

    python export_real.py --out DIR [--model stabilityai/sd-turbo] [--keep-fp32]
"""

import argparse
import hashlib
import json
import pathlib
import shutil

import numpy as np
import onnx
import onnxruntime as ort
import torch
from diffusers import AutoencoderTiny, UNet2DConditionModel
from diffusers.models.attention_processor import AttnProcessor
from onnxconverter_common import float16
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import CLIPTextModel, CLIPTokenizer

OPSET = 17
PROTOBUF_LIMIT = 2 ** 31  # bytes; a larger model needs external data, which the app does not load
IMAGE, LATENT = 512, 64
TAESD = "madebyollin/taesd"
TAESD_LICENSE = "MIT"

# The UNet + text encoder sets. Licences as their model cards state them: verify before hosting.
MODELS = {
    "IDKiro/sdxs-512-dreamshaper": {
        "prefix": "sdxs",
        "folder": "sdxs-512-dreamshaper",
        "license": "openrail++",
        "timestep": 999,  # one-step model: trained to denoise from the last timestep
    },
    "stabilityai/sd-turbo": {
        "prefix": "sd-turbo",
        "folder": "sd-turbo",
        "license": "Stability AI Non-Commercial Research Community License",
        "timestep": 999,
    },
}

PROMPT = "a cartoon sticker of a smiling face, thick outlines, flat colours"


class TextEncoder(torch.nn.Module):
    """int32 ids (what the app's tokenizer hands over) -> last_hidden_state only."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model(input_ids=input_ids.to(torch.int64), return_dict=False)[0]


class Unet(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, sample, timestep, encoder_hidden_states):
        return self.model(sample, timestep, encoder_hidden_states, return_dict=False)[0]


class VaeEncoder(torch.nn.Module):
    """[-1, 1] image -> TAESD latents. diffusers' EncoderTiny maps [-1, 1] to TAESD's [0, 1] itself,
    and TAESD latents need no scaling factor (AutoencoderTiny's scaling_factor is 1)."""

    def __init__(self, vae):
        super().__init__()
        self.encoder = vae.encoder

    def forward(self, sample):
        return self.encoder(sample)


class VaeDecoder(torch.nn.Module):
    """TAESD latents -> [-1, 1] image. diffusers' DecoderTiny already maps TAESD's [0, 1] output to
    [-1, 1]; the clamp keeps its overshoot out of the app."""

    def __init__(self, vae):
        super().__init__()
        self.decoder = vae.decoder

    def forward(self, latent_sample):
        return self.decoder(latent_sample).clamp(-1, 1)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tensor_bytes(tensor):
    count = int(np.prod(tensor.dims, dtype=np.int64)) if len(tensor.dims) else 1
    return count * onnx.helper.tensor_dtype_to_np_dtype(tensor.data_type).itemsize


def largest_in_graph(graph):
    sizes = [tensor_bytes(t) for t in graph.initializer]
    for node in graph.node:
        for attribute in node.attribute:
            if attribute.HasField("t"):
                sizes.append(tensor_bytes(attribute.t))
            sizes += [tensor_bytes(t) for t in attribute.tensors]
            if attribute.HasField("g"):
                sizes.append(largest_in_graph(attribute.g))
            sizes += [largest_in_graph(g) for g in attribute.graphs]
    return max(sizes, default=0)


def largest_tensor_bytes(path):
    """Same measure as models/onnx-largest-tensor.ts: initializers and Constant tensors, subgraphs included."""
    return largest_in_graph(onnx.load(str(path), load_external_data=False).graph)


def export_fp32(module, args, path, inputs, outputs, axes):
    path.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(module, args, str(path), input_names=inputs, output_names=outputs,
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
    onnx.checker.check_model(str(path))  # by path: works past 2 GB too (sd-turbo's UNet)


def to_fp16(source, target):
    # torch writes a model past 2 GB (sd-turbo's UNet) as external data files beside it.
    if any(p != source for p in source.parent.iterdir()):
        # Convert by path, so that shape inference reads the weights from disk.
        model = float16.convert_float_to_float16_model_path(str(source), keep_io_types=True)
    else:
        model = float16.convert_float_to_float16(onnx.load(str(source)), keep_io_types=True)
    if model.ByteSize() >= PROTOBUF_LIMIT:
        raise SystemExit(f"{target.name} would pass 2 GB; the app loads single-file models only")
    onnx.save(model, str(target))


def to_q8(source, target, has_conv, quantize_gather=False):
    """Dynamic int8: weights stored as int8 (8-bit MatMulInteger/ConvInteger at run time, which
    onnxruntime-web runs on its wasm backend). ConvInteger only takes uint8 weights, so models with
    Conv use QUInt8; the text encoder uses QInt8 and also quantises its token embedding (Gather)."""
    ops = ["MatMul", "Gemm"] + (["Conv"] if has_conv else []) + (["Gather"] if quantize_gather else [])
    quantize_dynamic(str(source), str(target), op_types_to_quantize=ops,
                     weight_type=QuantType.QUInt8 if has_conv else QuantType.QInt8,
                     use_external_data_format=False)


def onnx_outputs(path, feeds):
    try:
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    except Exception as error:  # e.g. no CPU kernel for some fp16 op: check that variant in the browser
        print(f"  {path.name}: onnxruntime CPU cannot run it ({str(error).splitlines()[0]})")
        return None
    return session.run(None, {k: v.numpy() for k, v in feeds.items()})[0]


def parity(reference, files, feeds):
    """Max abs error of each exported variant against the PyTorch module on the same input."""
    expected = reference.detach().float().numpy()
    for path in files:
        got = onnx_outputs(path, feeds)
        if got is not None:
            print(f"  {path.name}: max abs error {np.abs(got - expected).max():.3g} (output max abs {np.abs(expected).max():.3g})")


def finish(work, name, out_dir, q8_options, feeds, reference):
    """fp32 working file -> fp16 and q8 variants in out_dir, parity-checked; returns their paths."""
    fp32 = work / name / "model.onnx"
    fp16, q8 = out_dir / f"{name}.fp16.onnx", out_dir / f"{name}.q8.onnx"
    out_dir.mkdir(parents=True, exist_ok=True)
    to_fp16(fp32, fp16)
    to_q8(fp32, q8, **q8_options)
    print(f"{name}: parity with PyTorch on onnxruntime CPU")
    parity(reference, [fp32, fp16, q8], feeds)
    return {"fp16": fp16, "q8": q8}


def export_text_encoder(repo, work, out_dir):
    tokenizer = CLIPTokenizer.from_pretrained(repo, subfolder="tokenizer")
    model = CLIPTextModel.from_pretrained(repo, subfolder="text_encoder", torch_dtype=torch.float32).eval()
    module = TextEncoder(model)
    ids = tokenizer(PROMPT, padding="max_length", max_length=tokenizer.model_max_length, truncation=True,
                    return_tensors="pt").input_ids.to(torch.int32)
    export_fp32(module, (ids,), work / "text_encoder" / "model.onnx", ["input_ids"], ["last_hidden_state"],
                {"input_ids": {0: "batch", 1: "sequence"}, "last_hidden_state": {0: "batch", 1: "sequence"}})
    with torch.no_grad():
        hidden = module(ids)
    files = finish(work, "text_encoder", out_dir, {"has_conv": False, "quantize_gather": True}, {"input_ids": ids}, hidden)
    return files, hidden


def export_unet(repo, timestep, hidden, work, out_dir):
    model = UNet2DConditionModel.from_pretrained(repo, subfolder="unet", torch_dtype=torch.float32).eval()
    # The plain attention processor: scaled_dot_product_attention exports less predictably.
    model.set_attn_processor(AttnProcessor())
    module = Unet(model)
    sample = torch.randn(1, 4, LATENT, LATENT, generator=torch.Generator().manual_seed(0))
    t = torch.tensor([timestep], dtype=torch.int64)
    export_fp32(module, (sample, t, hidden), work / "unet" / "model.onnx",
                ["sample", "timestep", "encoder_hidden_states"], ["out_sample"],
                {"sample": {0: "batch", 2: "height", 3: "width"}, "timestep": {0: "batch"},
                 "encoder_hidden_states": {0: "batch", 1: "sequence"},
                 "out_sample": {0: "batch", 2: "height", 3: "width"}})
    with torch.no_grad():
        reference = module(sample, t, hidden)
    feeds = {"sample": sample, "timestep": t, "encoder_hidden_states": hidden}
    return finish(work, "unet", out_dir, {"has_conv": True}, feeds, reference)


def test_image():
    """A smooth colourful 512x512 pattern in [-1, 1]: TAESD should give it back closely."""
    y, x = torch.meshgrid(torch.linspace(-1, 1, IMAGE), torch.linspace(-1, 1, IMAGE), indexing="ij")
    return torch.stack([torch.sin(3 * x), torch.cos(2 * y), torch.sin(2 * (x + y))])[None] * 0.8


def export_vae_encoder(vae, work, out_dir):
    module = VaeEncoder(vae)
    image = test_image()
    export_fp32(module, (image,), work / "vae_encoder" / "model.onnx", ["sample"], ["latent_sample"],
                {"sample": {0: "batch", 2: "height", 3: "width"},
                 "latent_sample": {0: "batch", 2: "latent_height", 3: "latent_width"}})
    with torch.no_grad():
        latents = module(image)
    return finish(work, "vae_encoder", out_dir, {"has_conv": True}, {"sample": image}, latents), latents


def export_vae_decoder(vae, latents, work, out_dir):
    module = VaeDecoder(vae)
    export_fp32(module, (latents,), work / "vae_decoder" / "model.onnx", ["latent_sample"], ["sample"],
                {"latent_sample": {0: "batch", 2: "latent_height", 3: "latent_width"},
                 "sample": {0: "batch", 2: "height", 3: "width"}})
    with torch.no_grad():
        image = module(latents)
    # Catches a wrong [-1, 1] / [0, 1] convention, which parity with PyTorch alone cannot.
    error = (image - test_image()).abs().mean().item()
    print(f"TAESD round trip of the test pattern: mean abs error {error:.3f} on [-1, 1]")
    if error > 0.1:
        raise SystemExit("TAESD does not give the test pattern back: check the encoder/decoder wrappers")
    return finish(work, "vae_decoder", out_dir, {"has_conv": True}, {"latent_sample": latents}, image)


def record(id_prefix, files, license, description, out):
    return [{
        "id": f"{id_prefix}-{variant}",
        "variant": variant,
        "file": path.relative_to(out).as_posix(),
        "bytes": path.stat().st_size,
        "sha256": sha256(path),
        "largestTensorBytes": largest_tensor_bytes(path),
        "license": license,
        "description": f"{description} ({variant})",
    } for variant, path in files.items()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=pathlib.Path, required=True, help="output folder (the model base URL's content)")
    parser.add_argument("--model", choices=sorted(MODELS), default="IDKiro/sdxs-512-dreamshaper")
    parser.add_argument("--keep-fp32", action="store_true", help="keep the float32 working files in OUT/fp32-work")
    args = parser.parse_args()
    spec = MODELS[args.model]
    out = args.out.resolve()
    work = out / "fp32-work"
    torch.manual_seed(0)

    unet_dir, taesd_dir = out / spec["folder"], out / "taesd"
    text_files, hidden = export_text_encoder(args.model, work, unet_dir)
    unet_files = export_unet(args.model, spec["timestep"], hidden, work, unet_dir)
    vae = AutoencoderTiny.from_pretrained(TAESD, torch_dtype=torch.float32).eval()
    encoder_files, latents = export_vae_encoder(vae, work, taesd_dir)
    decoder_files = export_vae_decoder(vae, latents, work, taesd_dir)

    name = args.model.split("/")[1]
    entries = (record(f"{spec['prefix']}-text-encoder", text_files, spec["license"],
                      f"{name} CLIP text encoder: CLIP ids -> last_hidden_state", out)
               + record(f"{spec['prefix']}-unet", unet_files, spec["license"],
                        f"{name} distilled UNet: noise prediction on 64x64 latents", out)
               + record("taesd-encoder", encoder_files, TAESD_LICENSE, "TAESD tiny VAE encoder: [-1, 1] image -> latents", out)
               + record("taesd-decoder", decoder_files, TAESD_LICENSE, "TAESD tiny VAE decoder: latents -> [-1, 1] image", out))
    (out / "exported.json").write_text(json.dumps({"model": args.model, "vae": TAESD, "files": entries}, indent=2) + "\n")
    if not args.keep_fp32:
        shutil.rmtree(work)
    for entry in entries:
        print(f"{entry['id']}: {entry['file']} {entry['bytes']:,} bytes, largest tensor {entry['largestTensorBytes']:,}")
    print(f"wrote {out / 'exported.json'}")


if __name__ == "__main__":
    main()
