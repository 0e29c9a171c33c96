#!/usr/bin/python3
"""Writes tiny random-weight ONNX models shaped like Stable Diffusion's, for the ONNX backend's tests.

Run with Debian's interpreter and its python3-onnx package (apt-get install python3-onnx):
    /usr/bin/python3 eng/make-tiny-models.py tests/models
The output is committed (a few hundred KB), so the test suite never needs Python. Folders, in the standard
diffusers ONNX export layout (text_encoder/ unet/ vae_decoder/ vae_encoder/ tokenizer/, each with model.onnx):
  tiny-sd          fp32; input_ids INT32; timestep FLOAT [batch]; 4-channel UNet
  tiny-sd-fp16     input_ids INT64; UNet and VAE with FLOAT16 inputs and outputs; timestep INT64 [1]
  tiny-sd-inpaint  like tiny-sd, with a 9-channel inpainting UNet (latents, mask, masked-image latents)
Every model's output depends on every input, so wiring mistakes (a swapped guidance half, an ignored timestep,
an unused mask) change the numbers the tests check. The tokenizer is a small synthetic CLIP-style BPE vocabulary.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 32          # text embedding width (SD 1.x: 768); the pipeline reads it from the model
VOCAB = 1024         # ids are taken modulo this inside the text encoder
OPSET = 17


def save(model, path):
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    onnx.save(model, path)


def make_model(nodes, name, inputs, outputs, initializers):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="mjbot-tiny-models")


def text_encoder(rng, ids_type):
    nodes = [
        helper.make_node("Cast", ["input_ids"], ["ids64"], to=TensorProto.INT64),
        helper.make_node("Mod", ["ids64", "vocab"], ["ids_mod"]),
        helper.make_node("Gather", ["tok_emb", "ids_mod"], ["emb"], axis=0),
        helper.make_node("Add", ["emb", "pos_emb"], ["emb_pos"]),
        helper.make_node("MatMul", ["emb_pos", "proj"], ["hidden"]),
        helper.make_node("Tanh", ["hidden"], ["last_hidden_state"]),
    ]
    inits = [
        numpy_helper.from_array(np.array([VOCAB], dtype=np.int64), "vocab"),
        numpy_helper.from_array(rng.normal(0, 1, (VOCAB, HIDDEN)).astype(np.float32), "tok_emb"),
        numpy_helper.from_array(rng.normal(0, 0.1, (77, HIDDEN)).astype(np.float32), "pos_emb"),
        numpy_helper.from_array(rng.normal(0, 1 / np.sqrt(HIDDEN), (HIDDEN, HIDDEN)).astype(np.float32), "proj"),
    ]
    return make_model(nodes, "text_encoder",
                      [helper.make_tensor_value_info("input_ids", ids_type, ["batch", "sequence"])],
                      [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", HIDDEN])],
                      inits)


def unet(rng, in_channels, half, timestep_type, timestep_dims):
    io = TensorProto.FLOAT16 if half else TensorProto.FLOAT
    nodes = []
    sample, hidden, out = "sample", "encoder_hidden_states", "out_sample"
    if half:
        nodes += [helper.make_node("Cast", ["sample"], ["sample32"], to=TensorProto.FLOAT),
                  helper.make_node("Cast", ["encoder_hidden_states"], ["hidden32"], to=TensorProto.FLOAT)]
        sample, hidden, out = "sample32", "hidden32", "out32"
    nodes += [
        helper.make_node("Conv", [sample, "conv_w", "conv_b"], ["conv"], pads=[1, 1, 1, 1]),
        helper.make_node("ReduceMean", [hidden], ["text_mean"], axes=[1], keepdims=0),
        helper.make_node("MatMul", ["text_mean", "text_proj"], ["text4"]),
        helper.make_node("Cast", ["timestep"], ["t32"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["t32", "t_scale"], ["t_scaled"]),
        helper.make_node("Unsqueeze", ["t_scaled", "axis1"], ["t_col"]),
        helper.make_node("Add", ["text4", "t_col"], ["cond"]),
        helper.make_node("Reshape", ["cond", "cond_shape"], ["cond4"]),
        helper.make_node("Add", ["conv", "cond4"], [out]),
    ]
    if half:
        nodes.append(helper.make_node("Cast", ["out32"], ["out_sample"], to=TensorProto.FLOAT16))
    inits = [
        numpy_helper.from_array((rng.normal(0, 0.05, (4, in_channels, 3, 3))).astype(np.float32), "conv_w"),
        numpy_helper.from_array(rng.normal(0, 0.01, (4,)).astype(np.float32), "conv_b"),
        numpy_helper.from_array(rng.normal(0, 0.5, (HIDDEN, 4)).astype(np.float32), "text_proj"),
        numpy_helper.from_array(np.array([1e-3], dtype=np.float32), "t_scale"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
        numpy_helper.from_array(np.array([-1, 4, 1, 1], dtype=np.int64), "cond_shape"),
    ]
    inputs = [
        helper.make_tensor_value_info("sample", io, ["batch", in_channels, "height", "width"]),
        helper.make_tensor_value_info("timestep", timestep_type, timestep_dims),
        helper.make_tensor_value_info("encoder_hidden_states", io, ["batch", "sequence", HIDDEN]),
    ]
    return make_model(nodes, "unet", inputs, [helper.make_tensor_value_info("out_sample", io, ["batch", 4, "height", "width"])], inits)


def vae_decoder(rng, half):
    io = TensorProto.FLOAT16 if half else TensorProto.FLOAT
    src, out = "latent_sample", "sample"
    nodes = []
    if half:
        nodes.append(helper.make_node("Cast", ["latent_sample"], ["latent32"], to=TensorProto.FLOAT))
        src, out = "latent32", "sample32"
    nodes += [
        helper.make_node("Conv", [src, "w", "b"], ["rgb"]),
        helper.make_node("Resize", ["rgb", "", "scales"], ["big"], mode="nearest"),
        helper.make_node("Tanh", ["big"], [out]),
    ]
    if half:
        nodes.append(helper.make_node("Cast", ["sample32"], ["sample"], to=TensorProto.FLOAT16))
    inits = [
        numpy_helper.from_array(rng.normal(0, 0.8, (3, 4, 1, 1)).astype(np.float32), "w"),
        numpy_helper.from_array(np.zeros(3, dtype=np.float32), "b"),
        numpy_helper.from_array(np.array([1, 1, 8, 8], dtype=np.float32), "scales"),
    ]
    return make_model(nodes, "vae_decoder",
                      [helper.make_tensor_value_info("latent_sample", io, ["batch", 4, "latent_height", "latent_width"])],
                      [helper.make_tensor_value_info("sample", io, ["batch", 3, "height", "width"])], inits)


def vae_encoder(rng, half):
    io = TensorProto.FLOAT16 if half else TensorProto.FLOAT
    src, out = "sample", "latent_sample"
    nodes = []
    if half:
        nodes.append(helper.make_node("Cast", ["sample"], ["sample32"], to=TensorProto.FLOAT))
        src, out = "sample32", "latent32"
    nodes += [
        helper.make_node("AveragePool", [src], ["pooled"], kernel_shape=[8, 8], strides=[8, 8]),
        helper.make_node("Conv", ["pooled", "w", "b"], [out]),
    ]
    if half:
        nodes.append(helper.make_node("Cast", ["latent32"], ["latent_sample"], to=TensorProto.FLOAT16))
    inits = [
        numpy_helper.from_array(rng.normal(0, 0.8, (4, 3, 1, 1)).astype(np.float32), "w"),
        numpy_helper.from_array(np.zeros(4, dtype=np.float32), "b"),
    ]
    return make_model(nodes, "vae_encoder",
                      [helper.make_tensor_value_info("sample", io, ["batch", 3, "height", "width"])],
                      [helper.make_tensor_value_info("latent_sample", io, ["batch", 4, "latent_height", "latent_width"])], inits)


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return [chr(c) for c in cs]


def tokenizer(folder):
    """A CLIP-shaped vocabulary: the 256 byte symbols, the same with </w>, merges for a few words, then the specials."""
    symbols = bytes_to_unicode()
    vocab = symbols + [s + "</w>" for s in symbols]
    merges = []
    for word in ["cat", "photo", "fox", "snow", "red", "the", "of", "a"]:
        parts = list(word[:-1]) + [word[-1] + "</w>"]
        while len(parts) > 1:
            merged = parts[0] + parts[1]
            merges.append(f"{parts[0]} {parts[1]}")
            if merged not in vocab:
                vocab.append(merged)
            parts = [merged] + parts[2:]
    vocab += ["<|startoftext|>", "<|endoftext|>"]
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump({tok: i for i, tok in enumerate(vocab)}, f, ensure_ascii=False)
    with open(os.path.join(folder, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n" + "\n".join(merges) + "\n")
    special = {"bos_token": "<|startoftext|>", "eos_token": "<|endoftext|>", "unk_token": "<|endoftext|>", "pad_token": "<|endoftext|>"}
    with open(os.path.join(folder, "special_tokens_map.json"), "w", encoding="utf-8") as f:
        json.dump(special, f)


def folder(root, name, seed, ids_type, half, timestep_type, timestep_dims, unet_channels):
    rng = np.random.default_rng(seed)
    base = os.path.join(root, name)
    save(text_encoder(rng, ids_type), os.path.join(base, "text_encoder", "model.onnx"))
    save(unet(rng, unet_channels, half, timestep_type, timestep_dims), os.path.join(base, "unet", "model.onnx"))
    save(vae_decoder(rng, half), os.path.join(base, "vae_decoder", "model.onnx"))
    save(vae_encoder(rng, half), os.path.join(base, "vae_encoder", "model.onnx"))
    tokenizer(os.path.join(base, "tokenizer"))
    with open(os.path.join(base, "vae_decoder", "config.json"), "w") as f:
        json.dump({"_class_name": "AutoencoderKL", "scaling_factor": 0.18215}, f)
    # MjBot's own model settings: tiny images and few steps keep the tests fast.
    with open(os.path.join(base, "mjbot.json"), "w") as f:
        json.dump({"native_size": 64, "steps": 6, "guidance": 7.5, "sampler": "euler_a"}, f)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/models"
    folder(root, "tiny-sd", 1, TensorProto.INT32, False, TensorProto.FLOAT, ["batch"], 4)
    folder(root, "tiny-sd-fp16", 2, TensorProto.INT64, True, TensorProto.INT64, [1], 4)
    folder(root, "tiny-sd-inpaint", 3, TensorProto.INT32, False, TensorProto.FLOAT, ["batch"], 9)
    print(f"tiny models written under {root}")


if __name__ == "__main__":
    main()
